package io.kmcp.domain.resource;

import io.kmcp.domain.InvalidInputException;

/**
 * How far back a read of events or log lines looks, in seconds. At most thirty days: older events and
 * log lines are long gone from any API server, so a larger value can only be a mistake.
 */
public record SinceSeconds(int value) {

    /** Thirty days. */
    public static final int MAX = 30 * 24 * 3600;

    public SinceSeconds {
        if (value < 1 || value > MAX) {
            throw new InvalidInputException(
                    "sinceSeconds must be between 1 and " + MAX + " (30 days), was " + value + ".");
        }
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
