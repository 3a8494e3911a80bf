package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.Caller;
import io.kmcp.application.port.in.NamespaceOverview;
import io.kmcp.application.port.in.SummarizeNamespace;
import io.kmcp.domain.budget.CharBudget;
import io.kmcp.domain.budget.Rendered;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** {@code namespace_overview}: one namespace at a glance. */
public final class NamespaceOverviewTool {

    static final String NAME = "namespace_overview";

    private static final String DESCRIPTION = """
            One namespace at a glance, in one call: how many objects of each kind it holds, every workload \
            that is not as asked (with its most telling cause in one line), pods that are not running yet \
            and why, warning events grouped by reason and object, and its quota usage. Use it to find what \
            is wrong somewhere before you know which workload to look at; then call workload_diagnose on \
            an unhealthy workload for the full picture. Parts the caller may not read are listed as gaps.""";

    static final Argument<String> NAMESPACE = Argument.requiredText("namespace", Limits.NAMESPACE, "The namespace.");

    private static final String OUTPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "namespace": {"type": "string"},
                "quotas": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "properties": {"quota": {"type": "string"}, "resource": {"type": "string"}, "used": {"type": "string"}, "hard": {"type": "string"}},
                    "required": ["quota", "resource", "used", "hard"],
                    "additionalProperties": false
                  }
                },
                %s
              },
              "required": ["namespace", "counts", "unhealthy", "pendingPods", "warnings", "quotas", "gaps", "apiRequests", "truncated"],
              "additionalProperties": false
            }
            """.formatted(OverviewText.COMMON_PROPERTIES);

    private final SummarizeNamespace summarizeNamespace;
    private final Clock clock;

    public NamespaceOverviewTool(SummarizeNamespace summarizeNamespace, Clock clock) {
        this.summarizeNamespace = Objects.requireNonNull(summarizeNamespace, "summarizeNamespace");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ToolDeclaration declaration() {
        return new ToolDeclaration(
                NAME,
                "Overview of a Kubernetes namespace",
                DESCRIPTION,
                ToolDeclaration.Effect.READS,
                List.of(NAMESPACE),
                Json.object(OUTPUT_SCHEMA),
                this::call);
    }

    ToolAnswer call(Caller caller, Arguments arguments, Conversation conversation) {
        String namespace = arguments.get(NAMESPACE);
        CharBudget budget = arguments.budget();
        conversation.progress(1, 2, "reading the workloads, pods, events and quotas of namespace " + namespace);
        NamespaceOverview overview = summarizeNamespace.summarize(caller, namespace);
        conversation.progress(2, 2, "summarising what is unhealthy");
        Rendered text = OverviewText.namespace(overview, clock.instant(), budget);
        return ToolAnswer.success(text.text(), OverviewText.structured(overview, text.truncated()));
    }
}
