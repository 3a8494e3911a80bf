package io.kmcp.domain.redaction;

/** JSON-path-like paths as the apply plan writes them: {@code metadata.annotations['example.com/token']}. */
final class Paths {

    private Paths() {}

    static String child(String path, String key) {
        String segment = plain(key) ? key : "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
        if (path.isEmpty()) {
            return segment;
        }
        return segment.startsWith("[") ? path + segment : path + "." + segment;
    }

    /** A key a path can name without quotes: {@code [A-Za-z0-9_-]+}, tested without a regex (it runs per field). */
    static boolean plain(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean plain =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    static String item(String path, int index) {
        return path + "[" + index + "]";
    }
}
