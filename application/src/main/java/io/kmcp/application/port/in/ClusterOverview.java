package io.kmcp.application.port.in;

import io.kmcp.domain.diagnosis.EventGroup;
import io.kmcp.domain.diagnosis.NodeSnapshot;
import java.util.List;
import java.util.Map;

/**
 * The cluster at a glance.
 *
 * @param nodes every node with its readiness and problems
 * @param namespaces how many namespaces there are
 * @param counts objects per kind across all namespaces
 * @param unhealthy the workloads that are not as asked, most severe first
 * @param pendingPods pods not running yet, with why
 * @param warnings recent warning events, grouped and counted, newest first
 * @param gaps what could not be read and why (a caller without cluster-wide rights sees little)
 */
public record ClusterOverview(
        List<NodeSnapshot> nodes,
        int namespaces,
        Map<String, Integer> counts,
        List<UnhealthyWorkload> unhealthy,
        List<PendingPod> pendingPods,
        List<EventGroup> warnings,
        List<String> gaps,
        int apiRequests) {

    public ClusterOverview {
        nodes = List.copyOf(nodes);
        counts = Map.copyOf(counts);
        unhealthy = List.copyOf(unhealthy);
        pendingPods = List.copyOf(pendingPods);
        warnings = List.copyOf(warnings);
        gaps = List.copyOf(gaps);
    }
}
