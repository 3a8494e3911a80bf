package io.kmcp.domain.budget;

import io.kmcp.domain.InvalidInputException;
import java.util.Optional;

/** How many characters an answer may take: about four per token of an agent's context. */
public record CharBudget(int maxChars) {

    public static final int DEFAULT = 8_000;
    public static final int MIN = 200;
    public static final int MAX = 200_000;

    public CharBudget {
        if (maxChars < MIN || maxChars > MAX) {
            throw new InvalidInputException("maxChars must be between " + MIN + " and " + MAX + ", was " + maxChars
                    + "; leave it out for " + DEFAULT + ".");
        }
    }

    /** The budget a caller asked for, or the default when it left {@code maxChars} out. */
    public static CharBudget of(Optional<Integer> maxChars) {
        return new CharBudget(maxChars.orElse(DEFAULT));
    }
}
