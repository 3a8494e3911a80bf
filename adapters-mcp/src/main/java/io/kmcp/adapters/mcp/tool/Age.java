package io.kmcp.adapters.mcp.tool;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** How long ago something happened, in kubectl's short form ({@code 45s}, {@code 12m}, {@code 3h}, {@code 5d}). */
final class Age {

    private Age() {}

    static String since(Optional<String> timestamp, Instant now) {
        return timestamp
                .flatMap(Age::parse)
                .map(then -> format(Duration.between(then, now)))
                .orElse("<unknown>");
    }

    static String format(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 120) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            long rest = seconds % 60;
            return rest == 0 ? minutes + "m" : minutes + "m" + rest + "s";
        }
        if (minutes < 180) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 8) {
            long rest = minutes % 60;
            return rest == 0 ? hours + "h" : hours + "h" + rest + "m";
        }
        if (hours < 48) {
            return hours + "h";
        }
        long days = hours / 24;
        if (days < 8) {
            long rest = hours % 24;
            return rest == 0 ? days + "d" : days + "d" + rest + "h";
        }
        if (days < 365 * 2) {
            return days + "d";
        }
        return days / 365 + "y";
    }

    private static Optional<Instant> parse(String timestamp) {
        try {
            return Optional.of(Instant.parse(timestamp));
        } catch (DateTimeParseException notATimestamp) {
            return Optional.empty();
        }
    }
}
