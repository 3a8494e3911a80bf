package io.kmcp.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * What to diagnose, as the caller typed it.
 *
 * @param resource the type (deployment, sts, jobs.batch, pod, service …); when absent the name is
 *     looked up among the workload kinds of the namespace
 */
public record DiagnoseWorkloadQuery(Optional<String> resource, String name, String namespace) {

    public DiagnoseWorkloadQuery {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
    }
}
