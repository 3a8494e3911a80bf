package io.kmcp.domain.budget;

import java.util.Objects;

/**
 * An answer rendered within its budget.
 *
 * @param omittedLines lines of the sections left out (0 when nothing was cut)
 */
public record Rendered(String text, boolean truncated, int omittedLines) {

    public Rendered {
        Objects.requireNonNull(text, "text");
    }
}
