package io.kmcp.application.port.in;

import io.kmcp.domain.apply.Manifest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * @param objects the documents applied, in apply order; each is followed
 * @param timeout how long to wait for all of them together
 */
public record ReadinessQuery(List<Manifest> objects, Duration timeout) {

    public ReadinessQuery {
        objects = List.copyOf(objects);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, was " + timeout);
        }
    }
}
