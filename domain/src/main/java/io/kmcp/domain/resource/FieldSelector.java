package io.kmcp.domain.resource;

import java.util.Optional;

/** A field selector such as {@code status.phase=Running}; the API server checks its syntax. */
public record FieldSelector(String value) {

    public FieldSelector {
        value = Selector.validated("field selector", "status.phase=Running", value);
    }

    /** None for {@code null} or blank text. */
    public static Optional<FieldSelector> ofNullable(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new FieldSelector(value));
    }

    @Override
    public String toString() {
        return value;
    }
}
