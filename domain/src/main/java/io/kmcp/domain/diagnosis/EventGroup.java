package io.kmcp.domain.diagnosis;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Events that say the same thing about the same object, counted once. */
public record EventGroup(
        String type,
        String reason,
        ObjectRef involved,
        String message,
        int count,
        Optional<Instant> firstSeen,
        Optional<Instant> lastSeen) {

    public EventGroup {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(involved, "involved");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }
}
