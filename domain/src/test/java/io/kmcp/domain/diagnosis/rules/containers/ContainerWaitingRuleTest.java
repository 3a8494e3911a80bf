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
    @DisplayName("ContainerCreating held up by a sandbox the runtime cannot create: the event says why")
    void sandboxFailure() {
        WorkloadGraph graph = graph().pods(
                        pod("web-7d9f-a").with(container("app").state(waiting("ContainerCreating", null))),
                        pod("web-7d9f-b").with(container("app").state(waiting("ContainerCreating", null))))
                .events(warning(
                        "FailedCreatePodSandBox",
                        "web-7d9f-a",
                        "Failed to create pod sandbox: plugin type=\"calico\" failed (add): connection refused",
                        3))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.cause()).isEqualTo("ContainerWaiting");
        assertThat(finding.summary())
                .isEqualTo("container app of 1/2 pods of Deployment shop/web cannot start: ContainerCreating"
                        + " (Failed to create pod sandbox: plugin type=\"calico\" failed (add): connection refused)");
        assertThat(finding.evidence())
                .containsExactly(
                        "1 of 2 pods: web-7d9f-a",
                        "event FailedCreatePodSandBox ×3: Failed to create pod sandbox: plugin type=\"calico\" failed"
                                + " (add): connection refused");
    }

    @Test
    @DisplayName("a command missing from the image: the runtime's words and what to fix")
    void commandNotFound() {
        WorkloadGraph graph = graph().pods(pod("web-7d9f-a")
                        .with(container("app")
                                .state(waiting(
                                        "RunContainerError",
                                        "exec: \"serve\": executable file not found in $PATH: unknown"))))
                .build();

        Finding finding = only(rule.findings(graph));
        assertThat(finding.evidence())
                .containsExactly(
                        "1 of 1 pods: web-7d9f-a",
                        "kubelet: exec: \"serve\": executable file not found in $PATH: unknown");
        assertThat(finding.summary())
                .endsWith(
                        "cannot start: RunContainerError: the command it runs is not in the image: fix command/args or"
                                + " the image (exec: \"serve\": executable file not found in $PATH: unknown)");
    }

    @Test
    @DisplayName("configuration errors and volumes that do not mount are other rules' to tell")
    void otherRules() {
        WorkloadGraph graph = graph().pods(
                        pod("web-7d9f-a")
                                .with(container("app")
                                        .state(waiting("CreateContainerConfigError", "secret \"db\" not found"))),
                        pod("web-7d9f-b").with(container("app").state(waiting("ContainerCreating", null))))
                .events(
                        warning("FailedMount", "web-7d9f-b", "MountVolume.SetUp failed", 3),
                        warning("FailedCreatePodSandBox", "web-7d9f-b", "Failed to create pod sandbox", 1))
                .build();

        assertThat(rule.findings(graph)).isEmpty();
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
