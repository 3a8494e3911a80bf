package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.port.in.ApplyResources;
import io.kmcp.application.port.in.DescribeResourceTypes;
import io.kmcp.application.port.in.GetResource;
import io.kmcp.application.port.in.ListResources;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.time.Clock;
import java.util.List;

/** The tools k-mcp serves, ready for the SDK's server. */
public final class Tools {

    private Tools() {}

    /** {@code resource_list}, {@code resource_get} and {@code resource_types} over the read use cases. */
    public static List<SyncToolSpecification> reading(
            ListResources listResources,
            GetResource getResource,
            DescribeResourceTypes describeResourceTypes,
            Clock clock) {
        return List.of(
                        new ResourceListTool(listResources, clock),
                        new ResourceGetTool(getResource),
                        new ResourceTypesTool(describeResourceTypes))
                .stream()
                .map(tool -> new ToolRunner(tool).specification())
                .toList();
    }

    /** {@code resource_apply} over the apply use case. */
    public static List<SyncToolSpecification> applying(ApplyResources applyResources) {
        return List.of(new ToolRunner(new ResourceApplyTool(applyResources)).specification());
    }
}
