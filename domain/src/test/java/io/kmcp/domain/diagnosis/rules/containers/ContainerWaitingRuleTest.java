package io.kmcp.domain.diagnosis.rules.containers;

import static io.kmcp.domain.diagnosis.Fixtures.NOW;
import static io.kmcp.domain.diagnosis.Fixtures.container;
import static io.kmcp.domain.diagnosis.Fixtures.event;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.only;
import static io.kmcp.domain.diagnosis.Fixtures.pod;
import static io.kmcp.domain.diagnosis.Fixtures.waiting;
import static io.kmcp.domain.diagnosis.Fixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.Fixtures;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ContainerWaiting")
class ContainerWaitingRuleTest {

    private final ContainerWaitingRule rule = new ContainerWaitingRule();

    @Test
    @DisplayName("CreateContainerConfigError: the kubelet's message says which Secret or key is missing")
    void configError() {
        WorkloadGraph graph = graph().pods(pod("web-7d9f-a")
                        .with(container("app")
                                .state(waiting("CreateContainerConfigError", "secret \"db-credentials\" not found"))))
                .events(warning("Failed", "web-7d9f-a", "Error: secret \"db-credentials\" not found", 6))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.cause()).isEqualTo("ContainerWaiting");
        assertThat(finding.summary())
                .isEqualTo("container app of 1/1 pods of Deployment shop/web cannot start:"
                        + " CreateContainerConfigError (secret \"db-credentials\" not found)");
        assertThat(finding.evidence())
                .containsExactly(
                        "1 of 1 pods: web-7d9f-a",
                        "kubelet: secret \"db-credentials\" not found",
                        "event Failed ×6: Error: secret \"db-credentials\" not found");
    }

    @Test
    @DisplayName("ContainerCreating held up by a volume that does not mount: the event says why")
    void mountFailure() {
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

        assertThat(finding.summary())
                .isEqualTo("container app of 1/2 pods of Deployment shop/web cannot start: ContainerCreating"
                        + " (MountVolume.SetUp failed for volume \"config\" : configmap \"web-config\" not found)");
        assertThat(finding.evidence())
                .containsExactly(
                        "1 of 2 pods: web-7d9f-a",
                        "event FailedMount ×3: MountVolume.SetUp failed for volume \"config\" : configmap"
                                + " \"web-config\" not found");
    }

    @Test
    @DisplayName("containers on their way to running, crashing or pulling are not told here")
    void ordinaryWaiting() {
        WorkloadGraph graph = graph().pods(pod("web-7d9f-a")
                        .with(
                                container("a").state(waiting("ContainerCreating", null)),
                                container("b").state(waiting("PodInitializing", null)),
                                container("c").crashLooping(),
                                container("d").state(waiting("ImagePullBackOff", null)),
                                container("e").state(Fixtures.running(NOW))))
                .events(event("Normal", "Scheduled", "Pod", "web-7d9f-a", "Successfully assigned", 1))
                .build();

        assertThat(rule.findings(graph)).isEmpty();
    }

    @Test
    @DisplayName("a second container waiting for another reason is named with its reason")
    void secondContainer() {
        WorkloadGraph graph = graph().pods(pod("web-7d9f-a")
                        .with(
                                container("app").state(waiting("CreateContainerError", null)),
                                container("proxy").state(waiting("RunContainerError", "exec format error"))))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.summary()).endsWith("cannot start: CreateContainerError");
        assertThat(finding.evidence()).contains("also container proxy (1 pod): RunContainerError");
    }
}
