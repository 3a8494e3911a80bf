package io.kmcp.domain.diagnosis;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Any object by its status conditions: an Ingress, an HTTPRoute, an autoscaler, a custom resource.
 * What it takes to judge an object whose kind no other snapshot knows.
 */
public record ObjectSnapshot(ObjectRef ref, List<Condition> conditions) {

    public ObjectSnapshot {
        Objects.requireNonNull(ref, "ref");
        conditions = List.copyOf(conditions);
    }

    /** The conditions that tell of trouble, those the controller is sure of first. */
    public List<Condition> troubled() {
        return conditions.stream()
                .filter(Condition::troubled)
                .sorted(Comparator.comparing(
                        (Condition condition) -> condition.status().equals("Unknown")))
                .toList();
    }
}
