package io.kmcp.domain.diagnosis.rules;

import java.time.Duration;
import java.util.List;

/** How findings word what they quote: briefly, since evidence is read at a glance. */
public final class Wording {

    static final int MAX_NAMED = 3;

    /** Quoted messages are cut here: the full text is one call away. */
    static final int MAX_QUOTE = 200;

    private Wording() {}

    /** A message on one line and at most {@link #MAX_QUOTE} characters. */
    public static String brief(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_QUOTE ? line : line.substring(0, MAX_QUOTE - 1) + "…";
    }

    /** "a, b, c and 2 more". */
    public static String named(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(MAX_NAMED, names.size())));
        return names.size() > MAX_NAMED ? shown + " and " + (names.size() - MAX_NAMED) + " more" : shown;
    }

    /** "1 pod", "2 pods". */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** A duration in the unit a person would say: "45s", "12m", "3h". */
    public static String human(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 120) {
            return seconds + "s";
        }
        if (seconds < 7200) {
            return seconds / 60 + "m";
        }
        return seconds / 3600 + "h";
    }
}
