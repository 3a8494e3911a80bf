package io.kmcp.domain.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The text that replaces a hidden value: {@code <redacted by k-mcp: the name DB_PASSWORD suggests a
 * credential>}. It says what was hidden and why, reads the same in a YAML rendering and in structured
 * content, and begins with a fixed prefix so that a manifest carrying it back can be recognised.
 */
public final class RedactionMarker {

    public static final String PREFIX = "<redacted by k-mcp";

    private RedactionMarker() {}

    /** The marker for a value hidden for this reason. */
    public static String of(String reason) {
        Objects.requireNonNull(reason, "reason");
        // The reason never closes the marker early, so the marker stays one recognisable piece of text.
        return PREFIX + ": " + reason.replace('>', ')') + ">";
    }

    public static boolean isIn(String text) {
        return text != null && text.contains(PREFIX);
    }

    /**
     * The paths of every string (key or value) in the tree that carries a marker, in document order:
     * {@code spec.template.spec.containers[0].env[1].value}.
     */
    public static List<String> pathsIn(Map<String, ?> object) {
        Objects.requireNonNull(object, "object");
        List<String> paths = new ArrayList<>();
        collect("", object, paths);
        return paths;
    }

    private static void collect(String path, Object value, List<String> paths) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                String child = Paths.child(path, String.valueOf(key));
                if (isIn(String.valueOf(key))) {
                    paths.add(child);
                } else {
                    collect(child, item, paths);
                }
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(Paths.item(path, i), list.get(i), paths);
            }
        } else if (value instanceof String text && isIn(text)) {
            paths.add(path);
        }
    }
}
