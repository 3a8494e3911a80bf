package io.kmcp.domain.diagnosis.rules.containers;

import static io.kmcp.domain.diagnosis.Fixtures.container;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.only;
import static io.kmcp.domain.diagnosis.Fixtures.pod;
import static io.kmcp.domain.diagnosis.Fixtures.waiting;
import static io.kmcp.domain.diagnosis.Fixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CreateContainerConfigError")
class CreateContainerConfigErrorRuleTest {

    private final CreateContainerConfigErrorRule rule = new CreateContainerConfigErrorRule();

    @Test
    @DisplayName("a missing Secret: named from the kubelet's message, to be created or the reference fixed")
    void missingSecret() {
        WorkloadGraph graph = graph().pods(pod("web-7d9f-a").with(configError("secret \"db-credentials\" not found")))
                .events(warning("Failed", "web-7d9f-a", "Error: secret \"db-credentials\" not found", 6))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.cause()).isEqualTo("CreateContainerConfigError");
        assertThat(finding.summary())
                .isEqualTo("container app of 1/1 pods of Deployment shop/web cannot be configured: create the Secret"
                        + " db-credentials in the pod's namespace, or fix the name the pod refers to (secret"
                        + " \"db-credentials\" not found)");
        assertThat(finding.evidence())
                .containsExactly(
                        "1 of 1 pods: web-7d9f-a",
                        "kubelet: secret \"db-credentials\" not found",
                        "event Failed ×6: Error: secret \"db-credentials\" not found");
    }

    @Test
    @DisplayName("a missing key of a ConfigMap: the key and the ConfigMap to add it to")
    void missingKey() {
        WorkloadGraph graph = graph().pods(
                        pod("web-7d9f-a").with(configError("couldn't find key LOG_LEVEL in ConfigMap shop/settings")))
                .build();

        assertThat(only(rule.findings(graph)).summary())
                .endsWith("cannot be configured: add the key LOG_LEVEL to the ConfigMap shop/settings, or fix the key"
                        + " the container refers to (couldn't find key LOG_LEVEL in ConfigMap shop/settings)");
    }

    @Test
    @DisplayName("runAsNonRoot against an image that runs as root, or names its user")
    void runAsNonRoot() {
        Finding root = only(rule.findings(graph().pods(pod("web-7d9f-a")
                        .with(configError("container has runAsNonRoot and image will run as root (pod:"
                                + " \"web-7d9f-a_shop(uid)\", container: app)")))
                .build()));
        Finding named = only(rule.findings(graph().pods(pod("web-7d9f-a")
                        .with(configError("container has runAsNonRoot and image has non-numeric user (nginx), cannot"
                                + " verify user is non-root")))
                .build()));

        assertThat(root.summary())
                .contains(": runAsNonRoot is set and the image runs as root: set a non-zero runAsUser or use an"
                        + " image that does not run as root (container has runAsNonRoot");
        assertThat(named.summary())
                .contains(": runAsNonRoot is set and the image names its user by name: set a numeric runAsUser (");
    }

    @Test
    @DisplayName("another message, or none: the pod template is what to fix")
    void otherMessage() {
        Finding other = only(rule.findings(graph().pods(pod("web-7d9f-a").with(configError("cannot resolve x")))
                .build()));
        Finding silent = only(rule.findings(
                graph().pods(pod("web-7d9f-a").with(configError(null))).build()));

        assertThat(other.summary()).endsWith(": fix what the message names in the pod template (cannot resolve x)");
        assertThat(silent.summary()).endsWith("cannot be configured: fix what the message names in the pod template");
        assertThat(silent.evidence()).containsExactly("1 of 1 pods: web-7d9f-a");
    }

    @Test
    @DisplayName("other waiting reasons are not configuration errors; a second container is named with its message")
    void scope() {
        assertThat(rule.findings(graph().pods(
                                pod("web-7d9f-a").with(container("app").state(waiting("CreateContainerError", "boom"))))
                        .build()))
                .isEmpty();
        Finding finding = only(rule.findings(graph().pods(pod("web-7d9f-a")
                        .with(
                                configError("configmap \"settings\" not found"),
                                container("proxy")
                                        .state(waiting("CreateContainerConfigError", "configmap \"proxy\" not found"))))
                .build()));
        assertThat(finding.evidence()).contains("also container proxy (1 pod): configmap \"proxy\" not found");
    }

    private static io.kmcp.domain.diagnosis.Fixtures.Container configError(String message) {
        return container("app").state(waiting("CreateContainerConfigError", message));
    }
}
