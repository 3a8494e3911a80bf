package io.kmcp.domain.diagnosis.rules.workloads;

import static io.kmcp.domain.diagnosis.Fixtures.SCHEDULER_MESSAGE;
import static io.kmcp.domain.diagnosis.Fixtures.WEB;
import static io.kmcp.domain.diagnosis.Fixtures.container;
import static io.kmcp.domain.diagnosis.Fixtures.deployment;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.node;
import static io.kmcp.domain.diagnosis.Fixtures.only;
import static io.kmcp.domain.diagnosis.Fixtures.pod;
import static io.kmcp.domain.diagnosis.Fixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.DiagnosisRules;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ReplicasUnavailable")
class ReplicasUnavailableRuleTest {

    /** The rule as the diagnosis runs it: after the other rules, pointing at their findings. */
    private static List<Finding> replicasUnavailable(WorkloadGraph graph) {
        List<Finding> others = DiagnosisRules.findings(graph).stream()
                .filter(finding -> !finding.cause().equals("ReplicasUnavailable"))
                .toList();
        return new ReplicasUnavailableRule().findings(graph, others);
    }

    @Test
    @DisplayName("fewer ready than desired, no cause found: a WARNING that says where to look")
    void unexplained() {
        WorkloadGraph graph = graph().workload(deployment(3, 1)).build();

        Finding finding = only(replicasUnavailable(graph));

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.cause()).isEqualTo("ReplicasUnavailable");
        assertThat(finding.subject()).isEqualTo(WEB);
        assertThat(finding.summary()).isEqualTo("Deployment shop/web: 1/3 replicas ready");
        assertThat(finding.evidence())
                .containsExactly(
                        "1 up to date, 1 available", "no more specific cause found: read the pods' events and logs");
    }

    @Test
    @DisplayName("always told next to the specific causes, and points at them (INFO findings explain nothing)")
    void explained() {
        WorkloadGraph graph = graph().workload(deployment(3, 1))
                .pods(
                        pod("web-7d9f-a"),
                        pod("web-7d9f-b").with(container("app").crashLooping()),
                        pod("web-7d9f-c").unschedulable(SCHEDULER_MESSAGE).node("node-2"))
                .nodes(node("node-2", true, true, List.of()))
                .build();

        List<Finding> findings = DiagnosisRules.findings(graph);

        assertThat(findings)
                .extracting(Finding::cause)
                .containsExactly("CrashLoopBackOff", "Unschedulable", "ReplicasUnavailable", "NodeNotReady");
        assertThat(findings.get(2).evidence()).contains("explained by: CrashLoopBackOff, Unschedulable");
        assertThat(replicasUnavailable(graph)).containsExactly(findings.get(2));
    }

    @Test
    @DisplayName("not for Jobs, CronJobs, suspended or scaled-down workloads, nor when all are ready")
    void notTold() {
        ObjectRef job = new ObjectRef("Job", "shop", "j", "");
        ObjectRef cronJob = new ObjectRef("CronJob", "shop", "c", "");
        ObjectRef statefulSet = new ObjectRef("StatefulSet", "shop", "s", "");

        assertThat(replicasUnavailable(
                        graph(job).workload(workload(job).desired(1).ready(0)).build()))
                .isEmpty();
        assertThat(replicasUnavailable(graph(cronJob)
                        .workload(workload(cronJob).desired(1).ready(0))
                        .build()))
                .isEmpty();
        assertThat(replicasUnavailable(graph(statefulSet)
                        .workload(workload(statefulSet).desired(2).ready(0).suspended())
                        .build()))
                .isEmpty();
        assertThat(replicasUnavailable(graph().workload(deployment(0, 0)).build()))
                .isEmpty();
        assertThat(replicasUnavailable(graph().workload(deployment(2, 2)).build()))
                .isEmpty();
        assertThat(replicasUnavailable(
                        graph().workload(deployment(2, 1).noDesired()).build()))
                .isEmpty();
        assertThat(replicasUnavailable(graph(statefulSet)
                        .workload(workload(statefulSet).desired(2).ready(1))
                        .build()))
                .hasSize(1);
    }
}
