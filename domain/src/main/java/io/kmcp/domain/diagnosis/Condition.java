package io.kmcp.domain.diagnosis;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A status condition as Kubernetes reports it. */
public record Condition(
        String type,
        String status,
        Optional<String> reason,
        Optional<String> message,
        Optional<Instant> lastTransition) {

    public Condition {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(lastTransition, "lastTransition");
    }

    public boolean isTrue() {
        return status.equals("True");
    }

    public boolean isFalse() {
        return status.equals("False");
    }

    /** Whether this condition tells of trouble, read with its type's {@link ConditionPolarity}. */
    public boolean troubled() {
        return ConditionPolarity.of(type).troubled(status);
    }

    /** The first condition of that type, as the API server lists at most one of each. */
    public static Optional<Condition> ofType(List<Condition> conditions, String type) {
        return conditions.stream()
                .filter(condition -> condition.type().equals(type))
                .findFirst();
    }
}
