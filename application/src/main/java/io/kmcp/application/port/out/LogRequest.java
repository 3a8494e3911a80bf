package io.kmcp.application.port.out;

import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.ObjectName;
import io.kmcp.domain.resource.SinceSeconds;
import java.util.Objects;
import java.util.Optional;

/**
 * A log request as the API server takes it ({@code GET …/pods/{name}/log}).
 *
 * @param tailLines lines from the end, absent for the whole log
 * @param sinceSeconds only lines this recent, absent for no time bound
 * @param limitBytes at most so many bytes, absent for no limit
 */
public record LogRequest(
        NamespaceName namespace,
        ObjectName pod,
        String container,
        boolean previous,
        Optional<Integer> tailLines,
        Optional<SinceSeconds> sinceSeconds,
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
