package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.port.in.ApplyResources;
import io.kmcp.application.port.in.DescribeResourceTypes;
import io.kmcp.application.port.in.DiagnoseWorkload;
import io.kmcp.application.port.in.GetResource;
import io.kmcp.application.port.in.ListEvents;
import io.kmcp.application.port.in.ListResources;
import io.kmcp.application.port.in.ReadPodLogs;
import io.kmcp.application.port.in.SummarizeCluster;
import io.kmcp.application.port.in.SummarizeNamespace;
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
        return specifications(List.of(
                new ResourceListTool(listResources, clock),
                new ResourceGetTool(getResource),
                new ResourceTypesTool(describeResourceTypes)));
    }

    /**
     * {@code workload_diagnose}, {@code namespace_overview}, {@code cluster_overview}, {@code
     * events_list} and {@code pod_logs} over the diagnosis use cases.
     */
    public static List<SyncToolSpecification> diagnosing(
            DiagnoseWorkload diagnoseWorkload,
            SummarizeNamespace summarizeNamespace,
            SummarizeCluster summarizeCluster,
            ListEvents listEvents,
            ReadPodLogs readPodLogs,
            Clock clock) {
        return specifications(List.of(
                new WorkloadDiagnoseTool(diagnoseWorkload),
                new NamespaceOverviewTool(summarizeNamespace, clock),
                new ClusterOverviewTool(summarizeCluster, clock),
                new EventsListTool(listEvents, clock),
                new PodLogsTool(readPodLogs)));
    }

    /** {@code resource_apply} over the apply use case. */
    public static List<SyncToolSpecification> applying(ApplyResources applyResources) {
        return specifications(List.of(new ResourceApplyTool(applyResources)));
    }

    private static List<SyncToolSpecification> specifications(List<KmcpTool> tools) {
        return tools.stream().map(tool -> new ToolRunner(tool).specification()).toList();
    }
}
