package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.port.in.ResourceList;
import io.kmcp.domain.budget.CharBudget;
import io.kmcp.domain.budget.Rendered;
import io.kmcp.domain.diagnosis.ContainerSnapshot;
import io.kmcp.domain.diagnosis.ContainerState;
import io.kmcp.domain.diagnosis.NodeSnapshot;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.Snapshots;
import io.kmcp.domain.diagnosis.WorkloadSnapshot;
import io.kmcp.domain.resource.JsonTree;
import io.kmcp.domain.type.ResourceType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The summary of a page of {@code resource_list}: counts per status (and per namespace when the
 * page spans several), then the items that are not healthy, one line each, instead of a table of
 * every item. Pods, workloads and nodes are read with the domain's snapshot parsers; other kinds
 * by their {@code status.phase} or {@code Ready} condition.
 */
final class ListSummary {

    /** A page with more items than this is summarised unless {@code summary: false} is sent. */
    static final int AUTOMATIC_ABOVE = 50;

    /** A container that restarted within this window counts as restarting. */
    static final Duration RECENT_RESTART = Duration.ofHours(1);

    static final int UNHEALTHY = 1;
    static final int NAMESPACES = 2;

    private static final Set<String> WORKLOADS = Set.of(
            "apps/Deployment", "apps/StatefulSet", "apps/ReplicaSet", "apps/DaemonSet", "batch/Job", "batch/CronJob");
    private static final Set<String> BAD_PHASES = Set.of("Failed", "Pending", "Lost", "Unknown");

    /** One item as the summary sees it: where it is, its status word, and why it is unhealthy if it is. */
    record Item(String namespace, String name, String status, Optional<String> unhealthy) {}

    private ListSummary() {}

    static Rendered render(ResourceList page, Instant now, CharBudget budget) {
        ResourceType type = page.type();
        boolean allNamespaces = type.namespaced() && page.namespace().isEmpty();
        List<Item> items =
                page.items().stream().map(item -> item(type, item, now)).toList();
        List<String> head = new ArrayList<>();
        head.add(ResourceListTool.headline(page) + " — summary (summary: false shows the table):");
        head.add("By status: " + counts(items));
        List<Item> unhealthy = items.stream()
                .filter(item -> item.unhealthy().isPresent())
                .sorted(Comparator.comparing(Item::namespace).thenComparing(Item::name))
                .toList();
        if (unhealthy.isEmpty() && knows(type)) {
            head.add("Nothing on this page is unhealthy.");
        }
        List<String> byNamespace = allNamespaces ? byNamespace(items) : List.of();
        List<String> next = new ArrayList<>();
        ResourceListTool.continuation(page).ifPresent(next::add);
        next.add("Narrow with labelSelector or fieldSelector, ask for fewer objects with limit, or call "
                + ResourceListTool.NAME + " with summary: false for the table"
                + (WORKLOADS.contains(kind(type)) || kind(type).equals("/Pod")
                        ? "; workload_diagnose explains why one is unhealthy."
                        : "."));
        String raise = Budgets.raise(budget);
        return new Budgets()
                .section("", Budgets.HEADLINE, head, raise)
                .section(
                        "Not healthy (" + unhealthy.size() + ")",
                        UNHEALTHY,
                        unhealthy.stream()
                                .map(item -> OneLine.bounded(
                                        (allNamespaces ? item.namespace() + "/" : "") + item.name() + ": "
                                                + item.unhealthy().get(),
                                        300))
                                .toList(),
                        raise + ", or narrow the list with labelSelector or fieldSelector")
                .section("By namespace", NAMESPACES, byNamespace, raise)
                .section("", Budgets.HEADLINE, next, raise)
                .render(budget);
    }

    private static String kind(ResourceType type) {
        return type.group() + "/" + type.kind();
    }

    private static boolean knows(ResourceType type) {
        String kind = kind(type);
        return kind.equals("/Pod") || kind.equals("/Node") || WORKLOADS.contains(kind);
    }

    /** {@code Running 110, CrashLoopBackOff 6, Pending 4}: most frequent first. */
    static String counts(List<Item> items) {
        Map<String, Long> counts =
                items.stream().collect(Collectors.groupingBy(Item::status, TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> OneLine.bounded(entry.getKey(), 60) + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    /** {@code shop: 80 (Running 74, CrashLoopBackOff 6)}, largest namespace first. */
    private static List<String> byNamespace(List<Item> items) {
        Map<String, List<Item>> namespaces =
                items.stream().collect(Collectors.groupingBy(Item::namespace, LinkedHashMap::new, Collectors.toList()));
        return namespaces.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, List<Item>> entry) ->
                                -entry.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .map(entry -> OneLine.bounded(
                        entry.getKey() + ": " + entry.getValue().size() + " (" + counts(entry.getValue()) + ")", 300))
                .toList();
    }

    static Item item(ResourceType type, Map<String, Object> object, Instant now) {
        JsonTree tree = JsonTree.of(object);
        String namespace = tree.at("metadata.namespace").string("");
        String name = tree.at("metadata.name").string("");
        String kind = kind(type);
        if (kind.equals("/Pod")) {
            return pod(namespace, name, object, now);
        }
        if (kind.equals("/Node")) {
            NodeSnapshot node = Snapshots.node(object);
            Optional<String> unhealthy = node.ready() && node.problems().isEmpty()
                    ? Optional.empty()
                    : Optional.of(DiagnosisText.node(node));
            return new Item(namespace, name, ListColumns.nodeStatus(object), unhealthy);
        }
        if (kind.equals("batch/Job")) {
            String status = ListColumns.jobStatus(object);
            WorkloadSnapshot job = Snapshots.workload(object);
            Optional<String> unhealthy = status.equals("Failed")
                    ? Optional.of("Failed, " + job.job().failed() + " failed pods"
                            + job.conditions().stream()
                                    .filter(condition -> condition.type().equals("Failed") && condition.isTrue())
                                    .findFirst()
                                    .flatMap(condition -> condition.reason())
                                    .map(reason -> " (" + reason + ")")
                                    .orElse(""))
                    : Optional.empty();
            return new Item(namespace, name, status, unhealthy);
        }
        if (kind.equals("batch/CronJob")) {
            WorkloadSnapshot cronJob = Snapshots.workload(object);
            return new Item(namespace, name, cronJob.suspended() ? "Suspended" : "Active", Optional.empty());
        }
        if (WORKLOADS.contains(kind)) {
            WorkloadSnapshot workload = Snapshots.workload(object);
            int desired = workload.desired().orElse(1);
            boolean ready = workload.ready() >= desired;
            Optional<String> unhealthy = ready
                    ? Optional.empty()
                    : Optional.of(workload.ready() + "/" + desired + " ready"
                            + (workload.generationNotObserved() ? ", rollout not yet observed" : ""));
            return new Item(namespace, name, ready ? "Ready" : "NotReady", unhealthy);
        }
        return other(namespace, name, object);
    }

    private static Item pod(String namespace, String name, Map<String, Object> object, Instant now) {
        PodSnapshot pod = Snapshots.pod(object);
        String status = ListColumns.Pods.status(object);
        List<ContainerSnapshot> main =
                pod.containers().stream().filter(container -> !container.init()).toList();
        String ready = main.stream().filter(ContainerSnapshot::ready).count() + "/" + main.size();
        boolean running = pod.phase().equals("Running");
        boolean restarting = pod.containers().stream().anyMatch(container -> restarting(container, now));
        boolean healthy = (pod.phase().equals("Succeeded") || (running && pod.ready())) && !restarting;
        Optional<String> unhealthy = healthy
                ? Optional.empty()
                : Optional.of(status + ", ready " + ready + ", " + DiagnosisText.restarts(pod.restarts())
                        + pod.nodeName().map(node -> ", node " + node).orElse(""));
        return new Item(namespace, name, status, unhealthy);
    }

    /** Waiting to restart now, or restarted within the last hour. */
    private static boolean restarting(ContainerSnapshot container, Instant now) {
        if (container.restartCount() == 0) {
            return false;
        }
        if (container.state().phase() == ContainerState.Phase.WAITING) {
            return true;
        }
        return container
                .lastTermination()
                .flatMap(ContainerState::finishedAt)
                .map(finished -> Duration.between(finished, now).compareTo(RECENT_RESTART) < 0)
                .orElse(false);
    }

    private static Item other(String namespace, String name, Map<String, Object> object) {
        JsonTree tree = JsonTree.of(object);
        Optional<String> phase = tree.at("status.phase").string();
        Optional<String> readyCondition = ListColumns.condition(tree, "Ready");
        String status = phase.orElseGet(() -> readyCondition
                .map(ready -> ready.equals("True") ? "Ready" : "NotReady")
                .orElse("<no status>"));
        boolean unhealthy = phase.filter(BAD_PHASES::contains).isPresent()
                || readyCondition.filter("False"::equals).isPresent();
        return new Item(namespace, name, status, unhealthy ? Optional.of(status) : Optional.empty());
    }
}
