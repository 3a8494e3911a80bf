package io.kmcp.domain.diagnosis.rules.containers;

import static io.kmcp.domain.diagnosis.Fixtures.WEB_SERVICE;
import static io.kmcp.domain.diagnosis.Fixtures.ago;
import static io.kmcp.domain.diagnosis.Fixtures.container;
import static io.kmcp.domain.diagnosis.Fixtures.deployment;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.only;
import static io.kmcp.domain.diagnosis.Fixtures.pod;
import static io.kmcp.domain.diagnosis.Fixtures.running;
import static io.kmcp.domain.diagnosis.Fixtures.service;
import static io.kmcp.domain.diagnosis.Fixtures.waiting;
import static io.kmcp.domain.diagnosis.Fixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.ContainerState;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.Fixtures;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.OwnerRef;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ReadinessProbeFailing")
class ReadinessProbeFailingRuleTest {

    private final ReadinessProbeFailingRule rule = new ReadinessProbeFailingRule();

    private static final String PROBE_FAILED = "Readiness probe failed: HTTP probe failed with statuscode: 503";

    @Test
    @DisplayName("pods running but never ready: the probe's event; CRITICAL when no pod is ready")
    void noneReady() {
        WorkloadGraph graph = graph().workload(deployment(2, 0))
                .pods(
                        pod("web-7d9f-a").with(notReady(Duration.ofMinutes(5))),
                        pod("web-7d9f-b").with(notReady(Duration.ofMinutes(5))))
                .events(
                        warning("Unhealthy", "web-7d9f-a", PROBE_FAILED, 12),
                        warning("Unhealthy", "web-7d9f-b", PROBE_FAILED, 8))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.cause()).isEqualTo("ReadinessProbeFailing");
        assertThat(finding.summary())
                .isEqualTo("container app of 2/2 pods of Deployment shop/web runs but is not ready, so Services send"
                        + " it no traffic: check its readiness probe and what it depends on");
        assertThat(finding.evidence())
                .containsExactly(
                        "2 of 2 pods: web-7d9f-a, web-7d9f-b", "event Unhealthy ×20 on 2 pods: " + PROBE_FAILED);
    }

    @Test
    @DisplayName("one pod of three not ready for minutes, without events: a WARNING saying how long")
    void someReady() {
        WorkloadGraph graph = graph().pods(
                        pod("web-7d9f-a").with(notReady(Duration.ofMinutes(5))), pod("web-7d9f-b"), pod("web-7d9f-c"))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.evidence())
                .containsExactly("1 of 3 pods: web-7d9f-a", "running for 5m without passing its readiness probe");
    }

    @Test
    @DisplayName("a container that just started is still starting, unless its probe already failed")
    void grace() {
        Fixtures.Graph starting = graph().pods(pod("web-7d9f-a").with(notReady(Duration.ofSeconds(10))));

        assertThat(rule.findings(starting.build())).isEmpty();
        assertThat(rule.findings(graph().pods(pod("web-7d9f-a").with(notReady(Duration.ofSeconds(59))))
                        .build()))
                .isEmpty();
        assertThat(rule.findings(graph().pods(pod("web-7d9f-a").with(notReady(Duration.ofSeconds(60))))
                        .build()))
                .hasSize(1);
        assertThat(rule.findings(
                        starting.events(warning("Unhealthy", "web-7d9f-a", "Liveness probe failed: timeout", 2))
                                .build()))
                .as("a liveness failure restarts the container; it is no readiness failure")
                .isEmpty();
        assertThat(rule.findings(starting.events(warning("Unhealthy", "web-7d9f-a", PROBE_FAILED, 2))
                        .build()))
                .hasSize(1);
    }

    @Test
    @DisplayName("a container whose start time is unknown counts as started long ago")
    void unknownStart() {
        WorkloadGraph graph = graph().pods(pod("web-7d9f-a")
                        .with(container("app")
                                .state(new ContainerState(
                                        ContainerState.Phase.RUNNING,
                                        java.util.Optional.empty(),
                                        java.util.Optional.empty(),
                                        java.util.Optional.empty(),
                                        java.util.Optional.empty(),
                                        java.util.Optional.empty()))
                                .notReady()))
                .build();

        assertThat(only(rule.findings(graph)).evidence()).contains("running without passing its readiness probe");
    }

    @Test
    @DisplayName("pods on their way out, pods not running, init containers and ready pods are not told")
    void notTold() {
        WorkloadGraph graph = graph().pods(
                        pod("web-7d9f-a").with(notReady(Duration.ofMinutes(5))).terminating(),
                        pod("web-7d9f-b").with(notReady(Duration.ofMinutes(5))).phase("Pending"),
                        pod("web-7d9f-c")
                                .with(container("init").init().notReady(), container("app"))
                                .ready(false),
                        pod("web-7d9f-d").with(notReady(Duration.ofMinutes(5))).ready(true),
                        pod("web-7d9f-e")
                                .with(container("app").state(waiting("CrashLoopBackOff", null)))
                                .ready(false))
                .build();

        assertThat(rule.findings(graph)).isEmpty();
    }

    @Test
    @DisplayName("two containers not ready in the same pod make one finding naming both")
    void twoContainers() {
        WorkloadGraph graph = graph().pods(pod("web-7d9f-a")
                        .with(
                                notReady(Duration.ofMinutes(5)),
                                container("proxy")
                                        .state(running(ago(Duration.ofMinutes(5))))
                                        .notReady()))
                .build();

        assertThat(only(rule.findings(graph)).evidence()).contains("also container proxy (1 pod): not ready");
    }

    @Test
    @DisplayName("readiness evidence is the readiness probe's events, not the liveness probe's")
    void readinessEventsOnly() {
        WorkloadGraph graph = graph().workload(deployment(1, 0))
                .pods(pod("web-7d9f-a").with(notReady(Duration.ofMinutes(5))))
                .events(
                        warning("Unhealthy", "web-7d9f-a", PROBE_FAILED, 5),
                        warning("Unhealthy", "web-7d9f-a", "Liveness probe failed: timeout", 3))
                .build();

        assertThat(only(rule.findings(graph)).evidence())
                .containsExactly("1 of 1 pods: web-7d9f-a", "event Unhealthy ×5: " + PROBE_FAILED);
    }

    @Test
    @DisplayName("behind a Service, a Deployment none of whose pods is ready is CRITICAL, whatever other pods do")
    void noneReadyPerSubject() {
        WorkloadGraph graph = graph(WEB_SERVICE)
                .noWorkload()
                .service(service(Map.of("tier", "front")))
                .pods(
                        pod("web-7d9f-a")
                                .labels(Map.of("tier", "front", "pod-template-hash", "7d9f"))
                                .with(notReady(Duration.ofMinutes(5))),
                        pod("api-5c5c-a")
                                .labels(Map.of("tier", "front", "pod-template-hash", "5c5c"))
                                .ownedBy(new OwnerRef("ReplicaSet", "api-5c5c", "uid-api-rs", true)))
                .events(warning("Unhealthy", "web-7d9f-a", PROBE_FAILED, 5))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.subject()).isEqualTo(new ObjectRef("Deployment", "shop", "web", ""));
        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
    }

    private Fixtures.Container notReady(Duration runningFor) {
        return container("app").state(running(ago(runningFor))).notReady();
    }
}
