package io.kmcp.adapters.kubernetes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How {@code KubernetesObjects.withoutNoise} trimmed objects before it shared what it leaves untouched:
 * a modifiable deep copy of the whole object, trimmed in place, then frozen. The reference its result
 * is compared with, and a baseline of {@link ReadCostBench}.
 */
final class PreviousTrim {

    private static final String LAST_APPLIED_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";

    private PreviousTrim() {}

    static Map<String, Object> withoutNoise(Map<String, ?> object) {
        Map<String, Object> copy = mutableCopy(object);
        trim(copy);
        if (copy.get("items") instanceof List<?> items) {
            items.stream()
                    .filter(Map.class::isInstance)
                    .map(PreviousTrim::asObject)
                    .forEach(PreviousTrim::trim);
        }
        return freeze(copy);
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
