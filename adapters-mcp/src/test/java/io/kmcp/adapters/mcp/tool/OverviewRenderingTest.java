package io.kmcp.adapters.mcp.tool;

import static io.kmcp.adapters.mcp.tool.DiagnosisRenderingTest.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.adapters.mcp.support.Diagnoses;
import io.kmcp.adapters.mcp.support.TestClock;
import io.kmcp.application.port.in.NamespaceOverview;
import io.kmcp.domain.budget.CharBudget;
import io.kmcp.domain.budget.Rendered;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OverviewRenderingTest {

    private static final CharBudget DEFAULT = new CharBudget(CharBudget.DEFAULT);

    @Test
    @DisplayName(
            "A namespace overview: headline with what is wrong, unhealthy workloads, pending pods, warnings, quotas, counts")
    void namespace() {
        Rendered rendered = OverviewText.namespace(Diagnoses.namespaceOverview(), TestClock.NOW, DEFAULT);

        assertThat(rendered.text()).isEqualTo("""
                Namespace shop: 1 unhealthy workload, 1 pending pod, 12 warning events
                For the cause of one, call workload_diagnose with its resource, name and namespace.

                ## Unhealthy workloads
                [CRITICAL] Deployment web: CrashLoopBackOff — container app of 2/2 pods keeps crashing: exit code 1 (Error)

                ## Pending pods
                Pod worker-0: 0/3 nodes are available: 3 Insufficient cpu.

                ## Warning events
                Warning BackOff ×12 (last 30s ago) Pod web-7d9f-abc: Back-off restarting failed container app in pod web-7d9f-abc

                ## Quota usage
                compute: requests.cpu 1500m of 2

                ## Objects
                Deployment 3, Pod 7, Service 2""");
    }

    @Test
    @DisplayName("A quiet namespace says nothing is unhealthy and shows no empty sections")
    void quietNamespace() {
        NamespaceOverview quiet = new NamespaceOverview(
                "tools", Map.of("ConfigMap", 2), List.of(), List.of(), List.of(), List.of(), List.of(), 4);

        assertThat(OverviewText.namespace(quiet, TestClock.NOW, DEFAULT).text()).isEqualTo("""
                        Namespace tools: no unhealthy workload, 0 pending pods, 0 warning events

                        ## Objects
                        ConfigMap 2""");
    }

    @Test
    @DisplayName("A cluster overview: problem nodes first, unhealthy workloads, counts and the gaps")
    void cluster() {
        String text = OverviewText.cluster(Diagnoses.clusterOverview(), TestClock.NOW, DEFAULT)
                .text();

        assertThat(text)
                .startsWith("Cluster: 3 nodes (1 not ready), 12 namespaces; 1 unhealthy workload, 0 pending pods,"
                        + " 0 warning events\n")
                .contains("## Unhealthy workloads\n[CRITICAL] Deployment shop/web: CrashLoopBackOff — container app of"
                        + " 2/2 pods keeps crashing\n")
                .contains("## Nodes\nNode node-b: NotReady, SchedulingDisabled, taints"
                        + " node.kubernetes.io/unreachable:NoSchedule\nNode node-a: Ready\nNode node-c: Ready\n")
                .contains("## Objects\nDeployment 20, Pod 64")
                .endsWith("## Gaps (not read)\nevents: forbidden: cannot list events at the cluster scope");
    }

    @Test
    @DisplayName("A small budget keeps the headline and unhealthy workloads and points at events_list for the warnings")
    void truncation() {
        NamespaceOverview base = Diagnoses.namespaceOverview();
        List<io.kmcp.domain.diagnosis.EventGroup> many = java.util.stream.IntStream.range(0, 60)
                .mapToObj(i -> new io.kmcp.domain.diagnosis.EventGroup(
                        "Warning",
                        "FailedMount",
                        new io.kmcp.domain.diagnosis.ObjectRef("Pod", "shop", "job-" + i, ""),
                        "MountVolume.SetUp failed for volume \"config\": configmap \"settings\" not found",
                        2,
                        java.util.Optional.empty(),
                        java.util.Optional.of(TestClock.NOW.minusSeconds(60 + i))))
                .toList();
        NamespaceOverview busy = new NamespaceOverview(
                "shop", base.counts(), base.unhealthy(), base.pendingPods(), many, base.quotas(), base.gaps(), 5);

        Rendered rendered = OverviewText.namespace(busy, TestClock.NOW, new CharBudget(1500));

        assertThat(rendered.truncated()).isTrue();
        assertThat(rendered.text().length()).isLessThanOrEqualTo(1500);
        assertThat(rendered.text())
                .startsWith("Namespace shop: 1 unhealthy workload, 1 pending pod, 120 warning events\n")
                .contains("[CRITICAL] Deployment web: CrashLoopBackOff")
                .contains("Pod worker-0: 0/3 nodes are available")
                .contains("more lines omitted: call events_list {\"namespace\": \"shop\", \"type\": \"Warning\"}");
    }

    @Test
    @DisplayName("Structured content of both overviews matches their output schemas")
    void structured() {
        Map<String, Object> namespace = OverviewText.structured(Diagnoses.namespaceOverview(), false);
        Map<String, Object> cluster = OverviewText.structured(Diagnoses.clusterOverview(), false);

        assertThat(namespace)
                .containsEntry("namespace", "shop")
                .containsEntry("warnings", Map.of("BackOff", 12))
                .containsEntry("apiRequests", 5);
        assertThat((List<?>) namespace.get("unhealthy"))
                .singleElement()
                .isEqualTo(Map.of(
                        "kind",
                        "Deployment",
                        "namespace",
                        "shop",
                        "name",
                        "web",
                        "severity",
                        "CRITICAL",
                        "cause",
                        "CrashLoopBackOff",
                        "summary",
                        "container app of 2/2 pods keeps crashing: exit code 1 (Error)"));
        assertThat((List<?>) cluster.get("nodes")).hasSize(3);
        assertValid(
                new NamespaceOverviewTool((caller, name) -> null, TestClock.CLOCK)
                        .declaration()
                        .outputSchema(),
                namespace);
        assertValid(
                new ClusterOverviewTool(caller -> null, TestClock.CLOCK)
                        .declaration()
                        .outputSchema(),
                cluster);
    }
}
