package io.kmcp.domain.budget;

import java.util.List;
import java.util.Objects;

/**
 * A part of an answer.
 *
 * @param title shown as {@code ## title}; empty for none
 * @param priority lower is more important: kept whole longest
 * @param omissionHint how to get what a cut leaves out, e.g. "call events_list with namespace=shop"
 */
public record Section(String title, int priority, List<String> lines, String omissionHint) {

    public Section {
        Objects.requireNonNull(title, "title");
        lines = List.copyOf(lines);
        Objects.requireNonNull(omissionHint, "omissionHint");
    }
}
