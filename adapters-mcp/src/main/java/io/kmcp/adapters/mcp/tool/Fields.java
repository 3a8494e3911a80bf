package io.kmcp.adapters.mcp.tool;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads fields of a Kubernetes object held as JSON-like maps, without trusting their shape. */
final class Fields {

    private Fields() {}

    static Optional<Object> at(Object object, String... path) {
        Object current = object;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            current = map.get(key);
        }
        return Optional.ofNullable(current);
    }

    static Optional<String> string(Object object, String... path) {
        return at(object, path).filter(String.class::isInstance).map(String.class::cast);
    }

    static Optional<Long> number(Object object, String... path) {
        return at(object, path).filter(Number.class::isInstance).map(value -> ((Number) value).longValue());
    }

    static List<Object> list(Object object, String... path) {
        return at(object, path).filter(List.class::isInstance).map(value -> List.copyOf((List<?>) value)).stream()
                .flatMap(List::stream)
                .map(Object.class::cast)
                .toList();
    }

    static Map<String, Object> map(Object object, String... path) {
        Optional<Object> value = at(object, path);
        if (value.isPresent() && value.get() instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            return typed;
        }
        return Map.of();
    }

    /** The status of the condition of that type ({@code True}, {@code False}, {@code Unknown}). */
    static Optional<String> condition(Object object, String type) {
        return list(object, "status", "conditions").stream()
                .filter(condition ->
                        string(condition, "type").filter(type::equals).isPresent())
                .findFirst()
                .flatMap(condition -> string(condition, "status"));
    }
}
