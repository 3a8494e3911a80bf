package io.kmcp.domain.diagnosis.rules.services;

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
        return Optional.of(
                "endpoints: " + graph.readyEndpoints() + " ready, " + graph.notReadyEndpoints() + " not ready");
    }
}
