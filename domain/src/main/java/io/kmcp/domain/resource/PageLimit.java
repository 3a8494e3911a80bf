package io.kmcp.domain.resource;

import io.kmcp.domain.InvalidInputException;

/**
 * How many objects one page of a list holds. Bounded so that one answer stays readable for an agent
 * and cheap for the API server; the rest comes with the continue token.
 */
public record PageLimit(int value) {

    public static final int DEFAULT = 50;
    public static final int MAX = 500;

    public PageLimit {
        if (value < 1 || value > MAX) {
            throw new InvalidInputException("The limit " + value + " is out of range; ask for 1 to " + MAX
                    + " objects per page (default " + DEFAULT + ") and follow the continue token for more.");
        }
    }

    public static PageLimit defaultLimit() {
        return new PageLimit(DEFAULT);
    }

    /** The default for {@code null}, as a tool argument left out means. */
    public static PageLimit ofNullable(Integer value) {
        return value == null ? defaultLimit() : new PageLimit(value);
    }
}
