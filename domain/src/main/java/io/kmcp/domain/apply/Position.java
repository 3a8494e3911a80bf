package io.kmcp.domain.apply;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a document sits in what the caller sent, so that a person can find it: {@code document 3},
 * or for an item of a {@code kind: List}, {@code document 1, item 2} (nested lists: {@code item 2.1}).
 * Numbers start at 1, as people count.
 *
 * @param document the document's place in the stream
 * @param items the item's place in each enclosing list, outermost first; empty for a plain document
 */
public record Position(int document, List<Integer> items) implements Comparable<Position> {

    private static final Comparator<Position> ORDER =
            Comparator.comparingInt(Position::document).thenComparing(Position::items, Position::compareItems);

    public Position {
        if (document < 1) {
            throw new IllegalArgumentException("documents are numbered from 1: " + document);
        }
        items = List.copyOf(items);
        if (items.stream().anyMatch(item -> item < 1)) {
            throw new IllegalArgumentException("items are numbered from 1: " + items);
        }
    }

    public static Position of(int document) {
        return new Position(document, List.of());
    }

    /** The position of the n-th item (from 1) of the list at this position. */
    public Position item(int item) {
        List<Integer> path = new ArrayList<>(items);
        path.add(item);
        return new Position(document, path);
    }

    @Override
    public int compareTo(Position other) {
        return ORDER.compare(this, other);
    }

    private static int compareItems(List<Integer> left, List<Integer> right) {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int byItem = Integer.compare(left.get(i), right.get(i));
            if (byItem != 0) {
                return byItem;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    @Override
    public String toString() {
        if (items.isEmpty()) {
            return "document " + document;
        }
        return "document " + document + ", item "
                + items.stream().map(String::valueOf).collect(Collectors.joining("."));
    }
}
