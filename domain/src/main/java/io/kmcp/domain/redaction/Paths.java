package io.kmcp.domain.redaction;

import java.util.regex.Pattern;

/** JSON-path-like paths as the apply plan writes them: {@code metadata.annotations['example.com/token']}. */
final class Paths {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private Paths() {}

    static String child(String path, String key) {
        String segment = PLAIN_KEY.matcher(key).matches()
                ? key
                : "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
        if (path.isEmpty()) {
            return segment;
        }
        return segment.startsWith("[") ? path + segment : path + "." + segment;
    }

    static String item(String path, int index) {
        return path + "[" + index + "]";
    }
}
