package io.kmcp.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.AuditManifests.AuditReport;
import io.kmcp.application.port.in.AuditManifests.ManifestSource;
import io.kmcp.domain.policy.AccessPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Auditing manifests offline")
class AuditManifestsServiceTest {

    private static final Map<String, List<Map<String, Object>>> FILES = Map.of(
            "clean.yaml",
            List.of(Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "c"))),
            "mixed.yaml",
            List.of(
                    Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "c")),
                    Map.of(
                            "apiVersion",
                            "rbac.authorization.k8s.io/v1",
                            "kind",
                            "ClusterRoleBinding",
                            "metadata",
                            Map.of("name", "admin"))));

    private final AuditManifestsService service = new AuditManifestsService(
            text -> {
                if (!FILES.containsKey(text)) {
                    throw new RequestFailedException(Reason.INVALID_ARGUMENT, "document 1, line 3: bad indentation");
                }
                return FILES.get(text);
            },
            AccessPolicy.builtIn());

    @Test
    @DisplayName("reports each refused document with its reason, per source")
    void reportsRefusals() {
        AuditReport report = service.audit(List.of(
                new ManifestSource("clean.yaml", "clean.yaml"), new ManifestSource("mixed.yaml", "mixed.yaml")));

        assertThat(report.anyRefused()).isTrue();
        assertThat(report.anyUnreadable()).isFalse();
        assertThat(report.sources().get(0).refusals()).isEmpty();
        assertThat(report.sources().get(1).refusals())
                .singleElement()
                .asString()
                .contains("document 2")
                .contains("ClusterRoleBinding")
                .contains("restricted");
    }

    @Test
    @DisplayName("a source that cannot be parsed is reported unreadable, the others are still audited")
    void unreadableSource() {
        AuditReport report = service.audit(
                List.of(new ManifestSource("broken.yaml", "garbage"), new ManifestSource("clean.yaml", "clean.yaml")));

        assertThat(report.anyUnreadable()).isTrue();
        assertThat(report.anyRefused()).isFalse();
        assertThat(report.sources().get(0).unreadable())
                .hasValueSatisfying(reason -> assertThat(reason).contains("line 3"));
    }
}
