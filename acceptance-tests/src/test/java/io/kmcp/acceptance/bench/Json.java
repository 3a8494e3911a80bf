package io.kmcp.acceptance.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;

/** JSON text of the benchmark's request bodies. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static String string(String value) {
        return write(value);
    }

    /** An object, its keys sorted, so that a body is the same from one run to the next. */
    static String object(Map<String, Object> fields) {
        return write(new TreeMap<>(fields));
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + value, e);
        }
    }
}
