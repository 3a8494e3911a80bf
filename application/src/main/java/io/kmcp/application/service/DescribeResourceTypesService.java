package io.kmcp.application.service;

import io.kmcp.application.Caller;
import io.kmcp.application.port.in.DescribeResourceTypes;
import io.kmcp.application.port.in.ResourceTypesQuery;
import io.kmcp.domain.type.ResourceType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The types of the caller's cluster that this server lets callers use. */
public final class DescribeResourceTypesService implements DescribeResourceTypes {

    private static final String CORE_ALIAS = "core";

    private final TypeLookup types;

    public DescribeResourceTypesService(TypeLookup types) {
        this.types = Objects.requireNonNull(types, "types");
    }

    @Override
    public List<ResourceType> describe(Caller caller, ResourceTypesQuery query) {
        Optional<String> group = query.group().map(String::trim).map(DescribeResourceTypesService::groupName);
        List<ResourceType> matching = matching(types.usableTypes(caller), group, query);
        if (matching.isEmpty() && group.isPresent()) {
            // A group asked for by name that the cache lacks may have been installed since: look again.
            matching = matching(types.usableTypesRefreshed(caller), group, query);
        }
        return matching;
    }

    private static List<ResourceType> matching(
            List<ResourceType> usable, Optional<String> group, ResourceTypesQuery query) {
        return usable.stream()
                .filter(type -> group.map(type.group()::equalsIgnoreCase).orElse(true))
                .filter(type -> query.namespaced()
                        .map(namespaced -> type.namespaced() == namespaced)
                        .orElse(true))
                .toList();
    }

    /** Agents write the core group as {@code core}, {@code v1} habits aside; the API names it "". */
    private static String groupName(String group) {
        return CORE_ALIAS.equalsIgnoreCase(group) ? "" : group;
    }
}
