package io.kmcp.adapters.mcp;

import io.kmcp.application.port.in.ApplyResources;
import io.kmcp.application.port.in.DescribeResourceTypes;
import io.kmcp.application.port.in.GetResource;
import io.kmcp.application.port.in.ListResources;
import java.util.Objects;
import java.util.Optional;

/**
 * The use cases the MCP tools drive, one tool each.
 *
 * @param applyResources the use case of {@code resource_apply}; without it the server is read-only
 *     and does not offer that tool
 */
public record UseCases(
        ListResources listResources,
        GetResource getResource,
        DescribeResourceTypes describeResourceTypes,
        Optional<ApplyResources> applyResources) {

    public UseCases {
        Objects.requireNonNull(listResources, "listResources");
        Objects.requireNonNull(getResource, "getResource");
        Objects.requireNonNull(describeResourceTypes, "describeResourceTypes");
        Objects.requireNonNull(applyResources, "applyResources");
    }

    /** Every tool: {@code resource_list}, {@code resource_get}, {@code resource_types} and {@code resource_apply}. */
    public UseCases(
            ListResources listResources,
            GetResource getResource,
            DescribeResourceTypes describeResourceTypes,
            ApplyResources applyResources) {
        this(
                listResources,
                getResource,
                describeResourceTypes,
                Optional.of(Objects.requireNonNull(applyResources, "applyResources")));
    }

    /** A read-only server: the read tools, and no {@code resource_apply}. */
    public UseCases(ListResources listResources, GetResource getResource, DescribeResourceTypes describeResourceTypes) {
        this(listResources, getResource, describeResourceTypes, Optional.empty());
    }
}
