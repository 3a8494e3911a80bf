package io.kmcp.domain.diagnosis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A HorizontalPodAutoscaler: what it scales, its bounds and where it stands. */
public record AutoscalerSnapshot(
        ObjectRef ref,
        String targetKind,
        String targetName,
        int minReplicas,
        int maxReplicas,
        int currentReplicas,
        int desiredReplicas,
        List<Condition> conditions) {

    public AutoscalerSnapshot {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(targetKind, "targetKind");
        Objects.requireNonNull(targetName, "targetName");
        conditions = List.copyOf(conditions);
    }

    public Optional<Condition> condition(String type) {
        return Condition.ofType(conditions, type);
    }

    /** Asks for as many replicas as it may have, or more; an unknown maximum (0) is never reached. */
    public boolean wantsMaximum() {
        return maxReplicas > 0 && desiredReplicas >= maxReplicas;
    }
}
