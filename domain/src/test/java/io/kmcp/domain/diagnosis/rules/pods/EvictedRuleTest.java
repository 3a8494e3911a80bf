package io.kmcp.domain.diagnosis.rules.pods;

import static io.kmcp.domain.diagnosis.Fixtures.WEB;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.only;
import static io.kmcp.domain.diagnosis.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Evicted")
class EvictedRuleTest {

    private static final String LOW_ON_MEMORY = "The node was low on resource: memory. Threshold quantity: 100Mi,"
            + " available: 91Mi. Container app was using 1620Mi, request is 256Mi, has larger consumption of memory.";

    private final EvictedRule rule = new EvictedRule();

    @Test
    @DisplayName("pods evicted for the node's memory: the kubelet's message, the node, and honest requests")
    void memory() {
        WorkloadGraph graph = graph().pods(
                        pod("web-7d9f-a").failed("Evicted", LOW_ON_MEMORY),
                        pod("web-7d9f-b").failed("Evicted", LOW_ON_MEMORY),
                        pod("web-7d9f-c"))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.cause()).isEqualTo("Evicted");
        assertThat(finding.subject()).isEqualTo(WEB);
        assertThat(finding.summary())
                .isEqualTo("2/3 pods of Deployment shop/web failed: evicted by the kubelet of its node: the node ran"
                        + " short of memory: set the pods' memory requests to what they really use, so the scheduler"
                        + " places them where they fit (" + LOW_ON_MEMORY + ")");
        assertThat(finding.evidence())
                .containsExactly(
                        "2 of 3 pods: web-7d9f-a, web-7d9f-b",
                        "pod status: Failed, reason Evicted: " + LOW_ON_MEMORY,
                        "on node node-1");
    }

    @Test
    @DisplayName("evicted for local storage, or for process IDs, each with its own next step")
    void otherResources() {
        assertThat(summary("Pod ephemeral local storage usage exceeds the total limit of containers 1Gi."))
                .contains(": it wrote more to the node's disk than it may or the node has (logs, emptyDir, writable"
                        + " layer): set ephemeral-storage requests and limits that match, or write less (Pod"
                        + " ephemeral local storage usage exceeds");
        assertThat(summary("Usage of EmptyDir volume \"cache\" exceeds the limit \"1Gi\"."))
                .contains(": it wrote more to the node's disk than it may or the node has");
        assertThat(summary("The node was low on resource: pids."))
                .endsWith(": the node ran short of process IDs: find what starts too many processes (The node was low"
                        + " on resource: pids.)");
        assertThat(summary(null))
                .isEqualTo("1/1 pods of Deployment shop/web failed: evicted by the kubelet of its node: its node ran"
                        + " short of a resource: see the node's pressure conditions");
    }

    @Test
    @DisplayName("a pod without a controller is gone for good: CRITICAL, on the pod, naming its nodes")
    void barePod() {
        ObjectRef target = new ObjectRef("Pod", "shop", "report", "uid-report");
        WorkloadGraph graph = graph(target)
                .pods(pod("report").ownedBy().failed("Evicted", "The node was low on resource: memory."))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.subject()).isEqualTo(target);
        assertThat(finding.summary()).startsWith("Pod shop/report failed: evicted by the kubelet of its node");
        assertThat(finding.evidence())
                .containsExactly(
                        "pod status: Failed, reason Evicted: The node was low on resource: memory.", "on node node-1");
    }

    @Test
    @DisplayName("pods on several nodes are named by node; running pods and other failures are not told")
    void scope() {
        WorkloadGraph graph = graph().pods(
                        pod("web-7d9f-a").node("node-1").failed("Evicted", "low"),
                        pod("web-7d9f-b").node("node-2").failed("Evicted", "low"),
                        pod("web-7d9f-c").failed("DeadlineExceeded", "too long"),
                        pod("web-7d9f-d").phase("Failed"))
                .build();

        assertThat(only(rule.findings(graph)).evidence())
                .containsExactly(
                        "2 of 4 pods: web-7d9f-a, web-7d9f-b",
                        "pod status: Failed, reason Evicted: low",
                        "on nodes node-1, node-2");
        assertThat(rule.findings(graph().pods(pod("web-7d9f-a")).build())).isEmpty();
        // A reason on a pod that did not fail is not a failure of the pod.
        assertThat(rule.findings(
                        graph().pods(pod("web-7d9f-a").failed("Evicted", "low").phase("Running"))
                                .build()))
                .isEmpty();
    }

    private String summary(String message) {
        return only(rule.findings(graph().pods(pod("web-7d9f-a").failed("Evicted", message))
                        .build()))
                .summary();
    }
}
