package io.kmcp.domain.resource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Kubernetes objects as JSON-like trees ({@code Map<String, Object>} of maps, lists, strings, numbers,
 * booleans and nulls), and what an agent does not need to read in them.
 */
public final class KubernetesObjects {

    public static final String LAST_APPLIED_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";

    private KubernetesObjects() {}

    /**
     * An unmodifiable deep copy of the object without {@code metadata.managedFields} and without the
     * {@code kubectl.kubernetes.io/last-applied-configuration} annotation (and without {@code
     * annotations} if nothing else was in it). The items of a list object ({@code items}) are trimmed
     * the same way. Both only repeat the object at length and cost an agent's context for nothing.
     */
    public static Map<String, Object> withoutNoise(Map<String, ?> object) {
        Objects.requireNonNull(object, "object");
        Map<String, Object> copy = mutableCopy(object);
        trim(copy);
        if (copy.get("items") instanceof List<?> items) {
            items.stream()
                    .filter(Map.class::isInstance)
                    .map(KubernetesObjects::asObject)
                    .forEach(KubernetesObjects::trim);
        }
        return freeze(copy);
    }

    /** An unmodifiable deep copy that keeps the order of keys. */
    public static Map<String, Object> immutableCopy(Map<String, ?> object) {
        Objects.requireNonNull(object, "object");
        return freeze(mutableCopy(object));
    }

    private static void trim(Map<String, Object> object) {
        if (object.get("metadata") instanceof Map<?, ?> rawMetadata) {
            Map<String, Object> metadata = asObject(rawMetadata);
            metadata.remove("managedFields");
            if (metadata.get("annotations") instanceof Map<?, ?> rawAnnotations) {
                Map<String, Object> annotations = asObject(rawAnnotations);
                annotations.remove(LAST_APPLIED_ANNOTATION);
                if (annotations.isEmpty()) {
                    metadata.remove("annotations");
                }
            }
        }
    }

    /** Only for maps made by {@link #mutableCopy}, whose keys are strings. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object map) {
        return (Map<String, Object>) map;
    }

    private static Map<String, Object> mutableCopy(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), mutableCopyOf(value)));
        return copy;
    }

    private static Object mutableCopyOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            return mutableCopy(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(mutableCopyOf(element)));
            return copy;
        }
        return value;
    }

    private static Map<String, Object> freeze(Map<String, Object> map) {
        map.replaceAll((key, value) -> freezeValue(value));
        return Collections.unmodifiableMap(map);
    }

    private static Object freezeValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return freeze(asObject(map));
        }
        if (value instanceof List<?> list) {
            List<Object> frozen = new ArrayList<>(list.size());
            list.forEach(element -> frozen.add(freezeValue(element)));
            return Collections.unmodifiableList(frozen);
        }
        return value;
    }
}
