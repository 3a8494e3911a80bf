package io.kmcp.domain.diagnosis.rules.pods;

import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.only;
import static io.kmcp.domain.diagnosis.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.Severity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PodRejected")
class PodRejectedRuleTest {

    private final PodRejectedRule rule = new PodRejectedRule();

    @Test
    @DisplayName("refused by the kubelet for lack of room (OutOfcpu): its reason, message and what follows")
    void outOfCpu() {
        Finding finding = only(rule.findings(graph().pods(pod("web-7d9f-a")
                        .failed(
                                "OutOfcpu",
                                "Pod was rejected: Node didn't have enough resource: cpu, requested: 500, used: 3800,"
                                        + " capacity: 4000"))
                .build()));

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.cause()).isEqualTo("PodRejected");
        assertThat(finding.summary())
                .isEqualTo("1/1 pods of Deployment shop/web failed: rejected by the kubelet of its node, OutOfcpu: the"
                        + " node had no room left for it when it arrived (pods the scheduler does not know of, such as"
                        + " static pods, take room too); its controller makes a new pod, the rejected ones stay Failed"
                        + " until removed (Pod was rejected: Node didn't have enough resource: cpu, requested: 500,"
                        + " used: 3800, capacity: 4000)");
    }

    @Test
    @DisplayName("node affinity and admission errors are rejections too, each with its own next step")
    void otherReasons() {
        assertThat(summary("OutOfmemory")).contains("the node had no room left");
        assertThat(summary("NodeAffinity"))
                .endsWith(": the node's labels or ports changed after the pod was placed"
                        + " on it; its controller makes a new pod, the rejected ones stay Failed until removed");
        assertThat(summary("NodePorts")).contains("the node's labels or ports changed");
        assertThat(summary("UnexpectedAdmissionError"))
                .endsWith(": a device plugin or the topology manager of the node could not give it what it asks for;"
                        + " check the node's devices and the kubelet's log");
        assertThat(summary("TopologyAffinityError")).contains("a device plugin or the topology manager");
        assertThat(summary("SysctlForbidden"))
                .endsWith(": the node's kubelet does not allow the sysctls the pod sets: drop them, or allow them on"
                        + " the kubelet (--allowed-unsafe-sysctls)");
        assertThat(rule.findings(
                        graph().pods(pod("web-7d9f-a").failed("Evicted", "low")).build()))
                .isEmpty();
    }

    private String summary(String reason) {
        return only(rule.findings(
                        graph().pods(pod("web-7d9f-a").failed(reason, null)).build()))
                .summary();
    }
}
