package io.kmcp.domain.diagnosis.rules.scheduling;

import static io.kmcp.domain.diagnosis.Fixtures.WEB;
import static io.kmcp.domain.diagnosis.Fixtures.condition;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.only;
import static io.kmcp.domain.diagnosis.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.Fixtures;
import io.kmcp.domain.diagnosis.Severity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SchedulingGated")
class SchedulingGatedRuleTest {

    private final SchedulingGatedRule rule = new SchedulingGatedRule();

    @Test
    @DisplayName("pods held back by their scheduling gates: who must act, and the condition as evidence")
    void gated() {
        Finding finding = only(rule.findings(graph().pods(gated("web-7d9f-a"), gated("web-7d9f-b"), pod("web-7d9f-c"))
                .build()));

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.cause()).isEqualTo("SchedulingGated");
        assertThat(finding.subject()).isEqualTo(WEB);
        assertThat(finding.summary())
                .isEqualTo("2/3 pods of Deployment shop/web waits for its scheduling gates to be removed: the"
                        + " scheduler does not consider it until whoever set spec.schedulingGates (a queueing"
                        + " controller, an operator) removes them");
        assertThat(finding.evidence())
                .containsExactly(
                        "2 of 3 pods: web-7d9f-a, web-7d9f-b",
                        "condition PodScheduled=False (SchedulingGated): Scheduling is blocked due to non-empty"
                                + " scheduling gates");
    }

    @Test
    @DisplayName("pods no node fits, scheduled pods and gated pods being deleted are not told")
    void notGated() {
        assertThat(rule.findings(graph().pods(
                                pod("web-7d9f-a").unschedulable(Fixtures.SCHEDULER_MESSAGE),
                                pod("web-7d9f-b"),
                                gated("web-7d9f-c").terminating())
                        .build()))
                .isEmpty();
    }

    private static Fixtures.Pod gated(String name) {
        return pod(name)
                .phase("Pending")
                .node(null)
                .ready(false)
                .condition(condition(
                        "PodScheduled",
                        "False",
                        "SchedulingGated",
                        "Scheduling is blocked due to non-empty scheduling gates"));
    }
}
