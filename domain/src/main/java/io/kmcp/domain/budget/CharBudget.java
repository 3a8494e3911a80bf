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

    public static CharBudget of(Optional<Integer> maxChars) {
        return new CharBudget(maxChars.orElse(DEFAULT));
    }

    public static CharBudget standard() {
        return new CharBudget(DEFAULT);
    }
}
