package io.kmcp.domain.apply;

import io.kmcp.domain.resource.KubernetesObjects;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which fields a server-side apply would change: the live object against the dry-run result. Fields
 * the server maintains by itself (resource version, generation, uid, creation time, managed fields, the
 * last-applied annotation, status) always differ and are left out. Paths come in a fixed order (keys
 * sorted, list elements by index); a field that appears or disappears as a whole is one path.
 */
public final class FieldDiff {

    /** A confirmation shows this many paths at most and says how many more there are. */
    public static final int MAX_PATHS = 20;

    private static final Set<String> SERVER_MANAGED_METADATA =
            Set.of("resourceVersion", "generation", "uid", "creationTimestamp", "managedFields", "selfLink");
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private FieldDiff() {}

    /** {@link PlannedChange.Unchanged} or a {@link PlannedChange.Change} listing at most {@link #MAX_PATHS}. */
    public static PlannedChange between(Map<String, ?> live, Map<String, ?> dryRunResult) {
        List<String> paths = changedPaths(live, dryRunResult);
        if (paths.isEmpty()) {
            return new PlannedChange.Unchanged();
        }
        int shown = Math.min(paths.size(), MAX_PATHS);
        return new PlannedChange.Change(paths.subList(0, shown), paths.size() - shown);
    }

    /** Every changed path, in order. */
    public static List<String> changedPaths(Map<String, ?> live, Map<String, ?> dryRunResult) {
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(dryRunResult, "dryRunResult");
        List<String> paths = new ArrayList<>();
        compare("", withoutServerFields(live), withoutServerFields(dryRunResult), paths);
        return paths;
    }

    private static Map<String, Object> withoutServerFields(Map<String, ?> object) {
        Map<String, Object> copy = new LinkedHashMap<>(KubernetesObjects.withoutNoise(object));
        copy.remove("status");
        if (copy.get("metadata") instanceof Map<?, ?> metadata) {
            Map<Object, Object> trimmed = new LinkedHashMap<>(metadata);
            trimmed.keySet().removeAll(SERVER_MANAGED_METADATA);
            copy.put("metadata", trimmed);
        }
        return copy;
    }

    private static void compare(String path, Object live, Object planned, List<String> paths) {
        if (isAbsent(live) && isAbsent(planned)) {
            return;
        }
        if (live instanceof Map<?, ?> liveMap && planned instanceof Map<?, ?> plannedMap) {
            Set<String> keys = new TreeSet<>();
            liveMap.keySet().forEach(key -> keys.add(String.valueOf(key)));
            plannedMap.keySet().forEach(key -> keys.add(String.valueOf(key)));
            for (String key : keys) {
                compare(child(path, key), liveMap.get(key), plannedMap.get(key), paths);
            }
            return;
        }
        if (live instanceof List<?> liveList && planned instanceof List<?> plannedList) {
            for (int i = 0; i < Math.max(liveList.size(), plannedList.size()); i++) {
                compare(
                        path + "[" + i + "]",
                        i < liveList.size() ? liveList.get(i) : null,
                        i < plannedList.size() ? plannedList.get(i) : null,
                        paths);
            }
            return;
        }
        if (!sameValue(live, planned)) {
            paths.add(path);
        }
    }

    /** Missing, null and empty collections mean the same to the API server. */
    private static boolean isAbsent(Object value) {
        return value == null
                || (value instanceof Map<?, ?> map && map.isEmpty())
                || (value instanceof Collection<?> collection && collection.isEmpty());
    }

    /** JSON numbers may arrive as Integer from one parser and Long or Double from another. */
    private static boolean sameValue(Object live, Object planned) {
        if (live instanceof Number liveNumber && planned instanceof Number plannedNumber) {
            try {
                return new BigDecimal(liveNumber.toString()).compareTo(new BigDecimal(plannedNumber.toString())) == 0;
            } catch (NumberFormatException notFinite) {
                return liveNumber.toString().equals(plannedNumber.toString());
            }
        }
        return Objects.equals(live, planned);
    }

    private static String child(String path, String key) {
        String segment = PLAIN_KEY.matcher(key).matches()
                ? key
                : "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
        if (path.isEmpty()) {
            return segment;
        }
        return segment.startsWith("[") ? path + segment : path + "." + segment;
    }
}
