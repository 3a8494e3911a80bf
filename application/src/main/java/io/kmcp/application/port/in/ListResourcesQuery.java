package io.kmcp.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * What a caller asked to list, as given: the use case validates every field and says what is wrong.
 *
 * @param resource a type reference such as {@code pods}, {@code deployments.apps} or {@code apps/v1/Deployment}
 * @param namespace empty for all namespaces
 * @param limit empty for the default page size
 */
public record ListResourcesQuery(
        String resource,
        Optional<String> namespace,
        Optional<String> labelSelector,
        Optional<String> fieldSelector,
        Optional<Integer> limit,
        Optional<String> continueToken) {

    public ListResourcesQuery {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(labelSelector, "labelSelector");
        Objects.requireNonNull(fieldSelector, "fieldSelector");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(continueToken, "continueToken");
    }

    public static ListResourcesQuery of(String resource) {
        return new ListResourcesQuery(
                resource, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
