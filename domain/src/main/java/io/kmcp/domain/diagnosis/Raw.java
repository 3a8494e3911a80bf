package io.kmcp.domain.diagnosis;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads fields of a JSON-decoded object without trusting its shape: a missing or odd field reads as
 * absent, never as an exception, because a diagnosis must survive any object the API server serves
 * and any JSON library that decoded it (numbers arrive as Integer, Long, Double or even String).
 */
final class Raw {

    private static final Raw ABSENT = new Raw(null);

    private final Object value;

    private Raw(Object value) {
        this.value = value;
    }

    static Raw of(Object value) {
        return value == null ? ABSENT : new Raw(value);
    }

    /** The field at the dotted path, e.g. {@code status.containerStatuses}. */
    Raw at(String path) {
        Object current = value;
        for (String field : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return ABSENT;
            }
            current = map.get(field);
        }
        return of(current);
    }

    boolean present() {
        return value != null;
    }

    /** Text, or a number or boolean as text; an empty string reads as absent, as the API means it. */
    Optional<String> string() {
        if (value instanceof String text) {
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        }
        if (value instanceof Boolean) {
            return Optional.of(String.valueOf(value));
        }
        return number().map(String::valueOf).or(this::decimal);
    }

    String string(String fallback) {
        return string().orElse(fallback);
    }

    /** A whole number: 3, 3L, 3.0 and "3" all read as 3; anything else as absent. */
    Optional<Long> number() {
        return decimalValue().flatMap(decimal -> {
            try {
                return Optional.of(decimal.longValueExact());
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        });
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
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    List<Raw> list() {
        List<Raw> items = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                items.add(of(item));
            }
        }
        return items;
    }

    /** A map of strings (nested maps and lists left out), sorted by key so that what is derived from it is deterministic. */
    Map<String, String> strings() {
        Map<String, String> strings = new TreeMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                Raw raw = of(item);
                if (key != null) {
                    raw.string().ifPresent(text -> strings.put(String.valueOf(key), text));
                }
            });
        }
        return strings;
    }

    /** A fractional number as plain text ("0.5"), never in exponent notation. */
    private Optional<String> decimal() {
        return decimalValue().map(decimal -> decimal.stripTrailingZeros().toPlainString());
    }

    private Optional<BigDecimal> decimalValue() {
        try {
            if (value instanceof Number number) {
                return Optional.of(new BigDecimal(number.toString()));
            }
            if (value instanceof String text) {
                return Optional.of(new BigDecimal(text.strip()));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
