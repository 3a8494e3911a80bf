package io.kmcp.domain.diagnosis;

import static io.kmcp.domain.diagnosis.Fixtures.SCHEDULER_MESSAGE;
import static io.kmcp.domain.diagnosis.Fixtures.WEB_SERVICE;
import static io.kmcp.domain.diagnosis.Fixtures.autoscaler;
import static io.kmcp.domain.diagnosis.Fixtures.condition;
import static io.kmcp.domain.diagnosis.Fixtures.container;
import static io.kmcp.domain.diagnosis.Fixtures.deployment;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.node;
import static io.kmcp.domain.diagnosis.Fixtures.pod;
import static io.kmcp.domain.diagnosis.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The diagnosis rules, all together")
class DiagnosisRulesTest {

    @Test
    @DisplayName("sorted by severity, then cause, then subject")
    void order() {
        WorkloadGraph graph = graph(WEB_SERVICE)
                .service(service(Map.of("tier", "web")))
                .pods(
                        pod("b-1")
                                .labels(Map.of("tier", "web"))
                                .ownedBy()
                                .with(container("app").crashLooping()),
                        pod("a-1")
                                .labels(Map.of("tier", "web"))
                                .ownedBy()
                                .with(container("app").crashLooping()),
                        pod("c-1").labels(Map.of("tier", "web")).ownedBy().unschedulable(SCHEDULER_MESSAGE))
                .nodes(
                        node("node-9", true, true, List.of()),
                        node("node-1", true, false, List.of(condition("PIDPressure", "True"))))
                .autoscalers(autoscaler(1, 2, 2, 2))
                .build();

        assertThat(DiagnosisRules.findings(graph))
                .extracting(finding -> finding.severity() + " " + finding.cause() + " "
                        + finding.subject().display())
                .containsExactly(
                        "CRITICAL CrashLoopBackOff Pod shop/a-1",
                        "CRITICAL CrashLoopBackOff Pod shop/b-1",
                        "CRITICAL NoReadyEndpoints Service shop/web",
                        "CRITICAL Unschedulable Pod shop/c-1",
                        "WARNING AutoscalerAtLimit HorizontalPodAutoscaler shop/web",
                        "WARNING NodeNotReady Node node-1",
                        "INFO NodeNotReady Node node-9");
    }

    @Test
    @DisplayName("one finding per cause and subject, the same for the same graph")
    void deduplicatedAndDeterministic() {
        WorkloadGraph graph = graph().workload(deployment(3, 0))
                .pods(
                        pod("web-7d9f-a").with(container("app").crashLooping()),
                        pod("web-7d9f-b").with(container("app").crashLooping()),
                        pod("web-7d9f-c").with(container("app").crashLooping()))
                .nodes(node("node-1", true, true, List.of()), node("node-1", true, true, List.of()))
                .build();

        List<Finding> findings = DiagnosisRules.findings(graph);

        assertThat(findings)
                .extracting(Finding::cause)
                .containsExactly("CrashLoopBackOff", "ReplicasUnavailable", "NodeNotReady");
        assertThat(findings.get(0).evidence()).first().isEqualTo("3 of 3 pods: web-7d9f-a, web-7d9f-b, web-7d9f-c");
        assertThat(DiagnosisRules.findings(graph)).isEqualTo(findings);
    }

    @Test
    @DisplayName("one state, one cause: an eviction is not also a failed container, a mount failure not also a"
            + " waiting one, a quota refusal explains the missing replicas")
    void oneCausePerState() {
        WorkloadGraph graph = graph().workload(deployment(3, 0)
                        .condition(condition(
                                "ReplicaFailure",
                                "True",
                                "FailedCreate",
                                "pods \"web-7d9f-x\" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2,"
                                        + " limited: pods=2")))
                .pods(
                        pod("web-7d9f-a")
                                .failed("Evicted", "The node was low on resource: memory.")
                                .with(container("app")
                                        .state(Fixtures.terminated(137, "Error", java.time.Duration.ofHours(1)))),
                        pod("web-7d9f-b").with(container("app").state(Fixtures.waiting("ContainerCreating", null))))
                .events(Fixtures.warning(
                        "FailedMount",
                        "web-7d9f-b",
                        "MountVolume.SetUp failed for volume \"config\" : configmap \"web-config\" not found",
                        3))
                .build();

        List<Finding> findings = DiagnosisRules.findings(graph);

        assertThat(findings)
                .extracting(Finding::cause)
                .containsExactly("FailedCreate", "FailedMount", "Evicted", "ReplicasUnavailable");
        assertThat(findings.get(3).evidence()).contains("explained by: FailedCreate, FailedMount, Evicted");
    }
}
