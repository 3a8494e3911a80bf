package io.kmcp.domain;

/** Small helpers for messages that quote what a caller sent. */
public final class Texts {

    /** Longer quotes only make messages harder to read; the start is enough to recognise the input. */
    static final int MAX_QUOTED_LENGTH = 80;

    private Texts() {}

    /**
     * The text in single quotes, shortened and with control characters escaped, so that echoing
     * untrusted input can neither flood a message nor break its lines.
     */
    public static String quote(String text) {
        if (text == null) {
            return "(nothing)";
        }
        StringBuilder quoted = new StringBuilder("'");
        int shown = Math.min(text.length(), MAX_QUOTED_LENGTH);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        if (text.length() > shown) {
            quoted.append("…");
        }
        return quoted.append('\'').toString();
    }

    /** True if the text holds a control character (newline, tab, NUL …). */
    public static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
