package io.kmcp.acceptance.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an agent sends each server to find out why a workload does not work: to k-mcp one {@code
 * workload_diagnose}; to kubernetes-mcp-server the kubectl-style round trips (get, list pods, get the
 * failing pod, events, log), with that server's real tool names.
 */
final class Plans {

    private Plans() {}

    /** One MCP tool call. */
    record ToolCall(String tool, Map<String, Object> arguments) {
        ToolCall {
            arguments = Map.copyOf(arguments);
        }
    }

    static List<ToolCall> kmcp(FailureState state) {
        return List.of(new ToolCall(
                "workload_diagnose",
                Map.of("resource", state.resource(), "name", state.name(), "namespace", state.namespace())));
    }

    /**
     * The sequence an agent needs on kubernetes-mcp-server for the same answer. The failing pod's name,
     * which the agent would read from the pod list, is given.
     *
     * <ul>
     *   <li>workload: {@code resources_get}, {@code pods_list_in_namespace} by its label, {@code pods_get}
     *       of the failing pod, {@code events_list} of the namespace, {@code pods_log} of the failing
     *       container when it has run ({@code previous} for a crashed one);
     *   <li>healthy workload: {@code resources_get}, {@code pods_list_in_namespace}, {@code events_list};
     *   <li>Service: {@code resources_get}, {@code pods_list_in_namespace} with its selector, {@code
     *       events_list};
     *   <li>Ingress: {@code resources_get} of it and of each backend Service, then as for the workload
     *       behind them, if any;
     *   <li>autoscaler: {@code resources_get} of it and of the Deployment it scales, then as for that
     *       Deployment;
     *   <li>claim: {@code resources_get}, then as for the workload whose pod waits for it.
     * </ul>
     */
    static List<ToolCall> kubernetesMcpServer(FailureState state, String failingPod) {
        List<ToolCall> calls = new ArrayList<>();
        calls.add(get(state.apiVersion(), state.kind(), state.name(), state.namespace()));
        state.backends().forEach(service -> calls.add(get("v1", "Service", service, state.namespace())));
        if (state.kind().equals("HorizontalPodAutoscaler")) {
            calls.add(get("apps/v1", "Deployment", state.workload(), state.namespace()));
        }
        if (state.workload().isEmpty()) {
            return calls;
        }
        calls.add(new ToolCall(
                "pods_list_in_namespace",
                Map.of("namespace", state.namespace(), "labelSelector", state.podSelector())));
        if (state.hasFailingPod()) {
            calls.add(new ToolCall("pods_get", Map.of("name", failingPod, "namespace", state.namespace())));
        }
        calls.add(new ToolCall("events_list", Map.of("namespace", state.namespace())));
        if (state.log() != FailureState.Log.NONE) {
            Map<String, Object> log = new LinkedHashMap<>();
            log.put("name", failingPod);
            log.put("namespace", state.namespace());
            log.put("container", state.workload());
            if (state.log() == FailureState.Log.PREVIOUS) {
                log.put("previous", true);
            }
            calls.add(new ToolCall("pods_log", log));
        }
        return calls;
    }

    private static ToolCall get(String apiVersion, String kind, String name, String namespace) {
        return new ToolCall(
                "resources_get", Map.of("apiVersion", apiVersion, "kind", kind, "name", name, "namespace", namespace));
    }
}
