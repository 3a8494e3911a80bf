package io.kmcp.domain.resource;

import java.util.Optional;

/** A label selector such as {@code app=web,tier!=cache}; the API server checks its syntax. */
public record LabelSelector(String value) {

    public LabelSelector {
        value = Selector.validated("label selector", "app=web,tier in (frontend)", value);
    }

    /** None for {@code null} or blank text. */
    public static Optional<LabelSelector> ofNullable(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new LabelSelector(value));
    }

    @Override
    public String toString() {
        return value;
    }
}
