package io.kmcp.application.port.out;

import java.util.Objects;
import java.util.Optional;

/**
 * A log request as the API server takes it ({@code GET …/pods/{name}/log}).
 *
 * @param tailLines lines from the end, absent for the whole log
 * @param limitBytes at most so many bytes, absent for no limit
 */
public record LogRequest(
        String namespace,
        String pod,
        String container,
        boolean previous,
        Optional<Integer> tailLines,
        Optional<Integer> sinceSeconds,
        Optional<Integer> limitBytes) {

    public LogRequest {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(tailLines, "tailLines");
        Objects.requireNonNull(sinceSeconds, "sinceSeconds");
        Objects.requireNonNull(limitBytes, "limitBytes");
    }
}
