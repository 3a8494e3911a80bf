package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.Caller;
import io.kmcp.application.port.in.ClusterOverview;
import io.kmcp.application.port.in.SummarizeCluster;
import io.kmcp.domain.budget.CharBudget;
import io.kmcp.domain.budget.Rendered;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** {@code cluster_overview}: the whole cluster at a glance. */
public final class ClusterOverviewTool {

    static final String NAME = "cluster_overview";

    private static final String DESCRIPTION = """
            The whole cluster at a glance, in one call: nodes with their readiness and problems (pressure, \
            cordoned, taints), the number of namespaces and of objects per kind, every workload that is not \
            as asked (with its most telling cause in one line), pods that are not running yet and why, and \
            warning events grouped by reason and object. Use it first when you do not know where a problem \
            is; namespace_overview narrows to one namespace and workload_diagnose explains one workload. \
            What the caller may not read cluster-wide is listed as gaps.""";

    private static final String OUTPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "nodes": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "properties": {
                      "name": {"type": "string"},
                      "ready": {"type": "boolean"},
                      "unschedulable": {"type": "boolean"},
                      "problems": {"type": "array", "items": {"type": "string"}, "description": "Conditions that are wrong: MemoryPressure, DiskPressure, Ready …"}
                    },
                    "required": ["name", "ready", "unschedulable", "problems"],
                    "additionalProperties": false
                  }
                },
                "namespaces": {"type": "integer"},
                %s
              },
              "required": ["nodes", "namespaces", "counts", "unhealthy", "pendingPods", "warnings", "gaps", "apiRequests", "truncated"],
              "additionalProperties": false
            }
            """.formatted(OverviewText.COMMON_PROPERTIES);

    private final SummarizeCluster summarizeCluster;
    private final Clock clock;

    public ClusterOverviewTool(SummarizeCluster summarizeCluster, Clock clock) {
        this.summarizeCluster = Objects.requireNonNull(summarizeCluster, "summarizeCluster");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ToolDeclaration declaration() {
        return new ToolDeclaration(
                NAME,
                "Overview of the Kubernetes cluster",
                DESCRIPTION,
                ToolDeclaration.Effect.READS,
                List.of(),
                Json.object(OUTPUT_SCHEMA),
                this::call);
    }

    ToolAnswer call(Caller caller, Arguments arguments, Conversation conversation) {
        CharBudget budget = arguments.budget();
        conversation.progress(1, 2, "reading the nodes, namespaces, workloads and events of the cluster");
        ClusterOverview overview = summarizeCluster.summarize(caller);
        conversation.progress(2, 2, "summarising what is unhealthy");
        Rendered text = OverviewText.cluster(overview, clock.instant(), budget);
        return ToolAnswer.success(text.text(), OverviewText.structured(overview, text.truncated()));
    }
}
