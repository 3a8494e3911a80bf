package io.kmcp.domain.resource;

import io.kmcp.domain.InvalidInputException;

/**
 * How many objects one page of a list holds. What a caller asks for is bounded by {@link #MAX}, so
 * that one answer stays readable for an agent and cheap for the API server; the rest comes with the
 * continue token. k-mcp's own reads for an overview or a diagnosis take larger pages, which it
 * condenses before anyone reads them, so the value itself only has to be positive.
 */
public record PageLimit(int value) {

    public static final int DEFAULT = 50;

    /** The most a caller may ask for in one page. */
    public static final int MAX = 500;

    public PageLimit {
        if (value < 1) {
            throw outOfRange(value);
        }
    }

    public static PageLimit defaultLimit() {
        return new PageLimit(DEFAULT);
    }

    /** What a caller asked for, 1 to {@link #MAX}; the default for {@code null}, as a tool argument left out means. */
    public static PageLimit ofNullable(Integer value) {
        if (value == null) {
            return defaultLimit();
        }
        if (value > MAX) {
            throw outOfRange(value);
        }
        return new PageLimit(value);
    }

    private static InvalidInputException outOfRange(int value) {
        return new InvalidInputException("The limit " + value + " is out of range; ask for 1 to " + MAX
                + " objects per page (default " + DEFAULT + ") and follow the continue token for more.");
    }
}
