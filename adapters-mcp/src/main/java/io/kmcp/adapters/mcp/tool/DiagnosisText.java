package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.port.in.WorkloadDiagnosis;
import io.kmcp.domain.budget.CharBudget;
import io.kmcp.domain.budget.Rendered;
import io.kmcp.domain.diagnosis.AutoscalerSnapshot;
import io.kmcp.domain.diagnosis.ClaimSnapshot;
import io.kmcp.domain.diagnosis.Condition;
import io.kmcp.domain.diagnosis.ContainerSnapshot;
import io.kmcp.domain.diagnosis.ContainerState;
import io.kmcp.domain.diagnosis.EndpointSliceSnapshot;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.Labels;
import io.kmcp.domain.diagnosis.LogExcerpt;
import io.kmcp.domain.diagnosis.NodeSnapshot;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.ObjectSnapshot;
import io.kmcp.domain.diagnosis.OwnerRef;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.RouteSnapshot;
import io.kmcp.domain.diagnosis.ServiceSnapshot;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.WorkloadSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A diagnosis as text for an agent: a headline, then the sections in the order they help, each
 * with a priority so that a small budget keeps the findings and drops routine detail first.
 *
 * <pre>
 * Deployment shop/web: 0/2 ready — 2 findings
 *
 * ## Findings
 * [CRITICAL] CrashLoopBackOff — container app of 2/2 pods of Deployment shop/web keeps crashing …
 *   last log line: panic: cannot connect to database at db:5432
 * ## Pods …  ## Owner chain …  ## Nodes/claims/autoscalers …  ## Events …  ## Logs …
 * ## Referenced Secrets …  ## Gaps …
 * </pre>
 */
final class DiagnosisText {

    static final int FINDINGS = 1;
    static final int GAPS = 1;
    static final int PODS = 2;
    static final int EVENTS = 3;
    static final int LOGS = 4;
    static final int OWNERS = 5;
    static final int INVOLVED = 6;
    static final int SECRETS = 7;

    /** Lines of one container's log shown; the service reads about as many. */
    static final int LOG_LINES = 20;

    static final int MAX_LINE = 300;

    private DiagnosisText() {}

    static Rendered render(WorkloadDiagnosis diagnosis, CharBudget budget) {
        WorkloadGraph graph = diagnosis.graph();
        ObjectRef target = graph.target();
        String namespace = target.namespace();
        Instant now = graph.observedAt();
        String raise = Budgets.raise(budget);
        Budgets text = new Budgets()
                .section("", Budgets.HEADLINE, List.of(headline(diagnosis)), raise)
                .section(
                        "Findings",
                        FINDINGS,
                        findings(diagnosis.findings()),
                        raise + "; structuredContent.findings lists every finding")
                .section("Pods", PODS, pods(graph), "call " + Budgets.call("resource_list", podsQuery(graph)))
                .section(
                        "Owner chain",
                        OWNERS,
                        owners(graph),
                        "call "
                                + Budgets.call(
                                        "resource_get",
                                        Budgets.arguments(
                                                "resource",
                                                target.kind(),
                                                "name",
                                                target.name(),
                                                "namespace",
                                                namespace))
                                + " and follow its owners")
                .section("Nodes/claims/autoscalers", INVOLVED, involved(graph), raise)
                .section(
                        "Events",
                        EVENTS,
                        diagnosis.events().stream()
                                .map(group -> EventLines.line(group, now, namespace))
                                .toList(),
                        "call " + Budgets.call("events_list", Budgets.arguments("namespace", namespace)))
                .section("Logs", LOGS, logs(graph.logs(), namespace), logsHint(graph.logs(), raise))
                .section("Referenced Secrets", SECRETS, secrets(graph), raise)
                .section(
                        "Gaps (not read)",
                        GAPS,
                        diagnosis.gaps().stream()
                                .map(gap -> OneLine.bounded(gap, MAX_LINE))
                                .toList(),
                        raise);
        return text.render(budget);
    }

    /** {@code Deployment shop/web: 0/2 ready — 2 findings}, or {@code … — No problem found: 2/2 replicas ready, 0 restarts}. */
    static String headline(WorkloadDiagnosis diagnosis) {
        WorkloadGraph graph = diagnosis.graph();
        String target = OneLine.bounded(graph.target().display(), 200);
        String partial = diagnosis.gaps().isEmpty()
                ? ""
                : " (partial picture: " + diagnosis.gaps().size() + " part"
                        + (diagnosis.gaps().size() == 1 ? "" : "s") + " could not be read, see Gaps)";
        if (diagnosis.findings().isEmpty()) {
            return target + " — No problem found: " + healthyState(graph) + partial;
        }
        int count = diagnosis.findings().size();
        return target + ": " + state(graph) + " — " + count + (count == 1 ? " finding" : " findings") + partial;
    }

    private static String state(WorkloadGraph graph) {
        if (graph.workload().isPresent()) {
            return workloadState(graph.workload().get(), graph.observedAt());
        }
        Optional<PodSnapshot> pod = targetPod(graph);
        if (pod.isPresent()) {
            return podPhase(pod.get()) + ", " + readyContainers(pod.get()) + " containers ready, "
                    + restarts(pod.get().restarts());
        }
        if (graph.service().isPresent()) {
            return endpoints(graph) + ", " + count(graph.pods().size(), "selected pod");
        }
        if (graph.route().isPresent()) {
            return count(graph.route().get().serviceNames().size(), "backend Service") + " ("
                    + graph.backends().size() + " found), " + count(graph.readyEndpoints(), "ready endpoint");
        }
        String kind = graph.target().kind();
        if (kind.equals("Node")) {
            return graph.nodes().stream()
                            .findFirst()
                            .map(node -> node.ready() ? "Ready" : "NotReady")
                            .orElse("not read")
                    + ", " + count(graph.pods().size(), "pod");
        }
        if (kind.equals("PersistentVolumeClaim")) {
            return graph.claims().stream().findFirst().map(ClaimSnapshot::phase).orElse("not read") + ", used by "
                    + count(graph.pods().size(), "pod");
        }
        if (kind.equals("Namespace")) {
            return "its overview";
        }
        if (!graph.objects().isEmpty()) {
            return graph.objects().get(0).conditions().isEmpty()
                    ? "no status conditions"
                    : conditions(graph.objects().get(0));
        }
        return count(graph.pods().size(), "pod");
    }

    private static String healthyState(WorkloadGraph graph) {
        int restarts = graph.pods().stream().mapToInt(PodSnapshot::restarts).sum();
        if (graph.workload().isPresent()) {
            WorkloadSnapshot workload = graph.workload().get();
            switch (workload.ref().kind()) {
                case "Job":
                    return workloadState(workload, graph.observedAt());
                case "CronJob":
                    return workloadState(workload, graph.observedAt()) + ", "
                            + count(graph.related().size(), "recent job");
                default:
                    return workload.desired()
                                    .map(desired -> workload.ready() + "/" + desired + " replicas ready")
                                    .orElse(workload.ready() + " replicas ready")
                            + ", " + restarts(restarts);
            }
        }
        return state(graph);
    }

    static String workloadState(WorkloadSnapshot workload, Instant now) {
        switch (workload.ref().kind()) {
            case "Job":
                WorkloadSnapshot.JobCounts job = workload.job();
                String jobState =
                        job.succeeded() + " succeeded, " + job.failed() + " failed, " + job.active() + " active";
                return workload.suspended() ? "suspended, " + jobState : jobState;
            case "CronJob":
                String schedule = workload.lastScheduleTime()
                        .map(time -> "last scheduled " + age(time, now))
                        .orElse("never scheduled");
                return workload.suspended() ? "suspended, " + schedule : schedule;
            default:
                return workload.desired()
                        .map(desired -> workload.ready() + "/" + desired + " ready")
                        .orElse(workload.ready() + " ready");
        }
    }

    static List<String> findings(List<Finding> findings) {
        List<String> lines = new ArrayList<>();
        for (Finding finding : findings) {
            lines.add("[" + finding.severity().name() + "] " + OneLine.bounded(finding.cause(), 60) + " — "
                    + OneLine.bounded(finding.summary(), MAX_LINE));
            finding.evidence().forEach(evidence -> lines.add("  " + OneLine.bounded(evidence, MAX_LINE)));
        }
        return lines;
    }

    /** One line per pod, the ones not ready first. */
    static List<String> pods(WorkloadGraph graph) {
        return graph.pods().stream()
                .sorted(Comparator.comparing(PodSnapshot::ready)
                        .thenComparing(pod -> pod.ref().name()))
                .map(DiagnosisText::pod)
                .toList();
    }

    /** {@code web-abc: Running, ready 0/1, 4 restarts, node n1 — app: CrashLoopBackOff (last: Error, exit 1)}. */
    static String pod(PodSnapshot pod) {
        StringBuilder line = new StringBuilder(OneLine.bounded(pod.ref().name(), 100))
                .append(": ")
                .append(podPhase(pod))
                .append(", ready ")
                .append(readyContainers(pod))
                .append(", ")
                .append(restarts(pod.restarts()))
                .append(", node ")
                .append(pod.nodeName().map(node -> OneLine.bounded(node, 100)).orElse("none"));
        List<String> why = why(pod);
        if (!why.isEmpty()) {
            line.append(" — ").append(String.join("; ", why));
        }
        return OneLine.bounded(line.toString(), MAX_LINE);
    }

    private static String podPhase(PodSnapshot pod) {
        String phase = OneLine.bounded(pod.phase(), 30);
        if (pod.terminating()) {
            return phase + " (terminating)";
        }
        return pod.reason()
                .map(reason -> phase + " (" + OneLine.bounded(reason, 60) + ")")
                .orElse(phase);
    }

    private static String readyContainers(PodSnapshot pod) {
        List<ContainerSnapshot> main =
                pod.containers().stream().filter(container -> !container.init()).toList();
        return main.stream().filter(ContainerSnapshot::ready).count() + "/" + main.size();
    }

    /** What holds the pod back: containers that are not ready with their state, or why it is not scheduled. */
    private static List<String> why(PodSnapshot pod) {
        List<String> why = new ArrayList<>();
        for (ContainerSnapshot container : pod.containers()) {
            if (container.ready() || (container.init() && container.state().succeeded())) {
                continue;
            }
            String state = state(container.state());
            if (container.state().phase() == ContainerState.Phase.RUNNING) {
                state = "running, not ready";
            }
            String last = container
                    .lastTermination()
                    .map(termination -> " (last: " + state(termination) + ")")
                    .orElse("");
            why.add((container.init() ? "init " : "") + OneLine.bounded(container.name(), 63) + ": " + state + last);
        }
        if (why.isEmpty() && !pod.ready()) {
            pod.notScheduled()
                    .ifPresent(scheduled -> why.add("not scheduled: "
                            + scheduled.reason().orElse("")
                            + scheduled.message().map(message -> " " + message).orElse("")));
        }
        return why.stream().map(text -> OneLine.bounded(text, 160)).toList();
    }

    /** {@code CrashLoopBackOff}, {@code Error, exit 1 after 2s}, {@code running}. */
    private static String state(ContainerState state) {
        switch (state.phase()) {
            case WAITING:
                return state.reason().map(reason -> OneLine.bounded(reason, 60)).orElse("waiting");
            case TERMINATED:
                return state.reason().map(reason -> OneLine.bounded(reason, 60)).orElse("terminated")
                        + state.exitCode().map(code -> ", exit " + code).orElse("")
                        + state.ranFor().map(ran -> " after " + Age.format(ran)).orElse("");
            case RUNNING:
                return "running";
            default:
                return "unknown";
        }
    }

    /** The workload, its controllers' children (current first), the Service and its endpoints. */
    static List<String> owners(WorkloadGraph graph) {
        List<String> lines = new ArrayList<>();
        graph.workload().ifPresent(workload -> lines.add(workloadLine(workload, graph, "")));
        Optional<String> currentRevision = graph.workload().flatMap(WorkloadSnapshot::revision);
        boolean first = true;
        for (WorkloadSnapshot related : graph.related()) {
            String role = "";
            if (related.ref().kind().equals("ReplicaSet") && graph.workload().isPresent()) {
                boolean current =
                        currentRevision.isPresent() ? related.revision().equals(currentRevision) : first;
                role = current ? " (current)" : " (previous)";
            }
            lines.add("→ " + workloadLine(related, graph, role));
            first = false;
        }
        graph.service().ifPresent(service -> lines.add(serviceLine(service)));
        graph.route().ifPresent(route -> lines.addAll(routeLines(route, graph)));
        graph.objects()
                .forEach(object -> lines.add(OneLine.bounded(
                        object.ref().display() + ": "
                                + (object.conditions().isEmpty() ? "no status conditions" : conditions(object)),
                        MAX_LINE)));
        for (EndpointSliceSnapshot slice : graph.endpointSlices()) {
            lines.add("→ EndpointSlice " + OneLine.bounded(slice.ref().name(), 100) + ": " + slice.ready() + " ready, "
                    + slice.notReady() + " not ready");
        }
        return lines;
    }

    /** {@code Ingress shop/web: shop.example.com/ → Service api port 80}, one line per place, then each Service. */
    private static List<String> routeLines(RouteSnapshot route, WorkloadGraph graph) {
        List<String> lines = new ArrayList<>();
        for (RouteSnapshot.Backend backend : route.backends()) {
            boolean found = graph.backends().stream()
                    .anyMatch(service -> service.ref().name().equals(backend.service()));
            lines.add(OneLine.bounded(
                    route.ref().display() + ": " + backend.where() + " → " + backend.display()
                            + (found ? "" : " (no such Service)"),
                    MAX_LINE));
        }
        route.unfollowed()
                .forEach(backend -> lines.add(
                        OneLine.bounded(route.ref().display() + ": " + backend + " (not followed)", MAX_LINE)));
        for (ServiceSnapshot service : graph.backends()) {
            lines.add("→ " + serviceLine(service) + ": "
                    + count(graph.readyEndpoints(service.ref().name()), "ready endpoint"));
        }
        return lines;
    }

    /** {@code Ready=False (Failed), Synced=True}: every condition, as the object reports them. */
    private static String conditions(ObjectSnapshot object) {
        List<String> parts = new ArrayList<>();
        for (Condition condition : object.conditions()) {
            parts.add(OneLine.bounded(condition.type(), 60) + "=" + OneLine.bounded(condition.status(), 10)
                    + condition
                            .reason()
                            .map(reason -> " (" + OneLine.bounded(reason, 60) + ")")
                            .orElse(""));
        }
        return String.join(", ", parts);
    }

    private static String workloadLine(WorkloadSnapshot workload, WorkloadGraph graph, String role) {
        Instant now = graph.observedAt();
        StringBuilder line = new StringBuilder(OneLine.bounded(workload.ref().kind(), 40))
                .append(' ')
                .append(OneLine.bounded(workload.ref().name(), 100));
        workload.revision().ifPresent(revision -> line.append(" rev ").append(OneLine.bounded(revision, 20)));
        line.append(role).append(": ").append(workloadState(workload, now));
        if (workload.generationNotObserved()) {
            line.append(", generation ")
                    .append(workload.generation())
                    .append(" not yet observed (at ")
                    .append(workload.observedGeneration())
                    .append(')');
        }
        long owned = graph.pods().stream()
                .filter(pod -> pod.owners().stream()
                        .map(OwnerRef::name)
                        .anyMatch(workload.ref().name()::equals))
                .count();
        if (owned > 0) {
            line.append(", ").append(count((int) owned, "pod"));
        }
        return line.toString();
    }

    private static String serviceLine(ServiceSnapshot service) {
        String selector =
                service.selector().isEmpty() ? "no selector" : "selector " + Labels.selector(service.selector());
        return OneLine.bounded(
                "Service " + service.ref().name() + " (" + service.type() + ", " + selector
                        + (service.ports().isEmpty() ? "" : ", " + String.join(", ", service.ports())) + ")",
                MAX_LINE);
    }

    private static String endpoints(WorkloadGraph graph) {
        int notReady = graph.notReadyEndpoints();
        return count(graph.readyEndpoints(), "ready endpoint") + (notReady == 0 ? "" : ", " + notReady + " not ready");
    }

    /** Only the nodes, claims and autoscalers the workload involves, one line each. */
    static List<String> involved(WorkloadGraph graph) {
        List<String> lines = new ArrayList<>();
        graph.nodes().forEach(node -> lines.add(node(node)));
        graph.claims().forEach(claim -> lines.add(claim(claim)));
        graph.autoscalers().forEach(autoscaler -> lines.add(autoscaler(autoscaler)));
        return lines;
    }

    static String node(NodeSnapshot node) {
        StringBuilder line = new StringBuilder("Node ")
                .append(OneLine.bounded(node.ref().name(), 100))
                .append(": ")
                .append(node.ready() ? "Ready" : "NotReady");
        if (node.unschedulable()) {
            line.append(", SchedulingDisabled");
        }
        node.problems().stream()
                .filter(problem -> !problem.type().equals("Ready"))
                .forEach(problem -> line.append(", ")
                        .append(problem.type())
                        .append(problem.message()
                                .map(message -> " (" + message + ")")
                                .orElse("")));
        if (!node.taints().isEmpty()) {
            line.append(", taints ").append(String.join(",", node.taints()));
        }
        return OneLine.bounded(line.toString(), MAX_LINE);
    }

    private static String claim(ClaimSnapshot claim) {
        return OneLine.bounded(
                "PersistentVolumeClaim " + claim.ref().name() + ": " + claim.phase()
                        + claim.storageClass()
                                .map(storageClass -> ", storage class " + storageClass)
                                .orElse(", no storage class")
                        + claim.volumeName().map(volume -> ", volume " + volume).orElse(""),
                MAX_LINE);
    }

    private static String autoscaler(AutoscalerSnapshot autoscaler) {
        String limited = autoscaler.conditions().stream()
                .filter(condition -> condition.type().equals("ScalingLimited") && condition.isTrue())
                .findFirst()
                .map(condition -> ", scaling limited"
                        + condition.reason().map(reason -> " (" + reason + ")").orElse(""))
                .orElse("");
        return OneLine.bounded(
                "HorizontalPodAutoscaler " + autoscaler.ref().name() + " → " + autoscaler.targetKind() + " "
                        + autoscaler.targetName() + ": " + autoscaler.currentReplicas() + " current, "
                        + autoscaler.desiredReplicas() + " desired (min " + autoscaler.minReplicas() + ", max "
                        + autoscaler.maxReplicas() + ")" + limited,
                MAX_LINE);
    }

    /** Per container: a header line, then its last lines indented. */
    static List<String> logs(List<LogExcerpt> excerpts, String namespace) {
        List<String> lines = new ArrayList<>();
        for (LogExcerpt excerpt : excerpts) {
            String header = EventLines.object(excerpt.pod(), namespace) + ", container "
                    + OneLine.bounded(excerpt.container(), 63)
                    + (excerpt.previous() ? " (previous instance)" : "");
            if (excerpt.unavailable().isPresent()) {
                lines.add(header + ": not available: "
                        + OneLine.bounded(excerpt.unavailable().get(), 200));
                continue;
            }
            List<String> shown = excerpt.lines();
            int skipped = Math.max(0, shown.size() - LOG_LINES);
            shown = shown.subList(skipped, shown.size());
            lines.add(header
                    + (shown.isEmpty() ? ": no log lines" : ":")
                    + (skipped > 0 || excerpt.truncated()
                            ? " (last " + shown.size() + " lines; pod_logs reads more)"
                            : ""));
            shown.forEach(logLine -> lines.add("  " + OneLine.bounded(logLine, MAX_LINE)));
        }
        return lines;
    }

    private static String logsHint(List<LogExcerpt> excerpts, String raise) {
        if (excerpts.isEmpty()) {
            return raise;
        }
        LogExcerpt last = excerpts.get(excerpts.size() - 1);
        return "call "
                + Budgets.call(
                        "pod_logs",
                        Budgets.arguments(
                                "name", last.pod().name(),
                                "namespace", last.pod().namespace(),
                                "container", last.container(),
                                "previous", last.previous() ? Boolean.TRUE : null))
                + " (and likewise for the other containers above)";
    }

    /** Secrets the pods reference, named and never read. */
    static List<String> secrets(WorkloadGraph graph) {
        TreeSet<String> names = new TreeSet<>();
        graph.pods().forEach(pod -> names.addAll(pod.secretNames()));
        return names.stream()
                .map(name -> "secret " + OneLine.bounded(name, 253) + " (restricted; not read)")
                .toList();
    }

    /** resource_list arguments that list the pods of the diagnosis. */
    static Map<String, Object> podsQuery(WorkloadGraph graph) {
        Map<String, String> selector = graph.workload()
                .map(WorkloadSnapshot::selector)
                .or(() -> graph.service().map(ServiceSnapshot::selector))
                .orElse(Map.of());
        return Budgets.arguments(
                "resource",
                "pods",
                "namespace",
                graph.target().namespace(),
                "labelSelector",
                selector.isEmpty() ? null : Labels.selector(selector));
    }

    private static Optional<PodSnapshot> targetPod(WorkloadGraph graph) {
        if (!graph.target().kind().equals("Pod")) {
            return Optional.empty();
        }
        return graph.pods().stream()
                .filter(pod -> pod.ref().name().equals(graph.target().name()))
                .findFirst();
    }

    static String restarts(int restarts) {
        return restarts == 1 ? "1 restart" : restarts + " restarts";
    }

    static String count(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    static String age(Instant then, Instant now) {
        return Age.format(Duration.between(then, now)) + " ago";
    }
}
