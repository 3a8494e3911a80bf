package io.kmcp.domain.diagnosis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A namespace, as far as its deletion goes.
 *
 * @param phase Active or Terminating
 * @param conditions what the namespace controller reports while it deletes the content
 *     (NamespaceContentRemaining, NamespaceFinalizersRemaining, NamespaceDeletion…Failure)
 */
public record NamespaceSnapshot(ObjectRef ref, String phase, Optional<Deletion> deletion, List<Condition> conditions) {

    public NamespaceSnapshot {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(deletion, "deletion");
        conditions = List.copyOf(conditions);
    }

    /** The namespace controller's conditions that are true: what it could not delete yet, and why. */
    public List<Condition> deletionHoldups() {
        return conditions.stream()
                .filter(condition -> condition.type().startsWith("Namespace") && condition.isTrue())
                .toList();
    }
}
