package io.kmcp.domain.diagnosis;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An event, from either events API, about one object. */
public record EventSnapshot(
        String type,
        String reason,
        String message,
        ObjectRef involved,
        int count,
        Optional<Instant> firstSeen,
        Optional<Instant> lastSeen,
        Optional<String> source) {

    public EventSnapshot {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(involved, "involved");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(source, "source");
    }

    public boolean warning() {
        return type.equals("Warning");
    }
}
