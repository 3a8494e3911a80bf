package io.kmcp.adapters.mcp.tool;

/**
 * Text from a manifest or the API server made safe for one line of a report or a question: control
 * characters, line and paragraph separators and invisible format characters (such as bidirectional
 * overrides) are escaped as a backslash, {@code u} and four hex digits, so that they can neither start
 * a new line nor hide text.
 */
final class OneLine {

    private OneLine() {}

    static String of(String text) {
        StringBuilder line = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (isUnsafe(c)) {
                line.append(String.format("\\u%04x", c));
            } else {
                line.appendCodePoint(c);
            }
        });
        return line.toString();
    }

    /** As {@link #of}, and at most {@code max} characters: longer text ends with an ellipsis. */
    static String bounded(String text, int max) {
        String line = of(text.strip());
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    private static boolean isUnsafe(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c)
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.FORMAT;
    }
}
