package io.kmcp.domain.diagnosis;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads fields of a JSON-decoded object without trusting its shape: a missing or odd field reads as
 * absent, never as an exception, because a diagnosis must survive any object the API server serves.
 */
final class Raw {

    private final Object value;

    private Raw(Object value) {
        this.value = value;
    }

    static Raw of(Object value) {
        return new Raw(value);
    }

    /** The field at the dotted path, e.g. {@code status.containerStatuses}. */
    Raw at(String path) {
        Object current = value;
        for (String field : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return new Raw(null);
            }
            current = map.get(field);
        }
        return new Raw(current);
    }

    boolean present() {
        return value != null;
    }

    Optional<String> string() {
        if (value instanceof String text && !text.isEmpty()) {
            return Optional.of(text);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return Optional.of(String.valueOf(value));
        }
        return Optional.empty();
    }

    String string(String fallback) {
        return string().orElse(fallback);
    }

    Optional<Long> number() {
        if (value instanceof Number number) {
            return Optional.of(number.longValue());
        }
        if (value instanceof String text) {
            try {
                return Optional.of(Long.parseLong(text.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    Optional<Integer> integer() {
        return number().map(n -> (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n)));
    }

    int integer(int fallback) {
        return integer().orElse(fallback);
    }

    boolean bool() {
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    Optional<Instant> instant() {
        return string().flatMap(text -> {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    List<Raw> list() {
        List<Raw> items = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                items.add(new Raw(item));
            }
        }
        return items;
    }

    /** A map of strings, sorted by key so that what is derived from it is deterministic. */
    Map<String, String> strings() {
        Map<String, String> strings = new TreeMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                if (key != null && item != null && !(item instanceof Map) && !(item instanceof List)) {
                    strings.put(String.valueOf(key), String.valueOf(item));
                }
            });
        }
        return strings;
    }
}
