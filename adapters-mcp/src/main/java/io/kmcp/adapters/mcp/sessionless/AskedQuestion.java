package io.kmcp.adapters.mcp.sessionless;

import io.kmcp.adapters.mcp.tool.AnswerRefused;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a sessionless call asked, carried by the client to the retry in the signed {@code
 * requestState}: the question's key, and digests of the exact question (for {@code resource_apply},
 * the plan shown) and of the call's arguments (the manifest). Digests, not the texts: the state is
 * readable by the client and must not carry a manifest.
 *
 * @param key the question's key in {@code inputResponses}
 * @param asked the digest of the question's message
 * @param arguments the digest of the call's arguments
 */
record AskedQuestion(String key, String asked, String arguments) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    AskedQuestion {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(asked, "asked");
        Objects.requireNonNull(arguments, "arguments");
    }

    String toState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("question", key);
        state.put("asked", asked);
        state.put("arguments", arguments);
        return JSON.writeValueAsString(state);
    }

    /** The question of a verified state; the signature vouches for its shape. */
    static AskedQuestion fromState(String state) {
        try {
            Map<String, Object> fields = JSON.readValue(state, new TypeReference<Map<String, Object>>() {});
            return new AskedQuestion(
                    (String) fields.get("question"), (String) fields.get("asked"), (String) fields.get("arguments"));
        } catch (JacksonException | ClassCastException | NullPointerException unreadable) {
            throw new AnswerRefused("The requestState does not belong to a question this server asked.");
        }
    }

    static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException("SHA-256 is not available", unavailable);
        }
    }

    /** The digest of arguments, the same whatever order their keys come in. */
    static String digestOf(Map<String, Object> arguments) {
        return digest(JSON.writeValueAsString(canonical(arguments == null ? Map.of() : arguments)));
    }

    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, entry) -> sorted.put(String.valueOf(key), canonical(entry)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AskedQuestion::canonical).toList();
        }
        return value;
    }
}
