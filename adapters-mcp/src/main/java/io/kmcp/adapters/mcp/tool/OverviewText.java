package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.port.in.ClusterOverview;
import io.kmcp.application.port.in.NamespaceOverview;
import io.kmcp.application.port.in.PendingPod;
import io.kmcp.application.port.in.QuotaUsage;
import io.kmcp.application.port.in.UnhealthyWorkload;
import io.kmcp.domain.budget.CharBudget;
import io.kmcp.domain.budget.Rendered;
import io.kmcp.domain.diagnosis.EventGroup;
import io.kmcp.domain.diagnosis.NodeSnapshot;
import io.kmcp.domain.diagnosis.ObjectRef;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A namespace or the cluster at a glance: a headline with the counts that matter, then what is
 * wrong (unhealthy workloads, pending pods, problem nodes) before the routine detail (warnings,
 * quotas, counts per kind, all nodes).
 */
final class OverviewText {

    static final int UNHEALTHY = 1;
    static final int GAPS = 1;
    static final int PENDING = 2;
    static final int NODES = 2;
    static final int WARNINGS = 3;
    static final int QUOTAS = 4;
    static final int COUNTS = 5;

    static final int MAX_LINE = 300;

    private OverviewText() {}

    static Rendered namespace(NamespaceOverview overview, Instant now, CharBudget budget) {
        String namespace = overview.namespace();
        String raise = Budgets.raise(budget);
        Budgets sections = new Budgets()
                .section("", Budgets.HEADLINE, namespaceHeadline(overview), raise)
                .section(
                        "Unhealthy workloads",
                        UNHEALTHY,
                        unhealthy(overview.unhealthy(), namespace),
                        raise + "; structuredContent.unhealthy lists them all")
                .section(
                        "Pending pods",
                        PENDING,
                        pending(overview.pendingPods(), namespace),
                        "call "
                                + Budgets.call(
                                        "resource_list",
                                        Budgets.arguments(
                                                "resource", "pods",
                                                "namespace", namespace,
                                                "fieldSelector", "status.phase=Pending")))
                .section(
                        "Warning events",
                        WARNINGS,
                        warnings(overview.warnings(), now, namespace),
                        "call "
                                + Budgets.call(
                                        "events_list", Budgets.arguments("namespace", namespace, "type", "Warning")))
                .section(
                        "Quota usage",
                        QUOTAS,
                        quotas(overview.quotas()),
                        "call "
                                + Budgets.call(
                                        "resource_list",
                                        Budgets.arguments("resource", "resourcequotas", "namespace", namespace)));
        return withCountsAndGaps(sections, overview.counts(), overview.gaps(), raise)
                .render(budget);
    }

    static Rendered cluster(ClusterOverview overview, Instant now, CharBudget budget) {
        String raise = Budgets.raise(budget);
        Budgets sections = new Budgets()
                .section("", Budgets.HEADLINE, clusterHeadline(overview), raise)
                .section(
                        "Unhealthy workloads",
                        UNHEALTHY,
                        unhealthy(overview.unhealthy(), ""),
                        raise
                                + "; structuredContent.unhealthy lists them all; namespace_overview narrows to one namespace")
                .section(
                        "Nodes",
                        NODES,
                        nodes(overview.nodes()),
                        "call " + Budgets.call("resource_list", Budgets.arguments("resource", "nodes")))
                .section(
                        "Pending pods",
                        PENDING,
                        pending(overview.pendingPods(), ""),
                        "call "
                                + Budgets.call(
                                        "resource_list",
                                        Budgets.arguments("resource", "pods", "fieldSelector", "status.phase=Pending")))
                .section(
                        "Warning events",
                        WARNINGS,
                        warnings(overview.warnings(), now, ""),
                        "call " + Budgets.call("events_list", Budgets.arguments("type", "Warning")));
        return withCountsAndGaps(sections, overview.counts(), overview.gaps(), raise)
                .render(budget);
    }

    /** Both overviews end alike: the objects per kind, then what could not be read. */
    private static Budgets withCountsAndGaps(
            Budgets sections, Map<String, Integer> counts, List<String> gaps, String raise) {
        return sections.section("Objects", COUNTS, counts(counts), raise + "; structuredContent.counts has every kind")
                .section("Gaps (not read)", GAPS, gaps(gaps), raise);
    }

    private static List<String> namespaceHeadline(NamespaceOverview overview) {
        String head = "Namespace " + OneLine.bounded(overview.namespace(), 63) + ": "
                + problems(overview.unhealthy(), overview.pendingPods(), overview.warnings());
        return withNext(head, overview.unhealthy().isEmpty());
    }

    private static List<String> clusterHeadline(ClusterOverview overview) {
        long notReady = overview.nodes().stream().filter(node -> !node.ready()).count();
        String nodes = DiagnosisText.count(overview.nodes().size(), "node")
                + (notReady == 0 ? "" : " (" + notReady + " not ready)");
        String head = "Cluster: " + nodes + ", " + DiagnosisText.count(overview.namespaces(), "namespace") + "; "
                + problems(overview.unhealthy(), overview.pendingPods(), overview.warnings());
        return withNext(head, overview.unhealthy().isEmpty());
    }

    private static List<String> withNext(String head, boolean healthy) {
        return healthy
                ? List.of(head)
                : List.of(head, "For the cause of one, call workload_diagnose with its resource, name and namespace.");
    }

    /** {@code 2 unhealthy workloads, 1 pending pod, 14 warning events} or {@code nothing unhealthy, …}. */
    private static String problems(
            List<UnhealthyWorkload> unhealthy, List<PendingPod> pending, List<EventGroup> warnings) {
        int events = warnings.stream().mapToInt(EventGroup::count).sum();
        String workloads = unhealthy.isEmpty()
                ? "no unhealthy workload"
                : DiagnosisText.count(unhealthy.size(), "unhealthy workload");
        return workloads + ", " + DiagnosisText.count(pending.size(), "pending pod") + ", "
                + DiagnosisText.count(events, "warning event");
    }

    /** {@code [CRITICAL] Deployment web: CrashLoopBackOff — summary}. */
    static List<String> unhealthy(List<UnhealthyWorkload> unhealthy, String namespace) {
        return unhealthy.stream()
                .map(workload -> OneLine.bounded(
                        "[" + workload.severity().name() + "] " + EventLines.object(workload.workload(), namespace)
                                + ": " + workload.cause() + " — " + workload.summary(),
                        MAX_LINE))
                .toList();
    }

    private static List<String> pending(List<PendingPod> pending, String namespace) {
        return pending.stream()
                .map(pod -> OneLine.bounded(EventLines.object(pod.pod(), namespace) + ": " + pod.why(), MAX_LINE))
                .toList();
    }

    private static List<String> warnings(List<EventGroup> warnings, Instant now, String namespace) {
        return warnings.stream()
                .map(group -> EventLines.line(group, now, namespace))
                .toList();
    }

    /** {@code compute: requests.cpu 1500m of 2}. */
    private static List<String> quotas(List<QuotaUsage> quotas) {
        return quotas.stream()
                .map(quota -> OneLine.bounded(
                        quota.quota() + ": " + quota.resource() + " " + quota.used() + " of " + quota.hard(), MAX_LINE))
                .toList();
    }

    /** {@code Deployment 3, Pod 7, Service 2}: as many kinds per line as fit in a readable line. */
    static List<String> counts(Map<String, Integer> counts) {
        List<String> entries = new TreeMap<>(counts)
                .entrySet().stream()
                        .map(entry -> OneLine.bounded(entry.getKey(), 60) + " " + entry.getValue())
                        .toList();
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String entry : entries) {
            if (line.length() > 0 && line.length() + entry.length() + 2 > 100) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : ", ").append(entry);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Problem nodes first, then by name. */
    static List<String> nodes(List<NodeSnapshot> nodes) {
        return nodes.stream()
                .sorted(Comparator.comparing((NodeSnapshot node) ->
                                node.ready() && node.problems().isEmpty())
                        .thenComparing(node -> node.ref().name()))
                .map(DiagnosisText::node)
                .toList();
    }

    private static List<String> gaps(List<String> gaps) {
        return gaps.stream().map(gap -> OneLine.bounded(gap, MAX_LINE)).toList();
    }

    // ---- structured content ----

    static Map<String, Object> structured(NamespaceOverview overview, boolean truncated) {
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("namespace", overview.namespace());
        structured.put("counts", new TreeMap<>(overview.counts()));
        structured.put("unhealthy", unhealthy(overview.unhealthy()));
        structured.put("pendingPods", pending(overview.pendingPods()));
        structured.put("warnings", warnings(overview.warnings()));
        structured.put(
                "quotas", overview.quotas().stream().map(OverviewText::quota).toList());
        structured.put("gaps", overview.gaps());
        structured.put("apiRequests", overview.apiRequests());
        structured.put("truncated", truncated);
        return structured;
    }

    static Map<String, Object> structured(ClusterOverview overview, boolean truncated) {
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put(
                "nodes", overview.nodes().stream().map(OverviewText::node).toList());
        structured.put("namespaces", overview.namespaces());
        structured.put("counts", new TreeMap<>(overview.counts()));
        structured.put("unhealthy", unhealthy(overview.unhealthy()));
        structured.put("pendingPods", pending(overview.pendingPods()));
        structured.put("warnings", warnings(overview.warnings()));
        structured.put("gaps", overview.gaps());
        structured.put("apiRequests", overview.apiRequests());
        structured.put("truncated", truncated);
        return structured;
    }

    private static List<Map<String, Object>> unhealthy(List<UnhealthyWorkload> unhealthy) {
        return unhealthy.stream()
                .map(workload -> {
                    Map<String, Object> entry = new LinkedHashMap<>(EventLines.reference(workload.workload()));
                    entry.put("severity", workload.severity().name());
                    entry.put("cause", workload.cause());
                    entry.put("summary", workload.summary());
                    return entry;
                })
                .toList();
    }

    private static List<Map<String, Object>> pending(List<PendingPod> pending) {
        return pending.stream()
                .map(pod -> {
                    ObjectRef ref = pod.pod();
                    Map<String, Object> entry = new LinkedHashMap<>(EventLines.reference(ref));
                    entry.put("why", pod.why());
                    return entry;
                })
                .toList();
    }

    /** Warning events counted per reason: compact; events_list has the groups. */
    private static Map<String, Integer> warnings(List<EventGroup> warnings) {
        return warnings.stream()
                .collect(Collectors.groupingBy(
                        EventGroup::reason, TreeMap::new, Collectors.summingInt(EventGroup::count)));
    }

    private static Map<String, Object> quota(QuotaUsage quota) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("quota", quota.quota());
        entry.put("resource", quota.resource());
        entry.put("used", quota.used());
        entry.put("hard", quota.hard());
        return entry;
    }

    private static Map<String, Object> node(NodeSnapshot node) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", node.ref().name());
        entry.put("ready", node.ready());
        entry.put("unschedulable", node.unschedulable());
        entry.put(
                "problems",
                node.problems().stream().map(problem -> problem.type()).toList());
        return entry;
    }

    static final String UNHEALTHY_SCHEMA = """
            {
              "type": "array",
              "description": "Workloads that are not as asked, most severe first.",
              "items": {
                "type": "object",
                "properties": {
                  "kind": {"type": "string"}, "namespace": {"type": "string"}, "name": {"type": "string"},
                  "severity": {"type": "string"}, "cause": {"type": "string"}, "summary": {"type": "string"}
                },
                "required": ["kind", "name", "severity", "cause", "summary"],
                "additionalProperties": false
              }
            }""";

    static final String PENDING_SCHEMA = """
            {
              "type": "array",
              "description": "Pods not running yet, with what holds them back.",
              "items": {
                "type": "object",
                "properties": {
                  "kind": {"type": "string"}, "namespace": {"type": "string"}, "name": {"type": "string"},
                  "why": {"type": "string"}
                },
                "required": ["kind", "name", "why"],
                "additionalProperties": false
              }
            }""";

    static final String COMMON_PROPERTIES = """
                "counts": {"type": "object", "additionalProperties": {"type": "integer"}, "description": "Objects per kind."},
                "unhealthy": %s,
                "pendingPods": %s,
                "warnings": {"type": "object", "additionalProperties": {"type": "integer"}, "description": "Warning events counted per reason; events_list shows them."},
                "gaps": {"type": "array", "items": {"type": "string"}, "description": "What could not be read, and why."},
                "apiRequests": {"type": "integer"},
                "truncated": {"type": "boolean", "description": "true when the text answer was cut to maxChars."}
            """.formatted(UNHEALTHY_SCHEMA, PENDING_SCHEMA);
}
