package io.kmcp.domain.diagnosis;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Service: its type, the pods it selects and its ports ("80/TCP→8080").
 *
 * @param portNames the names of its ports that have one, which an Ingress may route to instead of a number
 */
public record ServiceSnapshot(
        ObjectRef ref, String type, Map<String, String> selector, List<String> ports, List<String> portNames) {

    public ServiceSnapshot {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(type, "type");
        selector = Map.copyOf(selector);
        ports = List.copyOf(ports);
        portNames = List.copyOf(portNames);
    }

    public ServiceSnapshot(ObjectRef ref, String type, Map<String, String> selector, List<String> ports) {
        this(ref, type, selector, ports, List.of());
    }

    /** Whether the Service sends traffic to the pod: same namespace, every label of the selector. */
    public boolean selects(PodSnapshot pod) {
        return pod.ref().namespace().equals(ref.namespace())
                && pod.labels().entrySet().containsAll(selector.entrySet());
    }

    /** Whether the Service has the port a route names, by number ("8080") or by name ("http"). */
    public boolean exposes(String port) {
        return portNames.contains(port) || ports.stream().anyMatch(listed -> listed.startsWith(port + "/"));
    }
}
