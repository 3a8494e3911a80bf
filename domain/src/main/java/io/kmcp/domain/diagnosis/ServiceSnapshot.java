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
}
