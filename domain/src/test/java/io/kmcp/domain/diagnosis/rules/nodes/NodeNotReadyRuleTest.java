package io.kmcp.domain.diagnosis.rules.nodes;

import static io.kmcp.domain.diagnosis.Fixtures.condition;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.node;
import static io.kmcp.domain.diagnosis.Fixtures.only;
import static io.kmcp.domain.diagnosis.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.NodeSnapshot;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("NodeNotReady")
class NodeNotReadyRuleTest {

    private final NodeNotReadyRule rule = new NodeNotReadyRule();

    @Test
    @DisplayName("a node not ready: its condition and the pods it runs, CRITICAL")
    void notReady() {
        NodeSnapshot node = new NodeSnapshot(
                new ObjectRef("Node", "", "node-1", ""),
                false,
                false,
                List.of(condition("Ready", "Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status.")),
                List.of("node.kubernetes.io/unreachable:NoExecute"),
                Map.of());
        WorkloadGraph graph = graph().nodes(node)
                .pods(
                        pod("web-7d9f-a"),
                        pod("web-7d9f-b"),
                        pod("web-7d9f-c").node("node-2"),
                        pod("web-7d9f-d").node(null))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.cause()).isEqualTo("NodeNotReady");
        assertThat(finding.subject()).isEqualTo(node.ref());
        assertThat(finding.summary())
                .isEqualTo("Node node-1 is not ready: its pods may be unreachable and will be evicted");
        assertThat(finding.evidence())
                .containsExactly(
                        "Ready=Unknown (NodeStatusUnknown): Kubelet stopped posting node status.",
                        "taints: node.kubernetes.io/unreachable:NoExecute",
                        "runs web-7d9f-a, web-7d9f-b");
    }

    @Test
    @DisplayName("a node under pressure is a WARNING; one only cordoned is INFO")
    void pressureAndCordon() {
        Finding pressure = only(rule.findings(graph().nodes(node(
                        "node-1",
                        true,
                        false,
                        List.of(condition("MemoryPressure", "True"), condition("DiskPressure", "True"))))
                .build()));
        Finding cordoned = only(rule.findings(
                graph().nodes(node("node-2", true, true, List.of())).build()));

        assertThat(pressure.severity()).isEqualTo(Severity.WARNING);
        assertThat(pressure.summary())
                .isEqualTo("Node node-1 reports MemoryPressure, DiskPressure: its pods may be evicted");
        assertThat(pressure.evidence()).containsExactly("MemoryPressure=True", "DiskPressure=True");
        assertThat(cordoned.severity()).isEqualTo(Severity.INFO);
        assertThat(cordoned.summary())
                .isEqualTo("Node node-2 is cordoned: its pods keep running, new pods are scheduled elsewhere");
        assertThat(cordoned.evidence()).containsExactly("cordoned: spec.unschedulable is true");
    }

    @Test
    @DisplayName("a ready node without problems is no finding")
    void healthy() {
        assertThat(rule.findings(
                        graph().nodes(node("node-1", true, false, List.of())).build()))
                .isEmpty();
    }
}
