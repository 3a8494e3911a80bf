package io.kmcp.domain.diagnosis;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A node.
 *
 * @param problems the pressure conditions that are true, and Ready when it is not true
 * @param taints "key=value:Effect"
 */
public record NodeSnapshot(
        ObjectRef ref,
        boolean ready,
        boolean unschedulable,
        List<Condition> problems,
        List<String> taints,
        Map<String, String> allocatable) {

    public NodeSnapshot {
        Objects.requireNonNull(ref, "ref");
        problems = List.copyOf(problems);
        taints = List.copyOf(taints);
        allocatable = Map.copyOf(allocatable);
    }

    /** Ready, under no pressure, and open to new pods. */
    public boolean healthy() {
        return ready && problems.isEmpty() && !unschedulable;
    }
}
