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

@DisplayName("FailedMount")
class VolumeMountFailedRuleTest {

    private final VolumeMountFailedRule rule = new VolumeMountFailedRule();

    @Test
    @DisplayName("ContainerCreating held up by a ConfigMap that is not there: the event, and what to create")
    void missingConfigMap() {
        WorkloadGraph graph = graph().pods(
                        pod("web-7d9f-a").with(container("app").state(waiting("ContainerCreating", null))),
                        pod("web-7d9f-b").with(container("app").state(waiting("ContainerCreating", null))))
                .events(warning(
                        "FailedMount",
                        "web-7d9f-a",
                        "MountVolume.SetUp failed for volume \"config\" : configmap \"web-config\" not found",
                        3))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.cause()).isEqualTo("FailedMount");
        assertThat(finding.summary())
                .isEqualTo("container app of 1/2 pods of Deployment shop/web cannot start, a volume does not mount:"
                        + " create the ConfigMap web-config in the pod's namespace, or fix the name the pod refers"
                        + " to (MountVolume.SetUp failed for volume \"config\" : configmap \"web-config\" not"
                        + " found)");
        assertThat(finding.evidence())
                .containsExactly(
                        "1 of 2 pods: web-7d9f-a",
                        "event FailedMount ×3: MountVolume.SetUp failed for volume \"config\" : configmap"
                                + " \"web-config\" not found");
    }

    @Test
    @DisplayName("a volume still attached elsewhere, and a volume that fails for another reason")
    void attach() {
        Finding multiAttach = only(rule.findings(graph().pods(
                        pod("web-7d9f-a").with(container("app").state(waiting("ContainerCreating", null))))
                .events(warning(
                        "FailedAttachVolume",
                        "web-7d9f-a",
                        "Multi-Attach error for volume \"pvc-1\" Volume is already used by pod(s) web-7d9f-z",
                        1))
                .build()));
        Finding other = only(rule.findings(graph().pods(
                        pod("web-7d9f-a").with(container("app").init().state(waiting("PodInitializing", null))))
                .events(warning("FailedMount", "web-7d9f-a", "Unable to attach or mount volumes: timed out", 2))
                .build()));

        assertThat(multiAttach.summary())
                .contains(": the volume is still attached to another node (ReadWriteOnce): it frees once the old"
                        + " pod is gone and detached (Multi-Attach error");
        assertThat(other.summary())
                .startsWith("init container app of 1/1 pods")
                .endsWith(": check the volume's source, its storage driver, and the claim's and node's events"
                        + " (Unable to attach or mount volumes: timed out)");
    }

    @Test
    @DisplayName("a second container held up alike is named with its waiting reason")
    void secondContainer() {
        WorkloadGraph graph = graph().pods(pod("web-7d9f-a")
                        .with(
                                container("setup").init().state(waiting("PodInitializing", null)),
                                container("app").state(waiting("ContainerCreating", null))))
                .events(warning("FailedMount", "web-7d9f-a", "MountVolume.SetUp failed", 1))
                .build();

        assertThat(only(rule.findings(graph)).evidence()).contains("also container app (1 pod): ContainerCreating");
    }

    @Test
    @DisplayName("the claim, Secret or key a volume names and that is not there")
    void missingReferences() {
        assertThat(ConfigReference.advice("persistentvolumeclaim \"data\" not found"))
                .contains("create the PersistentVolumeClaim data in the pod's namespace, or fix the name the pod refers"
                        + " to");
        assertThat(ConfigReference.advice("MountVolume.SetUp failed for volume \"tls\" : secret \"web-tls\" not found"))
                .contains("create the Secret web-tls in the pod's namespace, or fix the name the pod refers to");
        assertThat(ConfigReference.advice("couldn't find key password in Secret shop/db"))
                .contains("add the key password to the Secret shop/db, or fix the key the container refers to");
        assertThat(ConfigReference.advice("node \"kwok-node-0\" not found")).isEmpty();
    }

    @Test
    @DisplayName("a container that runs, or waits without a mount failure, is not told")
    void notBlocked() {
        assertThat(rule.findings(graph().pods(pod("web-7d9f-a"))
                        .events(warning("FailedMount", "web-7d9f-a", "MountVolume.SetUp failed", 1))
                        .build()))
                .isEmpty();
        assertThat(rule.findings(graph().pods(
                                pod("web-7d9f-a").with(container("app").state(waiting("ContainerCreating", null))))
                        .events(warning("FailedMount", "web-7d9f-b", "MountVolume.SetUp failed", 1))
                        .build()))
                .isEmpty();
    }
}
