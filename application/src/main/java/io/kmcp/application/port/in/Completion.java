package io.kmcp.application.port.in;

import java.util.List;
import java.util.Objects;

/**
 * The values that complete what was typed, at most {@link #MAX_VALUES} of them, in order.
 *
 * @param total how many values match; a lower bound when {@code hasMore} comes from a listing that was
 *     cut short
 * @param hasMore true when more values match than are given
 */
public record Completion(List<String> values, int total, boolean hasMore) {

    /** The most values one completion carries, as the protocol allows. */
    public static final int MAX_VALUES = 100;

    public Completion {
        values = List.copyOf(Objects.requireNonNull(values, "values"));
        if (values.size() > MAX_VALUES) {
            throw new IllegalArgumentException(
                    "a completion carries at most " + MAX_VALUES + " values, not " + values.size());
        }
        if (total < values.size()) {
            throw new IllegalArgumentException("the total " + total + " is less than the " + values.size() + " values");
        }
    }

    /** Nothing to offer. */
    public static Completion none() {
        return new Completion(List.of(), 0, false);
    }

    /**
     * The first {@link #MAX_VALUES} of the matches.
     *
     * @param moreUnseen true when the matches come from a listing that was cut short, so that more may exist
     */
    public static Completion of(List<String> matches, boolean moreUnseen) {
        List<String> values = matches.subList(0, Math.min(matches.size(), MAX_VALUES));
        return new Completion(values, matches.size(), moreUnseen || matches.size() > MAX_VALUES);
    }
}
