package io.kmcp.adapters.mcp.tool;

import java.util.Objects;

/**
 * One argument of a prompt, as a client shows it in a form.
 *
 * @param maxChars the longest value accepted, checked before anything else happens
 */
public record PromptArgument(String name, String description, boolean required, int maxChars) {

    public PromptArgument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive, not " + maxChars);
        }
    }
}
