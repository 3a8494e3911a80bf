package io.kmcp.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * What to diagnose, as the caller typed it.
 *
 * @param resource the type (deployment, sts, jobs.batch, pod, service, ingress, hpa, pvc, node,
 *     namespace, a custom resource …); when absent the name is looked up among the kinds a diagnosis
 *     usually starts from
 * @param namespace the object's namespace; empty for a Node, a Namespace or another cluster-scoped object
 */
public record DiagnoseWorkloadQuery(Optional<String> resource, String name, Optional<String> namespace) {

    public DiagnoseWorkloadQuery {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
    }

    /** An object of a namespace. */
    public DiagnoseWorkloadQuery(Optional<String> resource, String name, String namespace) {
        this(resource, name, Optional.of(Objects.requireNonNull(namespace, "namespace")));
    }
}
