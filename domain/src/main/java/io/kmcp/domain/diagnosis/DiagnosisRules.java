package io.kmcp.domain.diagnosis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rules that name what is wrong with a workload, each a function from a {@link WorkloadGraph} to
 * findings. Pods of one workload usually fail alike, so containers failing the same way are told once,
 * on the workload, with how many pods show it. Every finding quotes what the cluster reported.
 */
public final class DiagnosisRules {

    static final Set<String> IMAGE_REASONS =
            Set.of("ImagePullBackOff", "ErrImagePull", "InvalidImageName", "ErrImageNeverPull", "RegistryUnavailable");

    /** Waiting reasons that are normal on the way to running, or told by a more specific rule. */
    static final Set<String> ORDINARY_WAITING = Set.of("ContainerCreating", "PodInitializing", "CrashLoopBackOff");

    static final int MAX_EVIDENCE_EVENTS = 2;

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::cause)
            .thenComparing(finding -> finding.subject().display());

    private DiagnosisRules() {}

    /** Every rule's findings, most severe first, one per cause and subject. */
    public static List<Finding> findings(WorkloadGraph graph) {
        List<Finding> all = Stream.of(
                        crashLoop(graph),
                        oomKilled(graph),
                        imagePull(graph),
                        containerWaiting(graph),
                        containerFailed(graph),
                        unschedulable(graph),
                        claimPending(graph),
                        readinessFailing(graph),
                        jobFailed(graph),
                        serviceSelectsNothing(graph),
                        noReadyEndpoints(graph),
                        rolloutStuck(graph),
                        replicasUnavailable(graph),
                        nodeNotReady(graph),
                        autoscalerAtLimit(graph))
                .flatMap(List::stream)
                .toList();
        Map<String, Finding> unique = new LinkedHashMap<>();
        for (Finding finding : all) {
            unique.putIfAbsent(finding.cause() + "|" + finding.subject().display(), finding);
        }
        return unique.values().stream().sorted(ORDER).toList();
    }

    /** Containers waiting in CrashLoopBackOff (unless the memory limit killed them: see {@link #oomKilled}). */
    public static List<Finding> crashLoop(WorkloadGraph graph) {
        return perContainer(
                graph,
                (pod, container) -> container.state().waitingWith("CrashLoopBackOff") && !oom(container),
                affected -> {
                    ContainerSnapshot sample = affected.sample();
                    String exit =
                            sample.lastTermination().map(DiagnosisRules::exit).orElse("it exits");
                    List<String> evidence = new ArrayList<>();
                    sample.state().message().ifPresent(message -> evidence.add("kubelet: " + message));
                    lastLogLine(graph, affected.container()).ifPresent(evidence::add);
                    evidence.addAll(events(graph, affected.podNames(), Set.of("BackOff")));
                    return new Finding(
                            Severity.CRITICAL,
                            "CrashLoopBackOff",
                            subject(graph, affected),
                            "container " + affected.container() + " of " + affected.phrase(graph) + " keeps crashing: "
                                    + exit + ", " + sample.restartCount() + " restarts",
                            evidence);
                });
    }

    /** Containers killed for using more memory than their limit. */
    public static List<Finding> oomKilled(WorkloadGraph graph) {
        return perContainer(graph, (pod, container) -> oom(container), affected -> {
            ContainerSnapshot sample = affected.sample();
            List<String> evidence = new ArrayList<>();
            evidence.add("exit code 137 (OOMKilled): the kernel killed it at its memory limit");
            evidence.add(sample.memoryLimit()
                    .map(limit -> "memory limit " + limit)
                    .orElse("no memory limit on the container: the node ran out of memory"));
            lastLogLine(graph, affected.container()).ifPresent(evidence::add);
            return new Finding(
                    Severity.CRITICAL,
                    "OOMKilled",
                    subject(graph, affected),
                    "container " + affected.container() + " of " + affected.phrase(graph)
                            + " was killed for running out of memory"
                            + sample.memoryLimit()
                                    .map(limit -> " (limit " + limit + ")")
                                    .orElse("")
                            + ", " + sample.restartCount() + " restarts; raise the limit or use less memory",
                    evidence);
        });
    }

    /** Containers whose image cannot be pulled. */
    public static List<Finding> imagePull(WorkloadGraph graph) {
        return perContainer(
                graph,
                (pod, container) -> container.state().phase() == ContainerState.Phase.WAITING
                        && container
                                .state()
                                .reason()
                                .filter(IMAGE_REASONS::contains)
                                .isPresent(),
                affected -> {
                    ContainerSnapshot sample = affected.sample();
                    String reason = sample.state().reason().orElse("ImagePullBackOff");
                    List<String> evidence = new ArrayList<>();
                    evidence.add("image " + sample.image());
                    sample.state().message().ifPresent(message -> evidence.add("kubelet: " + message));
                    evidence.addAll(events(graph, affected.podNames(), Set.of("Failed", "BackOff")));
                    return new Finding(
                            Severity.CRITICAL,
                            reason.equals("InvalidImageName") ? reason : "ImagePullBackOff",
                            subject(graph, affected),
                            "container " + affected.container() + " of " + affected.phrase(graph)
                                    + " cannot start: image " + sample.image() + " cannot be pulled (" + reason
                                    + "); check the image name and tag and the registry's credentials",
                            evidence);
                });
    }

    /** Containers waiting for another reason than starting, crashing or pulling, e.g. CreateContainerConfigError. */
    public static List<Finding> containerWaiting(WorkloadGraph graph) {
        return perContainer(
                graph,
                (pod, container) -> container.state().phase() == ContainerState.Phase.WAITING
                        && container
                                .state()
                                .reason()
                                .filter(reason -> !ORDINARY_WAITING.contains(reason) && !IMAGE_REASONS.contains(reason))
                                .isPresent(),
                affected -> {
                    ContainerState state = affected.sample().state();
                    List<String> evidence = new ArrayList<>();
                    state.message().ifPresent(message -> evidence.add("kubelet: " + message));
                    evidence.addAll(events(graph, affected.podNames(), Set.of("Failed")));
                    return new Finding(
                            Severity.CRITICAL,
                            "ContainerWaiting",
                            subject(graph, affected),
                            "container " + affected.container() + " of " + affected.phrase(graph)
                                    + " cannot start: " + state.reason().orElse("waiting")
                                    + state.message()
                                            .map(message -> " — " + message)
                                            .orElse(""),
                            evidence);
                });
    }

    /** Containers that ended with an error and are not restarted (a Job's pods, restartPolicy Never). */
    public static List<Finding> containerFailed(WorkloadGraph graph) {
        return perContainer(
                graph,
                (pod, container) -> container.state().phase() == ContainerState.Phase.TERMINATED
                        && container
                                .state()
                                .exitCode()
                                .filter(code -> code != 0)
                                .isPresent()
                        && !oom(container),
                affected -> {
                    ContainerState state = affected.sample().state();
                    List<String> evidence = new ArrayList<>();
                    state.message().ifPresent(message -> evidence.add("termination message: " + message));
                    lastLogLine(graph, affected.container()).ifPresent(evidence::add);
                    return new Finding(
                            Severity.WARNING,
                            "ContainerFailed",
                            subject(graph, affected),
                            "container " + affected.container() + " of " + affected.phrase(graph) + " failed: "
                                    + exit(state),
                            evidence);
                });
    }

    /** Pods the scheduler cannot place. */
    public static List<Finding> unschedulable(WorkloadGraph graph) {
        List<PodSnapshot> pending = graph.pods().stream()
                .filter(pod -> pod.condition("PodScheduled")
                        .filter(condition -> condition.isFalse()
                                && condition
                                        .reason()
                                        .filter("Unschedulable"::equals)
                                        .isPresent())
                        .isPresent())
                .toList();
        if (pending.isEmpty()) {
            return List.of();
        }
        Affected affected = new Affected("", pending, List.of());
        String message = pending.get(0)
                .condition("PodScheduled")
                .flatMap(Condition::message)
                .orElse("no message");
        List<String> evidence = new ArrayList<>();
        evidence.add("scheduler: " + message);
        evidence.addAll(events(graph, affected.podNames(), Set.of("FailedScheduling")));
        return List.of(new Finding(
                Severity.CRITICAL,
                "Unschedulable",
                subject(graph, affected),
                affected.phrase(graph) + " cannot be scheduled: " + message,
                evidence));
    }

    /** Claims the pods need that are not bound to a volume. */
    public static List<Finding> claimPending(WorkloadGraph graph) {
        List<Finding> findings = new ArrayList<>();
        for (ClaimSnapshot claim : graph.claims()) {
            if (!claim.phase().equals("Pending")) {
                continue;
            }
            List<String> evidence = new ArrayList<>();
            evidence.add(claim.storageClass()
                    .map(storageClass -> "storage class " + storageClass)
                    .orElse("no storage class: it waits for a matching PersistentVolume"));
            evidence.addAll(events(graph, Set.of(claim.ref().name()), Set.of()));
            findings.add(new Finding(
                    Severity.CRITICAL,
                    "ClaimPending",
                    claim.ref(),
                    "persistent volume claim " + claim.ref().name() + " is Pending, so the pods using it cannot"
                            + " start; check that its storage class has a working provisioner",
                    evidence));
        }
        return findings;
    }

    /** Pods that run but are not ready: their readiness probe fails. */
    public static List<Finding> readinessFailing(WorkloadGraph graph) {
        return perContainer(
                graph,
                (pod, container) -> pod.phase().equals("Running")
                        && !pod.ready()
                        && !container.init()
                        && container.state().phase() == ContainerState.Phase.RUNNING
                        && !container.ready(),
                affected -> {
                    List<String> evidence = new ArrayList<>(events(graph, affected.podNames(), Set.of("Unhealthy")));
                    if (evidence.isEmpty()) {
                        evidence.add("the container runs, but its readiness probe has not passed");
                    }
                    return new Finding(
                            Severity.CRITICAL,
                            "ReadinessProbeFailing",
                            subject(graph, affected),
                            "container " + affected.container() + " of " + affected.phrase(graph)
                                    + " runs but is not ready, so it gets no traffic",
                            evidence);
                });
    }

    /** Jobs the controller gave up on. */
    public static List<Finding> jobFailed(WorkloadGraph graph) {
        List<Finding> findings = new ArrayList<>();
        for (WorkloadSnapshot job : workloads(graph)) {
            if (!job.kind().equals("Job")) {
                continue;
            }
            Optional<Condition> failed = job.condition("Failed").filter(Condition::isTrue);
            if (failed.isEmpty()) {
                continue;
            }
            List<String> evidence = new ArrayList<>();
            evidence.add("condition Failed: " + failed.get().reason().orElse("no reason")
                    + failed.get().message().map(message -> " — " + message).orElse(""));
            evidence.add(job.job().failed() + " failed pod(s), " + job.job().succeeded() + " succeeded"
                    + job.backoffLimit().map(limit -> ", backoffLimit " + limit).orElse(""));
            String exitCodes = graph.pods().stream()
                    .filter(pod -> pod.owners().stream()
                            .anyMatch(owner -> owner.uid().equals(job.ref().uid())))
                    .flatMap(pod -> pod.containers().stream())
                    .flatMap(container -> container.state().exitCode().stream())
                    .filter(code -> code != 0)
                    .distinct()
                    .sorted()
                    .map(String::valueOf)
                    .collect(Collectors.joining(", "));
            if (!exitCodes.isEmpty()) {
                evidence.add("exit codes of the failed pods: " + exitCodes);
            }
            findings.add(new Finding(
                    Severity.CRITICAL,
                    "JobFailed",
                    job.ref(),
                    job.ref().display() + " failed: " + failed.get().reason().orElse("Failed")
                            + failed.get()
                                    .message()
                                    .map(message -> " (" + message + ")")
                                    .orElse(""),
                    evidence));
        }
        return findings;
    }

    /** A Service whose selector matches no pod sends its traffic nowhere. */
    public static List<Finding> serviceSelectsNothing(WorkloadGraph graph) {
        if (graph.service().isEmpty()) {
            return List.of();
        }
        ServiceSnapshot service = graph.service().get();
        if (service.type().equals("ExternalName")) {
            return List.of();
        }
        if (service.selector().isEmpty()) {
            return List.of(new Finding(
                    Severity.INFO,
                    "ServiceWithoutSelector",
                    service.ref(),
                    service.ref().display() + " has no selector: its endpoints are managed by hand, not by pods",
                    List.of()));
        }
        if (!graph.pods().isEmpty()) {
            return List.of();
        }
        String selector = labels(service.selector());
        return List.of(new Finding(
                Severity.CRITICAL,
                "ServiceSelectsNothing",
                service.ref(),
                service.ref().display() + " selects no pod: no pod in namespace "
                        + service.ref().namespace() + " has the labels " + selector,
                List.of(
                        "selector " + selector,
                        "compare it with the labels of the pods it should reach (resource_list pods --labelSelector "
                                + selector + ")")));
    }

    /** A Service whose pods exist but none is ready. */
    public static List<Finding> noReadyEndpoints(WorkloadGraph graph) {
        if (graph.service().isEmpty() || graph.pods().isEmpty()) {
            return List.of();
        }
        if (graph.pods().stream().anyMatch(PodSnapshot::ready)) {
            return List.of();
        }
        ServiceSnapshot service = graph.service().get();
        int notReady = graph.endpointSlices().stream()
                .mapToInt(EndpointSliceSnapshot::notReady)
                .sum();
        return List.of(new Finding(
                Severity.CRITICAL,
                "NoReadyEndpoints",
                service.ref(),
                service.ref().display() + " selects " + graph.pods().size() + " pod(s), none of them ready, so"
                        + " its traffic goes nowhere",
                List.of(
                        "endpoints not ready: " + notReady,
                        "diagnose the pods' workload for the reason they are not ready")));
    }

    /** A Deployment whose rollout stopped making progress. */
    public static List<Finding> rolloutStuck(WorkloadGraph graph) {
        List<Finding> findings = new ArrayList<>();
        for (WorkloadSnapshot workload : graph.workload().stream().toList()) {
            Optional<Condition> progressing = workload.condition("Progressing")
                    .filter(condition -> condition.isFalse()
                            && condition
                                    .reason()
                                    .filter("ProgressDeadlineExceeded"::equals)
                                    .isPresent());
            if (progressing.isPresent()) {
                List<String> evidence = new ArrayList<>();
                progressing.get().message().ifPresent(message -> evidence.add("condition Progressing: " + message));
                graph.related().stream()
                        .filter(related -> related.kind().equals("ReplicaSet"))
                        .limit(2)
                        .forEach(replicaSet -> evidence.add(replicaSet.ref().name()
                                + replicaSet
                                        .revision()
                                        .map(revision -> " (revision " + revision + ")")
                                        .orElse("")
                                + ": " + replicaSet.ready() + "/"
                                + replicaSet.desired().orElse(0) + " ready"));
                findings.add(new Finding(
                        Severity.CRITICAL,
                        "RolloutStuck",
                        workload.ref(),
                        workload.ref().display() + " rollout exceeded its progress deadline; the new pods never"
                                + " became available",
                        evidence));
            } else if (workload.generation() > workload.observedGeneration() && workload.observedGeneration() > 0) {
                findings.add(new Finding(
                        Severity.INFO,
                        "RolloutPending",
                        workload.ref(),
                        workload.ref().display() + " has a change its controller has not acted on yet (generation "
                                + workload.generation() + ", observed " + workload.observedGeneration() + ")",
                        List.of()));
            }
        }
        return findings;
    }

    /** Fewer replicas ready than asked for; the more specific findings say why. */
    public static List<Finding> replicasUnavailable(WorkloadGraph graph) {
        List<Finding> findings = new ArrayList<>();
        for (WorkloadSnapshot workload : graph.workload().stream().toList()) {
            if (Set.of("Job", "CronJob").contains(workload.kind()) || workload.suspended()) {
                continue;
            }
            int desired = workload.desired().orElse(0);
            if (desired > 0 && workload.ready() < desired) {
                findings.add(new Finding(
                        Severity.WARNING,
                        "ReplicasUnavailable",
                        workload.ref(),
                        workload.ref().display() + ": " + workload.ready() + "/" + desired + " replicas ready",
                        List.of(workload.updated() + " up to date, " + workload.available() + " available")));
            }
        }
        return findings;
    }

    /** Nodes of the workload's pods that are not ready or under pressure. */
    public static List<Finding> nodeNotReady(WorkloadGraph graph) {
        List<Finding> findings = new ArrayList<>();
        for (NodeSnapshot node : graph.nodes()) {
            if (node.problems().isEmpty() && !node.unschedulable()) {
                continue;
            }
            List<String> evidence = new ArrayList<>();
            node.problems()
                    .forEach(condition -> evidence.add(condition.type() + "=" + condition.status()
                            + condition
                                    .reason()
                                    .map(reason -> " (" + reason + ")")
                                    .orElse("")
                            + condition.message().map(message -> ": " + message).orElse("")));
            if (node.unschedulable()) {
                evidence.add("cordoned: spec.unschedulable is true");
            }
            findings.add(new Finding(
                    node.ready() ? Severity.WARNING : Severity.CRITICAL,
                    "NodeNotReady",
                    node.ref(),
                    "node " + node.ref().name() + (node.ready() ? " is under pressure or cordoned" : " is not ready")
                            + " and runs pods of this workload",
                    evidence));
        }
        return findings;
    }

    /** An autoscaler that wants more replicas than it may have, or cannot scale. */
    public static List<Finding> autoscalerAtLimit(WorkloadGraph graph) {
        List<Finding> findings = new ArrayList<>();
        for (AutoscalerSnapshot autoscaler : graph.autoscalers()) {
            Optional<Condition> inactive = autoscaler.conditions().stream()
                    .filter(condition -> condition.type().equals("ScalingActive") && condition.isFalse())
                    .findFirst();
            if (inactive.isPresent()) {
                findings.add(new Finding(
                        Severity.WARNING,
                        "AutoscalerInactive",
                        autoscaler.ref(),
                        autoscaler.ref().display() + " cannot scale: "
                                + inactive.get().reason().orElse("ScalingActive is False"),
                        inactive.get().message().stream().toList()));
            } else if (autoscaler.maxReplicas() > 0 && autoscaler.desiredReplicas() >= autoscaler.maxReplicas()) {
                findings.add(new Finding(
                        Severity.WARNING,
                        "AutoscalerAtLimit",
                        autoscaler.ref(),
                        autoscaler.ref().display() + " is at its maximum of " + autoscaler.maxReplicas()
                                + " replicas and would scale further if it could",
                        List.of("current " + autoscaler.currentReplicas() + ", desired " + autoscaler.desiredReplicas()
                                + ", min " + autoscaler.minReplicas())));
            }
        }
        return findings;
    }

    /** The containers, by name, that fail one way, and the pods they fail in. */
    private record Affected(String container, List<PodSnapshot> pods, List<ContainerSnapshot> containers) {

        ContainerSnapshot sample() {
            return containers.get(0);
        }

        Set<String> podNames() {
            return pods.stream().map(pod -> pod.ref().name()).collect(Collectors.toCollection(LinkedHashSet::new));
        }

        /** "2/3 pods of Deployment shop/web", or "pod shop/web-1" when the pod itself is diagnosed. */
        String phrase(WorkloadGraph graph) {
            if (graph.target().kind().equals("Pod")) {
                return "pod " + graph.target().name();
            }
            return pods.size() + "/" + graph.pods().size() + " pods of "
                    + graph.target().display();
        }
    }

    private static List<Finding> perContainer(
            WorkloadGraph graph,
            BiPredicate<PodSnapshot, ContainerSnapshot> failing,
            Function<Affected, Finding> finding) {
        Map<String, List<PodSnapshot>> pods = new LinkedHashMap<>();
        Map<String, List<ContainerSnapshot>> containers = new LinkedHashMap<>();
        for (PodSnapshot pod : graph.pods()) {
            for (ContainerSnapshot container : pod.containers()) {
                if (failing.test(pod, container)) {
                    pods.computeIfAbsent(container.name(), name -> new ArrayList<>())
                            .add(pod);
                    containers
                            .computeIfAbsent(container.name(), name -> new ArrayList<>())
                            .add(container);
                }
            }
        }
        return pods.keySet().stream()
                .map(name -> finding.apply(new Affected(name, pods.get(name), containers.get(name))))
                .toList();
    }

    private static ObjectRef subject(WorkloadGraph graph, Affected affected) {
        if (graph.target().kind().equals("Service") && !affected.pods().isEmpty()) {
            // The Service is not what fails; the pods' owner is, as far as the graph knows it.
            return affected.pods().get(0).ref();
        }
        return graph.target();
    }

    private static boolean oom(ContainerSnapshot container) {
        boolean lastOom = container
                .lastTermination()
                .flatMap(ContainerState::reason)
                .filter("OOMKilled"::equals)
                .isPresent();
        boolean nowOom = container.state().phase() == ContainerState.Phase.TERMINATED
                && container.state().reason().filter("OOMKilled"::equals).isPresent();
        return lastOom || nowOom;
    }

    /** "exit code 1 (Error) after ~2s". */
    static String exit(ContainerState terminated) {
        return "exit code " + terminated.exitCode().map(String::valueOf).orElse("unknown")
                + terminated.reason().map(reason -> " (" + reason + ")").orElse("")
                + terminated.ranFor().map(ran -> " after ~" + human(ran)).orElse("");
    }

    static String human(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 120) {
            return seconds + "s";
        }
        if (seconds < 7200) {
            return seconds / 60 + "m";
        }
        return seconds / 3600 + "h";
    }

    private static Optional<String> lastLogLine(WorkloadGraph graph, String container) {
        return graph.logs().stream()
                .filter(log -> log.container().equals(container))
                .sorted(Comparator.comparing(log -> !log.previous()))
                .flatMap(log -> log.lastLine().stream())
                .findFirst()
                .map(line -> "last log line: " + line);
    }

    /** The most telling events about the named objects: reasons given, or any warning when none are. */
    private static List<String> events(WorkloadGraph graph, Set<String> names, Set<String> reasons) {
        return EventDigest.of(graph.events()).stream()
                .filter(group -> names.contains(group.involved().name()))
                .filter(group -> reasons.isEmpty()
                        ? group.type().equals("Warning") || !group.reason().isEmpty()
                        : reasons.contains(group.reason()))
                .map(group -> "event " + group.reason() + " ×" + group.count() + ": " + group.message())
                .distinct()
                .limit(MAX_EVIDENCE_EVENTS)
                .toList();
    }

    private static List<WorkloadSnapshot> workloads(WorkloadGraph graph) {
        List<WorkloadSnapshot> workloads =
                new ArrayList<>(graph.workload().stream().toList());
        workloads.addAll(graph.related());
        return workloads;
    }

    static String labels(Map<String, String> labels) {
        return labels.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(label -> label.getKey() + "=" + label.getValue())
                .collect(Collectors.joining(","));
    }
}
