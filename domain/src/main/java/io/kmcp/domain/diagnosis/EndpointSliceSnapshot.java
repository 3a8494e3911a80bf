package io.kmcp.domain.diagnosis;

import java.util.List;
import java.util.Objects;

/** An EndpointSlice of a Service: how many endpoints are ready, and the pods behind them. */
public record EndpointSliceSnapshot(
        ObjectRef ref, String serviceName, int ready, int notReady, List<String> targetPods) {

    public EndpointSliceSnapshot {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(serviceName, "serviceName");
        targetPods = List.copyOf(targetPods);
    }
}
