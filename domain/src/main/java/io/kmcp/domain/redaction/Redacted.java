package io.kmcp.domain.redaction;

import java.util.List;
import java.util.Objects;

/**
 * A value with its credentials replaced by markers, and what was hidden.
 *
 * @param value the same instance as given when nothing was hidden
 */
public record Redacted<T>(T value, List<Redaction> redactions) {

    public Redacted {
        Objects.requireNonNull(value, "value");
        redactions = List.copyOf(redactions);
    }

    public boolean changed() {
        return !redactions.isEmpty();
    }
}
