package io.kmcp.domain.diagnosis.rules.services;

import io.kmcp.domain.diagnosis.EndpointSliceSnapshot;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.ServiceSnapshot;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import java.util.List;
import java.util.Optional;

/** What the Service rules read of a Service: the pods it selects and the endpoints the cluster made of them. */
final class Endpoints {

    private Endpoints() {}

    /** The pods of the graph the Service selects. */
    static List<PodSnapshot> selected(WorkloadGraph graph, ServiceSnapshot service) {
        return graph.pods().stream().filter(service::selects).toList();
    }

    /** "endpoints: 2 ready, 1 not ready", when any EndpointSlice was read. */
    static Optional<String> counts(WorkloadGraph graph) {
        if (graph.endpointSlices().isEmpty()) {
            return Optional.empty();
        }
        int ready = graph.endpointSlices().stream()
                .mapToInt(EndpointSliceSnapshot::ready)
                .sum();
        int notReady = graph.endpointSlices().stream()
                .mapToInt(EndpointSliceSnapshot::notReady)
                .sum();
        return Optional.of("endpoints: " + ready + " ready, " + notReady + " not ready");
    }
}
