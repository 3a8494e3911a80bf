package io.kmcp.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * Narrows the type listing.
 *
 * @param group an API group ({@code ""} or {@code core} for the core group), empty for all groups
 * @param namespaced only namespaced types (true), only cluster-scoped ones (false), or both (empty)
 */
public record ResourceTypesQuery(Optional<String> group, Optional<Boolean> namespaced) {

    public ResourceTypesQuery {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(namespaced, "namespaced");
    }

    public static ResourceTypesQuery all() {
        return new ResourceTypesQuery(Optional.empty(), Optional.empty());
    }
}
