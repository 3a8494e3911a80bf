package io.kmcp.domain.diagnosis;

import io.kmcp.domain.InvalidInputException;
import io.kmcp.domain.Texts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the lines of a log an agent asked for: those containing any of the grep alternatives
 * (literal, case-insensitive; {@code a|b} for either, so no pattern can be made to run for ever), the
 * last {@code tailLines} of them, and no more than {@code limitBytes} of UTF-8.
 */
public record LogFilter(Optional<String> grep, int tailLines, int limitBytes) {

    public static final int DEFAULT_TAIL_LINES = 100;
    public static final int MAX_TAIL_LINES = 5000;
    public static final int DEFAULT_LIMIT_BYTES = 16_384;
    public static final int MAX_LIMIT_BYTES = 1_048_576;
    public static final int MAX_GREP_LENGTH = 200;

    /** Marks a line cut to fit the byte limit. */
    static final String ELLIPSIS = "…";

    public LogFilter {
        Objects.requireNonNull(grep, "grep");
        grep.ifPresent(LogFilter::requireValidGrep);
        requireWithin("tailLines", tailLines, MAX_TAIL_LINES, DEFAULT_TAIL_LINES);
        requireWithin("limitBytes", limitBytes, MAX_LIMIT_BYTES, DEFAULT_LIMIT_BYTES);
    }

    /** The filter for what a caller sent, with defaults for what it left out. */
    public static LogFilter of(Optional<String> grep, Optional<Integer> tailLines, Optional<Integer> limitBytes) {
        return new LogFilter(
                grep.filter(text -> !text.isEmpty()),
                tailLines.orElse(DEFAULT_TAIL_LINES),
                limitBytes.orElse(DEFAULT_LIMIT_BYTES));
    }

    /**
     * The lines of {@code raw} (split at \n, a trailing \r dropped) that match, the last
     * {@code tailLines} of them, then as many of the newest as fit in {@code limitBytes} of UTF-8
     * (newlines between lines counted). A single line longer than the limit keeps its end, after "…",
     * cut between characters, never inside one.
     */
    public LogLines apply(String raw) {
        List<String> lines = split(raw);
        List<String> needles = grep.map(LogFilter::alternatives).orElse(List.of());
        List<String> matching = needles.isEmpty()
                ? lines
                : lines.stream().filter(line -> matches(line, needles)).toList();
        List<String> kept =
                new ArrayList<>(matching.subList(Math.max(0, matching.size() - tailLines), matching.size()));
        long bytes = kept.stream().mapToLong(LogFilter::utf8).sum() + Math.max(0, kept.size() - 1);
        while (kept.size() > 1 && bytes > limitBytes) {
            bytes -= utf8(kept.remove(0)) + 1;
        }
        if (bytes > limitBytes) {
            kept.set(0, end(kept.get(0), limitBytes));
        }
        return new LogLines(kept, matching.size(), matching.size() - kept.size(), lines.size());
    }

    private static List<String> split(String raw) {
        if (raw.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(Arrays.asList(raw.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines.stream()
                .map(line -> line.endsWith("\r") ? line.substring(0, line.length() - 1) : line)
                .toList();
    }

    /**
     * The end of the line that fits in {@code limit} bytes, whole characters only, after a "…" when the
     * limit leaves room for more than the mark.
     */
    private static String end(String line, int limit) {
        boolean marked = limit > utf8(ELLIPSIS);
        long room = marked ? limit - utf8(ELLIPSIS) : limit;
        int start = line.length();
        while (start > 0) {
            int before = line.offsetByCodePoints(start, -1);
            long size = utf8(line.codePointAt(before));
            if (size > room) {
                break;
            }
            room -= size;
            start = before;
        }
        return (marked ? ELLIPSIS : "") + line.substring(start);
    }

    /** The UTF-8 size of a text; an unpaired surrogate counts as three bytes, so a size is never underestimated. */
    static long utf8(String text) {
        return text.codePoints().mapToLong(LogFilter::utf8).sum();
    }

    private static long utf8(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }

    private static boolean matches(String line, List<String> needles) {
        String lower = line.toLowerCase(Locale.ROOT);
        return needles.stream().anyMatch(lower::contains);
    }

    private static List<String> alternatives(String grep) {
        return Arrays.stream(grep.split("\\|"))
                .filter(part -> !part.isEmpty())
                .map(part -> part.toLowerCase(Locale.ROOT))
                .toList();
    }

    private static void requireValidGrep(String grep) {
        if (grep.length() > MAX_GREP_LENGTH) {
            throw new InvalidInputException("grep is " + grep.length() + " characters long; at most " + MAX_GREP_LENGTH
                    + " are allowed. Search for a shorter, distinctive part of the line.");
        }
        if (Texts.hasControlCharacter(grep)) {
            throw new InvalidInputException("grep " + Texts.quote(grep)
                    + " holds a control character; logs are matched one line at a time, on plain text.");
        }
        if (alternatives(grep).isEmpty()) {
            throw new InvalidInputException(
                    "grep " + Texts.quote(grep) + " has nothing to search for; give text, or a|b for either.");
        }
    }

    private static void requireWithin(String name, int value, int max, int defaultValue) {
        if (value < 1 || value > max) {
            throw new InvalidInputException(name + " must be between 1 and " + max + ", was " + value
                    + "; leave it out for " + defaultValue + ".");
        }
    }
}
