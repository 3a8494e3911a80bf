package io.kmcp.adapters.mcp.tool;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** JSON schemas written as text blocks, read once into maps that keep their order and cannot change. */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    /** An object written as JSON text; a malformed schema is a programming error, found at start-up. */
    static Map<String, Object> object(String json) {
        return immutable(MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {}));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> immutable(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, immutableValue(value)));
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object immutableValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return immutable((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return Collections.unmodifiableList(
                    list.stream().map(Json::immutableValue).toList());
        }
        return value;
    }
}
