package io.kmcp.domain.diagnosis.rules.containers;

import static io.kmcp.domain.diagnosis.Fixtures.container;
import static io.kmcp.domain.diagnosis.Fixtures.event;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.log;
import static io.kmcp.domain.diagnosis.Fixtures.only;
import static io.kmcp.domain.diagnosis.Fixtures.pod;
import static io.kmcp.domain.diagnosis.Fixtures.terminated;
import static io.kmcp.domain.diagnosis.Fixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.EventSnapshot;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.Fixtures;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LivenessProbeFailing")
class LivenessProbeFailingRuleTest {

    private final LivenessProbeFailingRule rule = new LivenessProbeFailingRule();

    @Test
    @DisplayName("a container the kubelet kills for its liveness probe: the probe's words, the kill, the last end")
    void killed() {
        WorkloadGraph graph = graph().pods(
                        pod("web-7d9f-a").with(container("app").crashLooping().last(killedAfter(40))),
                        pod("web-7d9f-b"))
                .events(
                        warning(
                                "Unhealthy",
                                "web-7d9f-a",
                                "Liveness probe failed: HTTP probe failed with statuscode: 500",
                                12),
                        kill("web-7d9f-a", "app", "liveness", 4))
                .logs(log("web-7d9f-a", "app", true, "GET /healthz 500 database unreachable"))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.cause()).isEqualTo("LivenessProbeFailing");
        assertThat(finding.summary())
                .isEqualTo("container app of 1/2 pods of Deployment shop/web is killed by its failing liveness probe,"
                        + " 4 restarts: check the probe's path, port and timeout and what it depends on; a slow"
                        + " start wants a startupProbe");
        assertThat(finding.evidence())
                .containsExactly(
                        "1 of 2 pods: web-7d9f-a",
                        "event Unhealthy ×12: Liveness probe failed: HTTP probe failed with statuscode: 500",
                        "event Killing ×4: Container app failed liveness probe, will be restarted",
                        "last end: exit code 137 (Error) after ~40s",
                        "last log line: GET /healthz 500 database unreachable");
    }

    @Test
    @DisplayName("a startup probe that fails: the container needs longer to start")
    void startup() {
        WorkloadGraph graph = graph().pods(pod("web-7d9f-a")
                        .with(container("app")
                                .state(Fixtures.running(Fixtures.NOW.minusSeconds(5)))
                                .notReady()
                                .restarts(2)))
                .events(warning("Unhealthy", "web-7d9f-a", "Startup probe failed: connection refused", 9))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.summary())
                .endsWith("is killed by its failing startup probe before it finished starting, 2 restarts: give it"
                        + " longer (failureThreshold × periodSeconds) or fix the probe");
    }

    @Test
    @DisplayName("while other pods stay ready, a restart now and then is a WARNING")
    void someReady() {
        WorkloadGraph graph = graph().pods(
                        pod("web-7d9f-a").with(container("app").restarts(1).last(killedAfter(600))), pod("web-7d9f-b"))
                .events(kill("web-7d9f-a", "app", "liveness", 1))
                .build();

        assertThat(only(rule.findings(graph)).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    @DisplayName("the kill names the container: its neighbour in the pod is not told")
    void namedContainer() {
        WorkloadGraph graph = graph().pods(pod("web-7d9f-a")
                        .with(container("app").restarts(3), container("proxy").restarts(3)))
                .events(
                        warning("Unhealthy", "web-7d9f-a", "Liveness probe failed: timeout", 3),
                        kill("web-7d9f-a", "proxy", "liveness", 3))
                .build();

        assertThat(only(rule.findings(graph)).summary()).startsWith("container proxy of 1/1 pods");
        WorkloadGraph both = graph().pods(pod("web-7d9f-a")
                        .with(container("app").restarts(3), container("proxy").restarts(2)))
                .events(kill("web-7d9f-a", "app", "liveness", 3), kill("web-7d9f-a", "proxy", "liveness", 2))
                .build();
        assertThat(only(rule.findings(both)).evidence()).contains("also container proxy (1 pod): 2 restarts");
    }

    @Test
    @DisplayName("no kill and no restart, readiness failures, or a pod being deleted: not told")
    void notKilled() {
        assertThat(rule.findings(graph().pods(pod("web-7d9f-a"))
                        .events(warning("Unhealthy", "web-7d9f-a", "Liveness probe failed: timeout", 1))
                        .build()))
                .isEmpty();
        assertThat(rule.findings(
                        graph().pods(pod("web-7d9f-a").with(container("app").restarts(2)))
                                .events(warning("Unhealthy", "web-7d9f-a", "Readiness probe failed: timeout", 9))
                                .build()))
                .isEmpty();
        assertThat(rule.findings(graph().pods(pod("web-7d9f-a").terminating())
                        .events(kill("web-7d9f-a", "app", "liveness", 1))
                        .build()))
                .isEmpty();
    }

    private static EventSnapshot kill(String pod, String container, String probe, int count) {
        return event(
                "Normal",
                "Killing",
                "Pod",
                pod,
                "Container " + container + " failed " + probe + " probe, will be restarted",
                count);
    }

    private static io.kmcp.domain.diagnosis.ContainerState killedAfter(int seconds) {
        return terminated(137, "Error", Duration.ofSeconds(seconds));
    }
}
