package io.kmcp.domain.diagnosis;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A Service: its type, the pods it selects and its ports ("80/TCP→8080"). */
public record ServiceSnapshot(ObjectRef ref, String type, Map<String, String> selector, List<String> ports) {

    public ServiceSnapshot {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(type, "type");
        selector = Map.copyOf(selector);
        ports = List.copyOf(ports);
    }

    /** Whether the Service sends traffic to the pod: same namespace, every label of the selector. */
    public boolean selects(PodSnapshot pod) {
        return pod.ref().namespace().equals(ref.namespace())
                && pod.labels().entrySet().containsAll(selector.entrySet());
    }
}
