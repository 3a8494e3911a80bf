package io.kmcp.application.port.in;

import java.util.Objects;
import java.util.Optional;

/** What a caller asked to read, as given. A namespaced type without a namespace is refused. */
public record GetResourceQuery(String resource, String name, Optional<String> namespace) {

    public GetResourceQuery {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
    }
}
