package io.kmcp.domain.diagnosis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tail of a container's log, or why it could not be read.
 *
 * @param previous the log of the container's previous instance, the one that ended
 * @param truncated lines were left out to stay within bounds
 */
public record LogExcerpt(
        ObjectRef pod,
        String container,
        boolean previous,
        List<String> lines,
        boolean truncated,
        Optional<String> unavailable) {

    public LogExcerpt {
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(container, "container");
        lines = List.copyOf(lines);
        Objects.requireNonNull(unavailable, "unavailable");
    }

    /** The last line that says something. */
    public Optional<String> lastLine() {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return Optional.of(lines.get(i));
            }
        }
        return Optional.empty();
    }
}
