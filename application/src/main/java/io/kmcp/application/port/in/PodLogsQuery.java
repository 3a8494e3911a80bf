package io.kmcp.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * Which log, as the caller typed it.
 *
 * @param container required when the pod has several containers and names no default one
 * @param previous the log of the previous instance of the container, the one that crashed
 * @param grep keep only lines containing this text (case-insensitive; a|b for either)
 */
public record PodLogsQuery(
        String name,
        String namespace,
        Optional<String> container,
        boolean previous,
        Optional<Integer> tailLines,
        Optional<Integer> sinceSeconds,
        Optional<Integer> limitBytes,
        Optional<String> grep) {

    public PodLogsQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(tailLines, "tailLines");
        Objects.requireNonNull(sinceSeconds, "sinceSeconds");
        Objects.requireNonNull(limitBytes, "limitBytes");
        Objects.requireNonNull(grep, "grep");
    }
}
