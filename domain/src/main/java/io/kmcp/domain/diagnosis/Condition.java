package io.kmcp.domain.diagnosis;

import java.time.Instant;
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
}
