package io.kmcp.acceptance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.acceptance.bench.Plans.ToolCall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlansTest {

    private static FailureState state(String label) {
        return FailureState.all().stream()
                .filter(state -> state.label().equals(label))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> tools(List<ToolCall> calls) {
        return calls.stream().map(ToolCall::tool).toList();
    }

    @Test
    @DisplayName(
            "From an Ingress, kubernetes-mcp-server needs the Ingress, its Service, then the workload's round trips")
    void ingress() {
        FailureState crash = state(FailureState.INGRESS_CRASH);

        List<ToolCall> calls = Plans.kubernetesMcpServer(crash, "orders-abc");

        assertThat(tools(calls))
                .containsExactly(
                        "resources_get",
                        "resources_get",
                        "pods_list_in_namespace",
                        "pods_get",
                        "events_list",
                        "pods_log");
        assertThat(calls.get(1).arguments()).containsEntry("kind", "Service").containsEntry("name", "orders");
        assertThat(calls.get(2).arguments()).containsEntry("labelSelector", "app=orders");
        assertThat(calls.get(5).arguments())
                .containsEntry("container", "orders")
                .containsEntry("previous", true);
        assertThat(Plans.kmcp(crash))
                .containsExactly(new ToolCall(
                        "workload_diagnose",
                        Map.of("resource", "ingress", "name", "storefront", "namespace", "bench-ingress-crash")));
    }

    @Test
    @DisplayName("An Ingress to a missing Service ends at that Service; an autoscaler reads its Deployment")
    void missingServiceAndAutoscaler() {
        assertThat(tools(Plans.kubernetesMcpServer(state(FailureState.INGRESS_MISSING), "")))
                .containsExactly("resources_get", "resources_get");
        List<ToolCall> autoscaler = Plans.kubernetesMcpServer(state(FailureState.AUTOSCALER), "");
        assertThat(tools(autoscaler))
                .containsExactly("resources_get", "resources_get", "pods_list_in_namespace", "events_list");
        assertThat(autoscaler.get(1).arguments())
                .containsEntry("kind", "Deployment")
                .containsEntry("name", "web");
    }
}
