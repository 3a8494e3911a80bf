package io.kmcp.domain.diagnosis;

import java.util.List;

/**
 * The lines of a log kept by a {@link LogFilter}.
 *
 * @param matched lines that matched the filter (all lines without one)
 * @param omitted matched lines left out by the tail or the byte limit
 * @param scanned lines looked at
 */
public record LogLines(List<String> lines, int matched, int omitted, int scanned) {

    public LogLines {
        lines = List.copyOf(lines);
    }
}
