package io.kmcp.adapters.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.adapters.mcp.support.TestClock;
import io.kmcp.adapters.mcp.support.Types;
import io.kmcp.application.port.in.ResourceList;
import io.kmcp.domain.budget.CharBudget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ListSummaryTest {

    private static final CharBudget DEFAULT = new CharBudget(CharBudget.DEFAULT);

    static Map<String, Object> pod(
            String namespace, String name, String phase, Map<String, Object> state, boolean ready, int restarts) {
        Map<String, Object> pod = new LinkedHashMap<>();
        pod.put("apiVersion", "v1");
        pod.put("kind", "Pod");
        pod.put("metadata", Map.of("namespace", namespace, "name", name, "creationTimestamp", "2026-05-30T11:00:00Z"));
        pod.put("spec", Map.of("nodeName", "node-1", "containers", List.of(Map.of("name", "app", "image", "app:1"))));
        pod.put(
                "status",
                Map.of(
                        "phase", phase,
                        "conditions", List.of(Map.of("type", "Ready", "status", ready ? "True" : "False")),
                        "containerStatuses",
                                List.of(Map.of(
                                        "name", "app",
                                        "image", "app:1",
                                        "ready", ready,
                                        "restartCount", restarts,
                                        "state", state))));
        return pod;
    }

    static Map<String, Object> running(String namespace, String name) {
        return pod(namespace, name, "Running", Map.of("running", Map.of("startedAt", "2026-05-30T11:00:05Z")), true, 0);
    }

    static Map<String, Object> crashing(String namespace, String name) {
        return pod(namespace, name, "Running", Map.of("waiting", Map.of("reason", "CrashLoopBackOff")), false, 7);
    }

    static Map<String, Object> pending(String namespace, String name) {
        Map<String, Object> pod = new LinkedHashMap<>(running(namespace, name));
        pod.put(
                "status",
                Map.of(
                        "phase",
                        "Pending",
                        "conditions",
                        List.of(Map.of(
                                "type", "PodScheduled",
                                "status", "False",
                                "reason", "Unschedulable",
                                "message", "0/3 nodes are available"))));
        return pod;
    }

    private static List<Map<String, Object>> mixedPods() {
        List<Map<String, Object>> pods = new ArrayList<>();
        IntStream.range(0, 40).forEach(i -> pods.add(running("shop", "web-" + i)));
        IntStream.range(0, 15).forEach(i -> pods.add(running("team-a", "api-" + i)));
        pods.add(crashing("shop", "web-crash"));
        pods.add(pending("team-a", "api-pending"));
        pods.add(pod(
                "shop",
                "done",
                "Succeeded",
                Map.of("terminated", Map.of("reason", "Completed", "exitCode", 0)),
                false,
                0));
        return pods;
    }

    @Test
    @DisplayName("Summary of pods: counts per status and per namespace, the unhealthy ones one line each, how to go on")
    void podsSummary() {
        ResourceList page =
                new ResourceList(Types.PODS, Optional.empty(), mixedPods(), Optional.of("tok"), Optional.of(120L));

        String text = ResourceListTool.text(page, Optional.empty(), TestClock.NOW, DEFAULT)
                .text();

        assertThat(text).isEqualTo("""
                pods.v1 in all namespaces: 58 objects on this page — summary (summary: false shows the table):
                By status: Running 55, Completed 1, CrashLoopBackOff 1, Pending 1

                ## Not healthy (2)
                shop/web-crash: CrashLoopBackOff, ready 0/1, 7 restarts, node node-1
                team-a/api-pending: Pending, ready 0/1, 0 restarts, node node-1

                ## By namespace
                shop: 42 (Running 40, Completed 1, CrashLoopBackOff 1)
                team-a: 16 (Running 15, Pending 1)

                More objects follow (about 120 more). For the next page call resource_list again with the same arguments and continue="tok".
                Narrow with labelSelector or fieldSelector, ask for fewer objects with limit, or call resource_list with summary: false for the table; workload_diagnose explains why one is unhealthy.""");
    }

    @Test
    @DisplayName(
            "summary: false keeps the table however large the page; summary: true summarises a small one; 50 objects stay a table")
    void summaryRule() {
        ResourceList large =
                new ResourceList(Types.PODS, Optional.empty(), mixedPods(), Optional.empty(), Optional.empty());
        ResourceList small = new ResourceList(
                Types.PODS,
                Optional.of("shop"),
                List.of(crashing("shop", "web-crash")),
                Optional.empty(),
                Optional.empty());
        List<Map<String, Object>> fifty = IntStream.range(0, 50)
                .mapToObj(i -> running("shop", "web-" + i))
                .toList();

        assertThat(ResourceListTool.text(large, Optional.of(false), TestClock.NOW, new CharBudget(CharBudget.MAX))
                        .text())
                .containsPattern("NAMESPACE +NAME +READY +STATUS +RESTARTS +AGE")
                .doesNotContain("summary");
        assertThat(ResourceListTool.text(small, Optional.of(true), TestClock.NOW, DEFAULT)
                        .text())
                .startsWith("pods.v1 in namespace shop: 1 object — summary")
                .contains("## Not healthy (1)\nweb-crash: CrashLoopBackOff, ready 0/1, 7 restarts")
                .doesNotContain("By namespace");
        assertThat(ResourceListTool.text(
                                new ResourceList(
                                        Types.PODS, Optional.of("shop"), fifty, Optional.empty(), Optional.empty()),
                                Optional.empty(),
                                TestClock.NOW,
                                new CharBudget(CharBudget.MAX))
                        .text())
                .containsPattern("NAME +READY +STATUS +RESTARTS +AGE");
    }

    @Test
    @DisplayName("Summary of Deployments names those with fewer ready replicas than desired; a healthy page says so")
    void workloadsSummary() {
        Map<String, Object> web = Map.of(
                "kind", "Deployment",
                "metadata", Map.of("namespace", "shop", "name", "web", "generation", 3),
                "spec", Map.of("replicas", 3, "selector", Map.of("matchLabels", Map.of("app", "web"))),
                "status", Map.of("readyReplicas", 1, "observedGeneration", 3));
        Map<String, Object> api = Map.of(
                "kind", "Deployment",
                "metadata", Map.of("namespace", "shop", "name", "api", "generation", 1),
                "spec", Map.of("replicas", 2),
                "status", Map.of("readyReplicas", 2, "observedGeneration", 1));
        ResourceList page = new ResourceList(
                Types.DEPLOYMENTS, Optional.of("shop"), List.of(web, api), Optional.empty(), Optional.empty());
        ResourceList healthy = new ResourceList(
                Types.DEPLOYMENTS, Optional.of("shop"), List.of(api), Optional.empty(), Optional.empty());

        assertThat(ResourceListTool.text(page, Optional.of(true), TestClock.NOW, DEFAULT)
                        .text())
                .contains("By status: NotReady 1, Ready 1\n")
                .contains("## Not healthy (1)\nweb: 1/3 ready\n");
        assertThat(ResourceListTool.text(healthy, Optional.of(true), TestClock.NOW, DEFAULT)
                        .text())
                .contains("Nothing on this page is unhealthy.")
                .doesNotContain("Not healthy");
    }

    @Test
    @DisplayName("A summary in a small budget keeps the headline, the continue token and the unhealthy items first")
    void summaryTruncated() {
        List<Map<String, Object>> pods = new ArrayList<>();
        IntStream.range(0, 80).forEach(i -> pods.add(crashing("ns-" + i, "web-" + i)));
        ResourceList page = new ResourceList(Types.PODS, Optional.empty(), pods, Optional.of("tok"), Optional.empty());

        String text = ResourceListTool.text(page, Optional.empty(), TestClock.NOW, new CharBudget(1500))
                .text();

        assertThat(text.length()).isLessThanOrEqualTo(1500);
        assertThat(text)
                .startsWith("pods.v1 in all namespaces: 80 objects on this page — summary")
                .contains("ns-0/web-0: CrashLoopBackOff")
                .contains("continue=\"tok\"")
                .contains("more lines omitted:")
                .doesNotContain("## By namespace\nns-0");
    }
}
