package io.kmcp.domain.resource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads fields of a JSON-decoded object without trusting its shape: a missing or odd field reads as
 * absent, never as an exception, because a diagnosis or a listing must survive any object the API
 * server serves and any JSON library that decoded it (numbers arrive as Integer, Long, Double or even
 * String). The one reader of such trees for every ring: the diagnosis snapshots and the adapters'
 * renderings read the same way.
 */
public final class JsonTree {

    private static final JsonTree ABSENT = new JsonTree(null);

    private final Object value;

    private JsonTree(Object value) {
        this.value = value;
    }

    public static JsonTree of(Object value) {
        return value == null ? ABSENT : new JsonTree(value);
    }

    /** The field at the dotted path, e.g. {@code status.containerStatuses}. */
    public JsonTree at(String path) {
        Object current = value;
        for (String field : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return ABSENT;
            }
            current = map.get(field);
        }
        return of(current);
    }

    public boolean present() {
        return value != null;
    }

    /** Text, or a number or boolean as text; an empty string reads as absent, as the API means it. */
    public Optional<String> string() {
        if (value instanceof String text) {
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        }
        if (value instanceof Boolean) {
            return Optional.of(String.valueOf(value));
        }
        return number().map(String::valueOf).or(this::decimal);
    }

    public String string(String fallback) {
        return string().orElse(fallback);
    }

    /** A whole number: 3, 3L, 3.0 and "3" all read as 3; anything else as absent. */
    public Optional<Long> number() {
        return decimalValue().flatMap(decimal -> {
            try {
                return Optional.of(decimal.longValueExact());
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        });
    }

    public Optional<Integer> integer() {
        return number().map(n -> (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n)));
    }

    public int integer(int fallback) {
        return integer().orElse(fallback);
    }

    public boolean bool() {
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    public Optional<Instant> instant() {
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public List<JsonTree> list() {
        List<JsonTree> items = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                items.add(of(item));
            }
        }
        return items;
    }

    /** A map of strings (nested maps and lists left out), sorted by key so that what is derived from it is deterministic. */
    public Map<String, String> strings() {
        Map<String, String> strings = new TreeMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                JsonTree raw = of(item);
                if (key != null) {
                    raw.string().ifPresent(text -> strings.put(String.valueOf(key), text));
                }
            });
        }
        return strings;
    }

    /** The keys of a map, sorted, whatever their values (a label {@code role: ""} has a key); none when it is no map. */
    public SortedSet<String> keys() {
        SortedSet<String> keys = new TreeSet<>();
        if (value instanceof Map<?, ?> map) {
            map.keySet().stream().filter(Objects::nonNull).map(String::valueOf).forEach(keys::add);
        }
        return keys;
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
