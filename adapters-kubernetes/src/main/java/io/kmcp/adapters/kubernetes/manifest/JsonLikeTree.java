package io.kmcp.adapters.kubernetes.manifest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies what a parser built into a fresh, unmodifiable JSON-like tree (maps with string keys, lists,
 * strings, numbers, booleans, nulls), counting values and depth on the way. The copy is what makes
 * aliases safe: a shared or self-referencing node is expanded here, against the budget, instead of
 * reaching code that would serialise it without limit.
 */
final class JsonLikeTree {

    private final ManifestLimits limits;
    // The containers being copied, from the document down: one seen again is its own ancestor.
    private final Set<Object> ancestors = Collections.newSetFromMap(new IdentityHashMap<>());
    private long values;

    JsonLikeTree(ManifestLimits limits) {
        this.limits = limits;
    }

    Map<String, Object> copyDocument(Map<?, ?> document, String where) {
        return copyMap(document, 1, where);
    }

    private Object copy(Object value, int depth, String where) {
        if (++values > limits.maxValues()) {
            throw new ManifestSyntaxException(where + " expands to more than " + limits.maxValues()
                    + " values through YAML aliases (*name); write the repeated parts out, or apply fewer documents"
                    + " at once.");
        }
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return value;
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new ManifestSyntaxException(where + " holds .inf or .nan, which JSON (and so the Kubernetes"
                        + " API) cannot carry; write a finite number or a quoted string.");
            }
            return value;
        }
        if (value instanceof BigDecimal || value instanceof Short || value instanceof Byte) {
            return value;
        }
        if (value instanceof byte[] bytes) {
            // !!binary: Kubernetes carries bytes as base64 text (Secret data, ConfigMap binaryData).
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Map<?, ?> map) {
            return copyMap(map, depth + 1, where);
        }
        if (value instanceof Collection<?> collection) {
            return copyList(collection, depth + 1, where);
        }
        throw new ManifestSyntaxException(where + " holds a YAML value of an unsupported type ("
                + value.getClass().getSimpleName() + "); use plain mappings, lists, strings, numbers and booleans.");
    }

    private Map<String, Object> copyMap(Map<?, ?> map, int depth, String where) {
        enter(map, depth, where);
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            copy.put(key(entry.getKey(), where), copy(entry.getValue(), depth, where));
        }
        ancestors.remove(map);
        return Collections.unmodifiableMap(copy);
    }

    private List<Object> copyList(Collection<?> list, int depth, String where) {
        enter(list, depth, where);
        List<Object> copy = new ArrayList<>(list.size());
        for (Object element : list) {
            copy.add(copy(element, depth, where));
        }
        ancestors.remove(list);
        return Collections.unmodifiableList(copy);
    }

    private void enter(Object container, int depth, String where) {
        if (depth > limits.maxDepth()) {
            throw new ManifestSyntaxException(tooDeep(where, limits.maxDepth()));
        }
        if (!ancestors.add(container)) {
            throw new ManifestSyntaxException(where + " contains itself through a YAML alias (*name inside the &name"
                    + " it refers to); JSON cannot carry a loop, so write the value out.");
        }
    }

    static String tooDeep(String where, int maxDepth) {
        return where + " nests mappings and lists deeper than " + maxDepth
                + " levels; Kubernetes objects are far shallower, so check the indentation.";
    }

    /** JSON keys are strings; YAML's scalar keys (numbers, booleans) become their text, as kubectl does. */
    private static String key(Object key, String where) {
        if (key instanceof Map<?, ?> || key instanceof Collection<?> || key instanceof byte[]) {
            throw new ManifestSyntaxException(
                    where + " uses a mapping or list as a key; keys must be plain text, as in JSON.");
        }
        return String.valueOf(key);
    }
}
