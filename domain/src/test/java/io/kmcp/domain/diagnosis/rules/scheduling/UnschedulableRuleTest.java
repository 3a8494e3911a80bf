package io.kmcp.domain.diagnosis.rules.scheduling;

import static io.kmcp.domain.diagnosis.Fixtures.SCHEDULER_MESSAGE;
import static io.kmcp.domain.diagnosis.Fixtures.WEB;
import static io.kmcp.domain.diagnosis.Fixtures.condition;
import static io.kmcp.domain.diagnosis.Fixtures.deployment;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.only;
import static io.kmcp.domain.diagnosis.Fixtures.pod;
import static io.kmcp.domain.diagnosis.Fixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.Condition;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Unschedulable")
class UnschedulableRuleTest {

    private final UnschedulableRule rule = new UnschedulableRule();

    @Test
    @DisplayName("the scheduler's message, the FailedScheduling count and the template's placement hint")
    void pending() {
        WorkloadGraph graph = graph().workload(deployment(2, 0).hint("nodeSelector disktype=ssd"))
                .pods(
                        pod("web-7d9f-a").unschedulable(SCHEDULER_MESSAGE),
                        pod("web-7d9f-b").unschedulable(SCHEDULER_MESSAGE))
                .events(
                        warning("FailedScheduling", "web-7d9f-a", SCHEDULER_MESSAGE, 4),
                        warning("FailedScheduling", "web-7d9f-b", SCHEDULER_MESSAGE, 3))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.cause()).isEqualTo("Unschedulable");
        assertThat(finding.subject()).isEqualTo(WEB);
        assertThat(finding.summary())
                .isEqualTo("2/2 pods of Deployment shop/web cannot be scheduled: lower the pods' requests or add"
                        + " capacity (0/3 nodes are available: 3 Insufficient cpu.)");
        assertThat(finding.evidence())
                .containsExactly(
                        "2 of 2 pods: web-7d9f-a, web-7d9f-b",
                        "scheduler: 0/3 nodes are available: 3 Insufficient cpu.",
                        "event FailedScheduling ×7 on 2 pods: 0/3 nodes are available: 3 Insufficient cpu.",
                        "pod template: nodeSelector disktype=ssd");
    }

    @Test
    @DisplayName("each obstacle the scheduler names gets its next step: taints, node selector, claims, ports")
    void obstacles() {
        assertThat(SchedulerWords.steps("0/3 nodes are available: 1 node(s) had untolerated taint"
                        + " {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node"
                        + " affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for"
                        + " scheduling."))
                .isEqualTo("tolerate the nodes' taints or schedule elsewhere; no node has the labels its nodeSelector"
                        + " or node affinity asks for: fix them or label a node");
        assertThat(SchedulerWords.steps("0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims."))
                .isEqualTo("its claims are not bound: see the claim");
        assertThat(SchedulerWords.steps("0/3 nodes are available: persistentvolumeclaim \"data\" not found."))
                .isEqualTo("a claim it uses is missing or not bound: see the claim");
        assertThat(SchedulerWords.steps("0/2 nodes are available: 2 node(s) didn't have free ports for the requested"
                        + " pod ports, 2 Too many pods."))
                .isEqualTo("the nodes hold as many pods as they may: add capacity; another pod holds the hostPort it"
                        + " asks for");
        assertThat(SchedulerWords.steps("0/1 nodes are available: 1 node(s) were unschedulable."))
                .isEqualTo("the nodes are cordoned");
        assertThat(SchedulerWords.steps("0/2 nodes are available: 2 node(s) didn't match pod anti-affinity rules."))
                .isEqualTo("its pod anti-affinity cannot be met beside the pods already placed");
        assertThat(SchedulerWords.steps("0/2 nodes are available: 2 node(s) didn't match pod affinity rules."))
                .isEqualTo("its pod affinity names pods that run on no eligible node");
        assertThat(SchedulerWords.steps(
                        "0/2 nodes are available: 2 node(s) didn't match pod topology spread" + " constraints."))
                .isEqualTo("its topology spread constraints cannot be met");
        assertThat(SchedulerWords.steps("0/2 nodes are available: 2 node(s) had volume node affinity conflict."))
                .startsWith("its volumes are in another zone");
        assertThat(SchedulerWords.steps("no nodes available to schedule pods")).isEmpty();
    }

    @Test
    @DisplayName("a pod asked about, without a message from the scheduler")
    void podWithoutMessage() {
        ObjectRef target = new ObjectRef("Pod", "shop", "web-7d9f-a", "uid-web-7d9f-a");
        WorkloadGraph graph = graph(target)
                .pods(pod("web-7d9f-a")
                        .condition(new Condition(
                                "PodScheduled",
                                "False",
                                java.util.Optional.of("Unschedulable"),
                                java.util.Optional.empty(),
                                java.util.Optional.empty())))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.summary())
                .isEqualTo("Pod shop/web-7d9f-a cannot be scheduled: the scheduler gave no message");
        assertThat(finding.evidence()).containsExactly("scheduler: the scheduler gave no message");
    }

    @Test
    @DisplayName("scheduled pods, gated ones and pods on their way out are not unschedulable")
    void notUnschedulable() {
        WorkloadGraph graph = graph().pods(
                        pod("web-7d9f-a").condition(condition("PodScheduled", "True")),
                        pod("web-7d9f-b").condition(condition("PodScheduled", "False", "SchedulingGated", "gated")),
                        pod("web-7d9f-c").unschedulable(SCHEDULER_MESSAGE).terminating(),
                        pod("web-7d9f-d").condition(condition("PodScheduled", "Unknown", "Unschedulable", "?")))
                .build();

        assertThat(rule.findings(graph)).isEmpty();
    }
}
