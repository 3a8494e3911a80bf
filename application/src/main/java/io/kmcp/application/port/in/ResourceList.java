package io.kmcp.application.port.in;

import io.kmcp.domain.type.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of objects of one resolved type, stripped of noise (managed fields, last-applied
 * annotations), and how to get the next page.
 *
 * @param namespace the namespace listed, empty for all namespaces or a cluster-scoped type
 * @param continueToken present when more items follow; pass it back as {@code continue}
 */
public record ResourceList(
        ResourceType type,
        Optional<String> namespace,
        List<Map<String, Object>> items,
        Optional<String> continueToken,
        Optional<Long> remainingItemCount) {

    public ResourceList {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(namespace, "namespace");
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        Objects.requireNonNull(continueToken, "continueToken");
        Objects.requireNonNull(remainingItemCount, "remainingItemCount");
    }
}
