package io.kmcp.adapters.mcp.tool;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How long ago something happened, in kubectl's short form ({@code 45s}, {@code 12m}, {@code 3h}, {@code 5d}). */
final class Age {

    private Age() {}

    static String since(Optional<Instant> then, Instant now) {
        return then.map(instant -> format(Duration.between(instant, now))).orElse("<unknown>");
    }

    static String format(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 120) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            return withRest(minutes, "m", seconds % 60, "s");
        }
        if (minutes < 180) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 8) {
            return withRest(hours, "h", minutes % 60, "m");
        }
        if (hours < 48) {
            return hours + "h";
        }
        long days = hours / 24;
        if (days < 8) {
            return withRest(days, "d", hours % 24, "h");
        }
        if (days < 365 * 2) {
            return days + "d";
        }
        return days / 365 + "y";
    }

    /** {@code 5m30s}, or {@code 5m} when the smaller unit has nothing to add. */
    private static String withRest(long amount, String unit, long rest, String restUnit) {
        return rest == 0 ? amount + unit : amount + unit + rest + restUnit;
    }
}
