package io.kmcp.adapters.mcp;

import io.kmcp.application.port.in.ApplyResources;
import io.kmcp.application.port.in.DescribeResourceTypes;
import io.kmcp.application.port.in.DiagnoseWorkload;
import io.kmcp.application.port.in.GetResource;
import io.kmcp.application.port.in.ListEvents;
import io.kmcp.application.port.in.ListResources;
import io.kmcp.application.port.in.ReadPodLogs;
import io.kmcp.application.port.in.SummarizeCluster;
import io.kmcp.application.port.in.SummarizeNamespace;
import java.util.Objects;
import java.util.Optional;

/**
 * The use cases the MCP tools drive, one tool each.
 *
 * @param diagnosis the use cases of {@code workload_diagnose}, {@code namespace_overview}, {@code
 *     cluster_overview}, {@code events_list} and {@code pod_logs}
 * @param applyResources the use case of {@code resource_apply}; without it the server is read-only
 *     and does not offer that tool
 */
public record UseCases(
        ListResources listResources,
        GetResource getResource,
        DescribeResourceTypes describeResourceTypes,
        Diagnosis diagnosis,
        Optional<ApplyResources> applyResources) {

    public UseCases {
        Objects.requireNonNull(listResources, "listResources");
        Objects.requireNonNull(getResource, "getResource");
        Objects.requireNonNull(describeResourceTypes, "describeResourceTypes");
        Objects.requireNonNull(diagnosis, "diagnosis");
        Objects.requireNonNull(applyResources, "applyResources");
    }

    /** Every tool, {@code resource_apply} included. */
    public UseCases(
            ListResources listResources,
            GetResource getResource,
            DescribeResourceTypes describeResourceTypes,
            Diagnosis diagnosis,
            ApplyResources applyResources) {
        this(
                listResources,
                getResource,
                describeResourceTypes,
                diagnosis,
                Optional.of(Objects.requireNonNull(applyResources, "applyResources")));
    }

    /** A read-only server: the read and diagnosis tools, and no {@code resource_apply}. */
    public UseCases(
            ListResources listResources,
            GetResource getResource,
            DescribeResourceTypes describeResourceTypes,
            Diagnosis diagnosis) {
        this(listResources, getResource, describeResourceTypes, diagnosis, Optional.empty());
    }

    /** The use cases that gather and explain: a diagnosis, the overviews, events and logs. */
    public record Diagnosis(
            DiagnoseWorkload diagnoseWorkload,
            SummarizeNamespace summarizeNamespace,
            SummarizeCluster summarizeCluster,
            ListEvents listEvents,
            ReadPodLogs readPodLogs) {

        public Diagnosis {
            Objects.requireNonNull(diagnoseWorkload, "diagnoseWorkload");
            Objects.requireNonNull(summarizeNamespace, "summarizeNamespace");
            Objects.requireNonNull(summarizeCluster, "summarizeCluster");
            Objects.requireNonNull(listEvents, "listEvents");
            Objects.requireNonNull(readPodLogs, "readPodLogs");
        }
    }
}
