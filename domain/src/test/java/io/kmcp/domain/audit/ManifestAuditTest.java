package io.kmcp.domain.audit;

import static io.kmcp.domain.fixtures.ManifestFixture.document;
import static io.kmcp.domain.fixtures.ManifestFixture.list;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.apply.Position;
import io.kmcp.domain.policy.AccessPolicy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A manifest audit")
class ManifestAuditTest {

    private final ManifestAudit audit = new ManifestAudit(AccessPolicy.builtIn());

    @Test
    @DisplayName("finds nothing in documents the policy allows")
    void allowsCleanDocuments() {
        List<Map<String, ?>> documents = Arrays.asList(
                document("v1", "ConfigMap", "shop", "settings"),
                null,
                document("apps/v1", "Deployment", "shop", "web"));

        assertThat(audit.audit(documents)).isEmpty();
    }

    @Test
    @DisplayName("reports every restricted document with its position, identity and the policy's reason")
    void reportsRestrictedDocuments() {
        List<Map<String, Object>> documents = List.of(
                document("v1", "ConfigMap", "shop", "settings"),
                document("v1", "Secret", "shop", "db"),
                list("List", List.of(document("rbac.authorization.k8s.io/v1", "ClusterRole", null, "admin"))));

        List<AuditFinding> findings = audit.audit(documents);

        assertThat(findings)
                .containsExactly(
                        new AuditFinding(
                                Position.of(2),
                                Optional.of("v1"),
                                Optional.of("Secret"),
                                Optional.of("shop"),
                                Optional.of("db"),
                                "Secret is restricted by this server's policy: Secrets hold credentials. This server"
                                        + " will not read, list or change it under any name or version; if the task"
                                        + " needs it, ask a cluster administrator to do that part."),
                        new AuditFinding(
                                Position.of(3).item(1),
                                Optional.of("rbac.authorization.k8s.io/v1"),
                                Optional.of("ClusterRole"),
                                Optional.empty(),
                                Optional.of("admin"),
                                findings.get(1).reason()));
        assertThat(findings.get(1).reason())
                .startsWith("ClusterRole.rbac.authorization.k8s.io is restricted by this server's policy");
        assertThat(findings.get(0).describe())
                .startsWith("document 2 (v1 Secret shop/db): Secret is restricted by this server's policy");
    }

    @Test
    @DisplayName("applies the operator's extra restrictions")
    void usesExtras() {
        ManifestAudit strict = new ManifestAudit(AccessPolicy.withExtraRestrictions(List.of("configmaps")));

        assertThat(strict.audit(List.of(document("v1", "ConfigMap", "shop", "settings"))))
                .extracting(AuditFinding::kind)
                .containsExactly(Optional.of("ConfigMap"));
    }

    @Test
    @DisplayName("reports what it cannot check instead of passing it")
    void reportsUncheckable() {
        Map<String, Object> kindless = new HashMap<>(document("v1", "Secret", null, "db"));
        kindless.remove("kind");
        Map<String, Object> badApiVersion = document("a/b/c", "Secret", null, "db");
        Map<String, Object> noMetadata = new HashMap<>(Map.of("apiVersion", 1, "kind", "Secret"));
        Map<String, Object> badList = list("List", List.of("text"));

        List<AuditFinding> findings = audit.audit(List.of(kindless, badApiVersion, noMetadata, badList));

        assertThat(findings)
                .extracting(AuditFinding::reason)
                .containsExactly(
                        "the policy cannot check this document: apiVersion or kind is missing",
                        "the policy cannot check this document: apiVersion 'a/b/c' is malformed; it is"
                                + " <group>/<version> (apps/v1) or, for the core group, <version> (v1).",
                        "the policy cannot check this document: apiVersion or kind is missing",
                        "the policy cannot check this document: an item of a List must be an object with apiVersion,"
                                + " kind and metadata");
        assertThat(findings.get(0).kind()).isEmpty();
        assertThat(findings.get(0).name()).contains("db");
        assertThat(findings.get(2).apiVersion()).isEmpty();
        assertThat(findings.get(2).name()).isEmpty();
        assertThat(findings.get(3).position()).isEqualTo(Position.of(4).item(1));
        assertThat(findings.get(2).describe())
                .isEqualTo("document 3 (<no apiVersion> Secret <unnamed>): the policy cannot check this document:"
                        + " apiVersion or kind is missing");
        assertThat(findings.get(0).describe()).startsWith("document 1 (v1 <no kind> db)");
    }
}
