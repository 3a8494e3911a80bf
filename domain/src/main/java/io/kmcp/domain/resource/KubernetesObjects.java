package io.kmcp.domain.resource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Kubernetes objects as JSON-like trees ({@code Map<String, Object>} of maps, lists, strings, numbers,
 * booleans and nulls), and what an agent does not need to read in them.
 */
public final class KubernetesObjects {

    public static final String LAST_APPLIED_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";

    private static final String METADATA = "metadata";
    private static final String MANAGED_FIELDS = "managedFields";
    private static final String ANNOTATIONS = "annotations";

    /** The JDK's unmodifiable maps and lists, as the reading ports and {@link #immutableCopy} make them. */
    private static final Set<Class<?>> UNMODIFIABLE = Set.of(
            Collections.unmodifiableMap(new HashMap<>()).getClass(),
            Collections.unmodifiableList(new ArrayList<>()).getClass(),
            Collections.unmodifiableList(new LinkedList<>()).getClass(),
            Collections.emptyMap().getClass(),
            Collections.emptyList().getClass(),
            Collections.singletonMap("", "").getClass(),
            Collections.singletonList("").getClass(),
            Map.of().getClass(),
            Map.of("", "").getClass(),
            List.of().getClass(),
            List.of("").getClass());

    private KubernetesObjects() {}

    /**
     * The object without {@code metadata.managedFields} and without the {@code
     * kubectl.kubernetes.io/last-applied-configuration} annotation (and without {@code annotations} if
     * nothing else was in it), unmodifiable and with its keys in their order. The items of a list object
     * ({@code items}) are trimmed the same way. Both only repeat the object at length and cost an
     * agent's context for nothing.
     *
     * <p>Only the maps on the way to what is dropped are new. Every other map and list of the result is
     * the object's own if it is already unmodifiable (a JDK unmodifiable or immutable collection), as
     * every map and list of what the reading ports return is; such a collection is taken to be
     * unmodifiable all the way down, and held by nobody who could change it. A modifiable one is
     * copied, so the result never changes with the object.
     */
    public static Map<String, Object> withoutNoise(Map<String, ?> object) {
        Objects.requireNonNull(object, "object");
        Map<String, Object> trimmed = new LinkedHashMap<>();
        object.forEach((key, value) -> {
            String name = String.valueOf(key);
            trimmed.put(name, name.equals("items") ? itemsWithoutNoise(value) : valueWithoutNoise(name, value));
        });
        return Collections.unmodifiableMap(trimmed);
    }

    /** An unmodifiable deep copy that keeps the order of keys. */
    public static Map<String, Object> immutableCopy(Map<String, ?> object) {
        Objects.requireNonNull(object, "object");
        return frozenMap(object, false);
    }

    private static Object itemsWithoutNoise(Object items) {
        if (!(items instanceof List<?> list)) {
            return frozen(items, true);
        }
        List<Object> trimmed = new ArrayList<>(list.size());
        for (Object item : list) {
            trimmed.add(item instanceof Map<?, ?> object ? itemWithoutNoise(object) : frozen(item, true));
        }
        return Collections.unmodifiableList(trimmed);
    }

    /** An item of a list: its own {@code items}, if it had any, are not trimmed. */
    private static Map<String, Object> itemWithoutNoise(Map<?, ?> item) {
        Map<String, Object> trimmed = new LinkedHashMap<>();
        item.forEach((key, value) -> {
            String name = String.valueOf(key);
            trimmed.put(name, valueWithoutNoise(name, value));
        });
        return Collections.unmodifiableMap(trimmed);
    }

    private static Object valueWithoutNoise(String name, Object value) {
        return name.equals(METADATA) && value instanceof Map<?, ?> metadata && hasNoise(metadata)
                ? metadataWithoutNoise(metadata)
                : frozen(value, true);
    }

    private static boolean hasNoise(Map<?, ?> metadata) {
        return metadata.containsKey(MANAGED_FIELDS)
                || (metadata.get(ANNOTATIONS) instanceof Map<?, ?> annotations
                        && (annotations.isEmpty() || annotations.containsKey(LAST_APPLIED_ANNOTATION)));
    }

    private static Map<String, Object> metadataWithoutNoise(Map<?, ?> metadata) {
        Map<String, Object> trimmed = new LinkedHashMap<>();
        metadata.forEach((key, value) -> {
            String name = String.valueOf(key);
            if (name.equals(ANNOTATIONS) && value instanceof Map<?, ?> annotations) {
                Map<String, Object> kept = frozenMap(annotations, true);
                if (kept.containsKey(LAST_APPLIED_ANNOTATION)) {
                    kept = new LinkedHashMap<>(kept);
                    kept.remove(LAST_APPLIED_ANNOTATION);
                    kept = Collections.unmodifiableMap(kept);
                }
                if (!kept.isEmpty()) {
                    trimmed.put(name, kept);
                }
            } else if (!name.equals(MANAGED_FIELDS)) {
                trimmed.put(name, frozen(value, true));
            }
        });
        return Collections.unmodifiableMap(trimmed);
    }

    /**
     * The value with every map and list in it unmodifiable, keys as strings and in their order; with
     * {@code share}, a map or list that already is unmodifiable is taken as it is instead of copied.
     */
    private static Object frozen(Object value, boolean share) {
        if (value instanceof Map<?, ?> map) {
            return frozenMap(map, share);
        }
        if (value instanceof List<?> list) {
            if (share && UNMODIFIABLE.contains(list.getClass())) {
                return list;
            }
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(frozen(element, share)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> frozenMap(Map<?, ?> map, boolean share) {
        if (share && UNMODIFIABLE.contains(map.getClass())) {
            return (Map<String, Object>) map;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), frozen(value, share)));
        return Collections.unmodifiableMap(copy);
    }
}
