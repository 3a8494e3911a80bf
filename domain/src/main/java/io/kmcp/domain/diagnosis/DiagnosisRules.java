package io.kmcp.domain.diagnosis;

import io.kmcp.domain.diagnosis.ContainerState.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rules that name what is wrong with a workload, each a function from a {@link WorkloadGraph} to
 * findings. Pods of one workload usually fail alike, so the pods of one subject failing the same way
 * are told once, on the subject (the workload asked about, or the pods' owner when a Service is), with
 * how many of its pods show it. Every finding quotes what the cluster reported, briefly.
 */
public final class DiagnosisRules {

    /** The kubelet's reasons for a container whose image it cannot get. */
    static final Set<String> IMAGE_REASONS = Set.of(
            "ImagePullBackOff",
            "ErrImagePull",
            "InvalidImageName",
            "ErrImageNeverPull",
            "ImageInspectError",
            "RegistryUnavailable");

    /** Waiting on the way to running: a problem only when warning events say what blocks it. */
    static final Set<String> STARTING = Set.of("ContainerCreating", "PodInitializing");

    /** The warning events that keep a container in {@link #STARTING}. */
    static final Set<String> START_FAILURES =
            Set.of("FailedMount", "FailedAttachVolume", "FailedMapVolume", "FailedCreatePodSandBox");

    /** The controllers that report observedGeneration; Jobs and CronJobs do not. */
    static final Set<String> GENERATION_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet");

    /** A container may run this long before its readiness probe passes without being told as failing. */
    static final Duration READINESS_GRACE = Duration.ofMinutes(1);

    static final int MAX_EVIDENCE_EVENTS = 2;
    static final int MAX_NAMED = 3;

    /** Quoted messages are cut here: evidence is read at a glance, the full text is one call away. */
    static final int MAX_QUOTE = 200;

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::cause)
            .thenComparing(finding -> finding.subject().display());

    private DiagnosisRules() {}

    /**
     * Every rule's findings, most severe first, then by cause and subject; one finding per cause and
     * subject. A healthy workload, or a Job that completed, has none.
     */
    public static List<Finding> findings(WorkloadGraph graph) {
        List<Finding> specific = specific(graph);
        Map<String, Finding> unique = new LinkedHashMap<>();
        Stream.concat(specific.stream(), replicasUnavailable(graph, specific).stream())
                .forEach(finding -> unique.putIfAbsent(
                        finding.cause() + "\n" + finding.subject().display(), finding));
        return unique.values().stream().sorted(ORDER).toList();
    }

    /** The rules that name a cause; {@link #replicasUnavailable} only counts and points at these. */
    private static List<Finding> specific(WorkloadGraph graph) {
        return Stream.of(
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
                        nodeNotReady(graph),
                        autoscalerAtLimit(graph))
                .flatMap(List::stream)
                .toList();
    }

    /** Containers restarted over and over (CrashLoopBackOff), unless their memory limit killed them: see {@link #oomKilled}. */
    public static List<Finding> crashLoop(WorkloadGraph graph) {
        return groups(graph, (pod, container) -> waiting(container, "CrashLoopBackOff") && !oom(container)).stream()
                .map(group -> {
                    List<Failure> primary = group.primary();
                    ContainerSnapshot sample = primary.get(0).container();
                    List<String> evidence = new ArrayList<>();
                    group.podsLine().ifPresent(evidence::add);
                    logEvidence(graph, names(primary), sample.name()::equals).ifPresent(evidence::add);
                    sample.state().message().ifPresent(message -> evidence.add("kubelet: " + brief(message)));
                    evidence.addAll(events(graph, "Pod", group.podNames(), reason("BackOff")));
                    evidence.addAll(others(group, failure -> lastExit(failure.container())));
                    return new Finding(
                            Severity.CRITICAL,
                            "CrashLoopBackOff",
                            group.subject(),
                            containerPhrase(sample) + " of " + group.scope(primary) + " keeps crashing: "
                                    + lastExit(sample) + ", " + restarts(primary),
                            evidence);
                })
                .toList();
    }

    /** Containers the kernel killed for using more memory than their limit (OOMKilled, exit code 137). */
    public static List<Finding> oomKilled(WorkloadGraph graph) {
        return groups(graph, (pod, container) -> oom(container)).stream()
                .map(group -> {
                    List<Failure> primary = group.primary();
                    ContainerSnapshot sample = primary.get(0).container();
                    ContainerState killed = oomTermination(sample);
                    String limit =
                            sample.memoryLimit().map(value -> "limit " + value).orElse("no memory limit");
                    List<String> evidence = new ArrayList<>();
                    group.podsLine().ifPresent(evidence::add);
                    evidence.add(exit(killed));
                    evidence.add(sample.memoryLimit()
                            .map(value -> "memory limit " + value + ": the container used more")
                            .orElse("no memory limit: killed when the node ran short of memory"));
                    logEvidence(graph, names(primary), sample.name()::equals).ifPresent(evidence::add);
                    evidence.addAll(others(group, failure -> exit(oomTermination(failure.container()))));
                    return new Finding(
                            Severity.CRITICAL,
                            "OOMKilled",
                            group.subject(),
                            containerPhrase(sample) + " of " + group.scope(primary) + " was OOMKilled (exit code "
                                    + killed.exitCode().map(String::valueOf).orElse("137") + ", " + limit + "), "
                                    + restarts(primary) + ": raise its memory limit or make it use less memory",
                            evidence);
                })
                .toList();
    }

    /** Containers whose image cannot be pulled: ImagePullBackOff, ErrImagePull, InvalidImageName … */
    public static List<Finding> imagePull(WorkloadGraph graph) {
        return groups(
                        graph,
                        (pod, container) -> container.state().phase() == Phase.WAITING
                                && container
                                        .state()
                                        .reason()
                                        .filter(IMAGE_REASONS::contains)
                                        .isPresent())
                .stream()
                .map(group -> {
                    List<Failure> primary = group.primary();
                    ContainerSnapshot sample = primary.get(0).container();
                    String reason = sample.state().reason().orElseThrow();
                    List<String> evidence = new ArrayList<>();
                    group.podsLine().ifPresent(evidence::add);
                    evidence.add("image " + sample.image());
                    sample.state().message().ifPresent(message -> evidence.add("kubelet: " + brief(message)));
                    evidence.addAll(events(graph, "Pod", group.podNames(), reason("Failed")));
                    evidence.addAll(others(
                            group,
                            failure -> "image "
                                    + failure.container().image() + " ("
                                    + failure.container().state().reason().orElseThrow() + ")"));
                    return new Finding(
                            Severity.CRITICAL,
                            "ImagePullBackOff",
                            group.subject(),
                            containerPhrase(sample) + " of " + group.scope(primary) + " cannot get image "
                                    + sample.image() + " (" + reason + "): " + imageAdvice(reason),
                            evidence);
                })
                .toList();
    }

    private static String imageAdvice(String reason) {
        return switch (reason) {
            case "InvalidImageName" -> "fix the image reference";
            case "ErrImageNeverPull" -> "imagePullPolicy is Never and the image is not on the node";
            default -> "check the image name and tag, the registry, and the pull secrets";
        };
    }

    /**
     * Containers that cannot start for another reason than their image or a crash, e.g.
     * CreateContainerConfigError for a missing ConfigMap or Secret key, or ContainerCreating held up by
     * a volume that does not mount.
     */
    public static List<Finding> containerWaiting(WorkloadGraph graph) {
        Set<String> blocked = names(eventGroups(graph, "Pod", Set.of(), reasons(START_FAILURES)).stream()
                .map(group -> group.involved().name()));
        return groups(
                        graph,
                        (pod, container) -> container.state().phase() == Phase.WAITING
                                && container
                                        .state()
                                        .reason()
                                        .filter(reason -> !reason.equals("CrashLoopBackOff")
                                                && !IMAGE_REASONS.contains(reason)
                                                && (!STARTING.contains(reason)
                                                        || blocked.contains(
                                                                pod.ref().name())))
                                        .isPresent())
                .stream()
                .map(group -> {
                    List<Failure> primary = group.primary();
                    ContainerState state = primary.get(0).container().state();
                    List<EventGroup> blockers = eventGroups(
                            graph,
                            "Pod",
                            group.podNames(),
                            reasons(START_FAILURES).or(reason("Failed")));
                    List<String> evidence = new ArrayList<>();
                    group.podsLine().ifPresent(evidence::add);
                    state.message().ifPresent(message -> evidence.add("kubelet: " + brief(message)));
                    evidence.addAll(lines(blockers));
                    evidence.addAll(others(
                            group,
                            failure -> failure.container().state().reason().orElseThrow()));
                    return new Finding(
                            Severity.CRITICAL,
                            "ContainerWaiting",
                            group.subject(),
                            containerPhrase(primary.get(0).container()) + " of " + group.scope(primary)
                                    + " cannot start: " + state.reason().orElseThrow()
                                    + state.message()
                                            .or(() -> blockers.stream()
                                                    .findFirst()
                                                    .map(EventGroup::message))
                                            .map(message -> " (" + brief(message) + ")")
                                            .orElse(""),
                            evidence);
                })
                .toList();
    }

    /**
     * Containers that ended with an error and are not restarted (pods with restartPolicy Never or
     * OnFailure, a Job's pods). The failed attempts of a Job that completed since are history, not a
     * finding.
     */
    public static List<Finding> containerFailed(WorkloadGraph graph) {
        Set<String> completedJobs = names(workloads(graph).stream()
                .filter(workload -> workload.kind().equals("Job"))
                .filter(job ->
                        job.condition("Complete").filter(Condition::isTrue).isPresent())
                .map(job -> job.ref().name()));
        return groups(
                        graph,
                        (pod, container) -> container.state().phase() == Phase.TERMINATED
                                && container
                                        .state()
                                        .exitCode()
                                        .filter(code -> code != 0)
                                        .isPresent()
                                && !oom(container)
                                && pod.controller()
                                        .filter(owner ->
                                                owner.kind().equals("Job") && completedJobs.contains(owner.name()))
                                        .isEmpty())
                .stream()
                .map(group -> {
                    List<Failure> primary = group.primary();
                    ContainerState state = primary.get(0).container().state();
                    List<String> evidence = new ArrayList<>();
                    group.podsLine().ifPresent(evidence::add);
                    logEvidence(
                                    graph,
                                    names(primary),
                                    primary.get(0).container().name()::equals)
                            .ifPresent(evidence::add);
                    state.message().ifPresent(message -> evidence.add("termination message: " + brief(message)));
                    evidence.addAll(
                            others(group, failure -> exit(failure.container().state())));
                    return new Finding(
                            Severity.WARNING,
                            "ContainerFailed",
                            group.subject(),
                            containerPhrase(primary.get(0).container()) + " of " + group.scope(primary) + " failed: "
                                    + exit(state),
                            evidence);
                })
                .toList();
    }

    /** Pods the scheduler cannot place on any node. */
    public static List<Finding> unschedulable(WorkloadGraph graph) {
        return podGroups(graph, pod -> !pod.terminating() && scheduling(pod).isPresent()).stream()
                .map(group -> {
                    String message = scheduling(group.pods().get(0))
                            .flatMap(Condition::message)
                            .map(DiagnosisRules::brief)
                            .orElse("the scheduler gave no message");
                    List<String> evidence = new ArrayList<>();
                    group.podsLine().ifPresent(evidence::add);
                    evidence.add("scheduler: " + message);
                    evidence.addAll(events(graph, "Pod", group.podNames(), reason("FailedScheduling")));
                    graph.workload()
                            .flatMap(WorkloadSnapshot::storageOrNodeHint)
                            .ifPresent(hint -> evidence.add("pod template: " + hint));
                    return new Finding(
                            Severity.CRITICAL,
                            "Unschedulable",
                            group.subject(),
                            group.scope(group.pods()) + " cannot be scheduled: " + message,
                            evidence);
                })
                .toList();
    }

    private static Optional<Condition> scheduling(PodSnapshot pod) {
        return pod.condition("PodScheduled")
                .filter(condition -> condition.isFalse()
                        && condition.reason().filter("Unschedulable"::equals).isPresent());
    }

    /**
     * Claims of the pods that are not bound to a volume (Pending) or lost theirs (Lost). A claim that
     * only waits for its first pod to be scheduled (WaitForFirstConsumer) is told as INFO: the cause is
     * whatever keeps the pod from being scheduled.
     */
    public static List<Finding> claimPending(WorkloadGraph graph) {
        List<Finding> findings = new ArrayList<>();
        for (ClaimSnapshot claim : graph.claims()) {
            if (!Set.of("Pending", "Lost").contains(claim.phase())) {
                continue;
            }
            String name = claim.ref().name();
            List<EventGroup> events = eventGroups(graph, claim.ref().kind(), Set.of(name), group -> true);
            boolean waitsForConsumer =
                    events.stream().anyMatch(event -> event.reason().equals("WaitForFirstConsumer"))
                            && events.stream().noneMatch(event -> event.type().equals("Warning"));
            String storageClass =
                    claim.storageClass().map(value -> "storage class " + value).orElse("no storage class");
            List<String> evidence = new ArrayList<>();
            evidence.add("claim " + name + ": phase " + claim.phase() + ", " + storageClass
                    + claim.volumeName().map(volume -> ", volume " + volume).orElse(""));
            List<String> users = graph.pods().stream()
                    .filter(pod -> pod.claimNames().contains(name))
                    .map(pod -> pod.ref().name())
                    .toList();
            if (!users.isEmpty()) {
                evidence.add("used by " + named(users));
            }
            evidence.addAll(lines(events));
            findings.add(new Finding(
                    waitsForConsumer ? Severity.INFO : Severity.CRITICAL,
                    "ClaimPending",
                    claim.ref(),
                    claimSummary(claim, waitsForConsumer),
                    evidence));
        }
        return findings;
    }

    private static String claimSummary(ClaimSnapshot claim, boolean waitsForConsumer) {
        String display = claim.ref().display();
        if (claim.phase().equals("Lost")) {
            return display + " is Lost: its volume"
                    + claim.volumeName().map(volume -> " " + volume).orElse("")
                    + " is gone, so the pods using it cannot start; restore the volume or recreate the claim";
        }
        if (waitsForConsumer) {
            return display + " waits for its first pod to be scheduled before a volume is provisioned; see why"
                    + " the pod is not scheduled";
        }
        return display + " is Pending"
                + claim.storageClass()
                        .map(value -> " (storage class " + value + "), so the pods using it cannot start; check"
                                + " the provisioner of the storage class and the claim's events")
                        .orElse(" with no storage class, so it waits for a matching PersistentVolume; create one"
                                + " or set storageClassName");
    }

    /**
     * Containers that run but are not ready: their readiness probe fails, so Services send them no
     * traffic. A container that started less than {@link #READINESS_GRACE} ago without a failed probe
     * is still starting.
     */
    public static List<Finding> readinessFailing(WorkloadGraph graph) {
        Set<String> probeFailed = names(eventGroups(
                        graph,
                        "Pod",
                        Set.of(),
                        group -> group.reason().equals("Unhealthy")
                                && group.message().startsWith("Readiness probe"))
                .stream()
                .map(group -> group.involved().name()));
        return groups(
                        graph,
                        (pod, container) -> !pod.terminating()
                                && pod.phase().equals("Running")
                                && !pod.ready()
                                && !container.init()
                                && container.state().phase() == Phase.RUNNING
                                && !container.ready()
                                && (probeFailed.contains(pod.ref().name())
                                        || startedLongAgo(container, graph.observedAt())))
                .stream()
                .map(group -> {
                    List<Failure> primary = group.primary();
                    ContainerSnapshot sample = primary.get(0).container();
                    boolean noneReady = graph.pods().stream()
                            .filter(pod -> subjectOf(graph, pod).equals(group.subject()))
                            .noneMatch(PodSnapshot::ready);
                    List<String> evidence = new ArrayList<>();
                    group.podsLine().ifPresent(evidence::add);
                    List<String> probes = events(
                            graph,
                            "Pod",
                            group.podNames(),
                            event -> event.reason().equals("Unhealthy")
                                    && event.message().startsWith("Readiness probe"));
                    evidence.addAll(probes);
                    if (probes.isEmpty()) {
                        evidence.add(sample.state()
                                .startedAt()
                                .map(started -> "running for "
                                        + human(Duration.between(started, graph.observedAt()))
                                        + " without passing its readiness probe")
                                .orElse("running without passing its readiness probe"));
                    }
                    evidence.addAll(others(group, failure -> "not ready"));
                    return new Finding(
                            noneReady ? Severity.CRITICAL : Severity.WARNING,
                            "ReadinessProbeFailing",
                            group.subject(),
                            containerPhrase(sample) + " of " + group.scope(primary)
                                    + " runs but is not ready, so Services send it no traffic: check its readiness"
                                    + " probe and what it depends on",
                            evidence);
                })
                .toList();
    }

    private static boolean startedLongAgo(ContainerSnapshot container, Instant now) {
        return container
                .state()
                .startedAt()
                .map(started -> Duration.between(started, now).compareTo(READINESS_GRACE) >= 0)
                .orElse(true);
    }

    /**
     * Jobs their controller gave up on (condition Failed: BackoffLimitExceeded, DeadlineExceeded …). A
     * failed run of a CronJob that a later run made good is a WARNING.
     */
    public static List<Finding> jobFailed(WorkloadGraph graph) {
        List<WorkloadSnapshot> jobs = workloads(graph).stream()
                .filter(workload -> workload.kind().equals("Job"))
                .toList();
        List<Finding> findings = new ArrayList<>();
        for (WorkloadSnapshot job : jobs) {
            Optional<Condition> failed = job.condition("Failed").filter(Condition::isTrue);
            if (failed.isEmpty()) {
                continue;
            }
            Condition condition = failed.get();
            String reason = condition.reason().orElse("Failed");
            boolean superseded = jobs.stream()
                    .flatMap(other -> other.condition("Complete").filter(Condition::isTrue).stream())
                    .flatMap(complete -> complete.lastTransition().stream())
                    .anyMatch(completed -> condition
                            .lastTransition()
                            .filter(completed::isAfter)
                            .isPresent());
            List<PodSnapshot> pods = graph.pods().stream()
                    .filter(pod -> pod.controller()
                            .filter(owner -> owner.kind().equals("Job")
                                    && owner.name().equals(job.ref().name()))
                            .isPresent())
                    .toList();
            List<String> evidence = new ArrayList<>();
            evidence.add("condition Failed: " + reason
                    + condition.message().map(message -> ": " + brief(message)).orElse(""));
            evidence.add(job.job().failed() + " failed pods, " + job.job().succeeded() + " succeeded"
                    + job.backoffLimit().map(limit -> ", backoffLimit " + limit).orElse(""));
            String exitCodes = pods.stream()
                    .flatMap(pod -> pod.containers().stream())
                    .flatMap(container -> Stream.concat(
                            container.state().exitCode().stream(),
                            container.lastTermination().flatMap(ContainerState::exitCode).stream()))
                    .filter(code -> code != 0)
                    .distinct()
                    .sorted()
                    .map(String::valueOf)
                    .collect(Collectors.joining(", "));
            if (!exitCodes.isEmpty()) {
                evidence.add("exit codes of its failed pods: " + exitCodes);
            }
            logEvidence(graph, names(pods.stream().map(pod -> pod.ref().name())), container -> true)
                    .ifPresent(evidence::add);
            findings.add(new Finding(
                    superseded ? Severity.WARNING : Severity.CRITICAL,
                    "JobFailed",
                    job.ref(),
                    job.ref().display() + " failed: " + reason
                            + condition
                                    .message()
                                    .map(message -> " (" + brief(message) + ")")
                                    .orElse("")
                            + (superseded ? "; a later run completed" : "; read the logs of its failed pods"),
                    evidence));
        }
        return findings;
    }

    /**
     * A Service whose selector matches none of the pods sends its traffic nowhere. A Service without a
     * selector has endpoints managed by hand: told as INFO, since no pod can be checked behind it.
     */
    public static List<Finding> serviceSelectsNothing(WorkloadGraph graph) {
        Optional<ServiceSnapshot> found =
                graph.service().filter(service -> !service.type().equals("ExternalName"));
        if (found.isEmpty()) {
            return List.of();
        }
        ServiceSnapshot service = found.get();
        String display = service.ref().display();
        if (service.selector().isEmpty()) {
            return List.of(new Finding(
                    Severity.INFO,
                    "ServiceSelectsNothing",
                    service.ref(),
                    display + " has no selector: its endpoints are managed by hand, so no pod is checked behind it",
                    endpointCounts(graph).stream().toList()));
        }
        if (!selected(graph, service).isEmpty()) {
            return List.of();
        }
        String selector = Labels.selector(service.selector());
        List<String> evidence = new ArrayList<>();
        evidence.add("selector " + selector);
        Optional<WorkloadSnapshot> workload = graph.workload();
        workload.filter(snapshot -> !snapshot.templateLabels().isEmpty())
                .ifPresent(snapshot -> evidence.add("pod template labels of "
                        + snapshot.ref().display() + ": " + Labels.selector(snapshot.templateLabels())));
        endpointCounts(graph).ifPresent(evidence::add);
        return List.of(new Finding(
                Severity.CRITICAL,
                "ServiceSelectsNothing",
                service.ref(),
                workload.map(snapshot ->
                                display + " selects none of the " + graph.pods().size() + " pods of "
                                        + snapshot.ref().display() + ": they lack the labels " + selector)
                        .orElse(display + " selects no pod: no pod in namespace "
                                + service.ref().namespace() + " has the labels " + selector
                                + "; fix the selector or the pods' labels"),
                evidence));
    }

    /** A Service whose selector matches pods, none of them ready: its traffic goes nowhere. */
    public static List<Finding> noReadyEndpoints(WorkloadGraph graph) {
        Optional<ServiceSnapshot> found = graph.service();
        List<PodSnapshot> selected =
                found.map(service -> selected(graph, service)).orElse(List.of());
        if (selected.isEmpty() || selected.stream().anyMatch(PodSnapshot::ready)) {
            return List.of();
        }
        ServiceSnapshot service = found.orElseThrow();
        List<String> evidence = new ArrayList<>();
        endpointCounts(graph).ifPresent(evidence::add);
        evidence.add("not ready: "
                + named(selected.stream().map(DiagnosisRules::podState).toList()));
        return List.of(new Finding(
                Severity.CRITICAL,
                "NoReadyEndpoints",
                service.ref(),
                service.ref().display() + " selects " + count(selected.size(), "pod") + " but none is ready, so"
                        + " its traffic goes nowhere; the pods' findings say why",
                evidence));
    }

    /** The pods of the graph a Service selects: same namespace, every label of the selector. */
    private static List<PodSnapshot> selected(WorkloadGraph graph, ServiceSnapshot service) {
        return graph.pods().stream()
                .filter(pod -> pod.ref().namespace().equals(service.ref().namespace()))
                .filter(pod ->
                        pod.labels().entrySet().containsAll(service.selector().entrySet()))
                .toList();
    }

    private static Optional<String> endpointCounts(WorkloadGraph graph) {
        if (graph.endpointSlices().isEmpty()) {
            return Optional.empty();
        }
        int ready = graph.endpointSlices().stream()
                .mapToInt(EndpointSliceSnapshot::ready)
                .sum();
        int notReady = graph.endpointSlices().stream()
                .mapToInt(EndpointSliceSnapshot::notReady)
                .sum();
        return Optional.of("endpoints: " + ready + " ready, " + notReady + " not ready");
    }

    /** "web-a (CrashLoopBackOff)": what keeps a pod from being ready, in a word. */
    private static String podState(PodSnapshot pod) {
        String state = pod.containers().stream()
                .flatMap(container -> container.state().phase() == Phase.WAITING
                        ? container.state().reason().stream()
                        : Stream.empty())
                .findFirst()
                .or(() ->
                        pod.condition("PodScheduled").filter(Condition::isFalse).flatMap(Condition::reason))
                .orElse(pod.terminating() ? "Terminating" : pod.phase());
        return pod.ref().name() + " (" + state + ")";
    }

    /**
     * A rollout that stopped: a Deployment past its progress deadline (CRITICAL), or a workload whose
     * controller has not acted on its latest change (observedGeneration behind generation; WARNING).
     */
    public static List<Finding> rolloutStuck(WorkloadGraph graph) {
        List<Finding> findings = new ArrayList<>();
        for (WorkloadSnapshot workload : graph.workload().stream().toList()) {
            String display = workload.ref().display();
            Optional<Condition> deadline = workload.condition("Progressing")
                    .filter(condition -> condition.isFalse()
                            && condition
                                    .reason()
                                    .filter("ProgressDeadlineExceeded"::equals)
                                    .isPresent());
            if (deadline.isPresent()) {
                List<String> evidence = new ArrayList<>();
                deadline.get().message().ifPresent(message -> evidence.add("condition Progressing: " + brief(message)));
                graph.related().stream()
                        .filter(related -> related.kind().equals("ReplicaSet"))
                        .limit(2)
                        .forEach(replicaSet -> evidence.add(replicaSet.ref().display()
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
                        display + " rollout"
                                + workload.revision()
                                        .map(revision -> " of revision " + revision)
                                        .orElse("")
                                + " exceeded its progress deadline: the new pods never became available; the"
                                + " pods' findings say why",
                        evidence));
            } else if (GENERATION_KINDS.contains(workload.kind())
                    && workload.generation() > workload.observedGeneration()) {
                findings.add(new Finding(
                        Severity.WARNING,
                        "RolloutStuck",
                        workload.ref(),
                        display + ": its controller has not acted on generation " + workload.generation()
                                + " yet (observed " + workload.observedGeneration() + "); if this lasts, the"
                                + " controller manager is down or failing",
                        List.of("metadata.generation " + workload.generation() + ", status.observedGeneration "
                                + workload.observedGeneration())));
            }
        }
        return findings;
    }

    /** Fewer replicas ready than asked for; the evidence points at the findings that say why. */
    public static List<Finding> replicasUnavailable(WorkloadGraph graph) {
        return replicasUnavailable(graph, specific(graph));
    }

    private static List<Finding> replicasUnavailable(WorkloadGraph graph, List<Finding> specific) {
        List<Finding> findings = new ArrayList<>();
        for (WorkloadSnapshot workload : graph.workload().stream().toList()) {
            int desired = workload.desired().orElse(0);
            if (Set.of("Job", "CronJob").contains(workload.kind())
                    || workload.suspended()
                    || workload.ready() >= desired) {
                continue;
            }
            List<String> evidence = new ArrayList<>();
            evidence.add(workload.updated() + " up to date, " + workload.available() + " available");
            String causes = specific.stream()
                    .filter(finding -> finding.severity() != Severity.INFO)
                    .sorted(ORDER)
                    .map(Finding::cause)
                    .distinct()
                    .collect(Collectors.joining(", "));
            evidence.add(
                    causes.isEmpty()
                            ? "no more specific cause found: read the pods' events and logs"
                            : "explained by: " + causes);
            findings.add(new Finding(
                    Severity.WARNING,
                    "ReplicasUnavailable",
                    workload.ref(),
                    workload.ref().display() + ": " + workload.ready() + "/" + desired + " replicas ready",
                    evidence));
        }
        return findings;
    }

    /**
     * Nodes of the workload's pods that are not ready (CRITICAL), under pressure (WARNING) or cordoned
     * (INFO: running pods stay, new ones go elsewhere).
     */
    public static List<Finding> nodeNotReady(WorkloadGraph graph) {
        List<Finding> findings = new ArrayList<>();
        for (NodeSnapshot node : graph.nodes()) {
            if (node.ready() && node.problems().isEmpty() && !node.unschedulable()) {
                continue;
            }
            List<String> evidence = new ArrayList<>();
            node.problems()
                    .forEach(condition -> evidence.add(condition.type() + "=" + condition.status()
                            + condition
                                    .reason()
                                    .map(reason -> " (" + reason + ")")
                                    .orElse("")
                            + condition
                                    .message()
                                    .map(message -> ": " + brief(message))
                                    .orElse("")));
            if (node.unschedulable()) {
                evidence.add("cordoned: spec.unschedulable is true");
            }
            if (!node.taints().isEmpty()) {
                evidence.add("taints: " + named(node.taints()));
            }
            List<String> pods = graph.pods().stream()
                    .filter(pod ->
                            pod.nodeName().filter(node.ref().name()::equals).isPresent())
                    .map(pod -> pod.ref().name())
                    .toList();
            if (!pods.isEmpty()) {
                evidence.add("runs " + named(pods));
            }
            String display = node.ref().display();
            Severity severity;
            String summary;
            if (!node.ready()) {
                severity = Severity.CRITICAL;
                summary = display + " is not ready: its pods may be unreachable and will be evicted";
            } else if (!node.problems().isEmpty()) {
                severity = Severity.WARNING;
                summary = display + " reports "
                        + node.problems().stream().map(Condition::type).collect(Collectors.joining(", "))
                        + ": its pods may be evicted";
            } else {
                severity = Severity.INFO;
                summary = display + " is cordoned: its pods keep running, new pods are scheduled elsewhere";
            }
            findings.add(new Finding(severity, "NodeNotReady", node.ref(), summary, evidence));
        }
        return findings;
    }

    /**
     * An autoscaler at its maximum that would scale further (AutoscalerAtLimit), or one that cannot
     * scale at all because it reads no metrics (AutoscalerInactive, condition ScalingActive False).
     */
    public static List<Finding> autoscalerAtLimit(WorkloadGraph graph) {
        List<Finding> findings = new ArrayList<>();
        for (AutoscalerSnapshot autoscaler : graph.autoscalers()) {
            String display = autoscaler.ref().display();
            String replicas = "replicas: current " + autoscaler.currentReplicas() + ", desired "
                    + autoscaler.desiredReplicas() + ", min " + autoscaler.minReplicas() + ", max "
                    + autoscaler.maxReplicas();
            Optional<Condition> inactive =
                    condition(autoscaler, "ScalingActive").filter(Condition::isFalse);
            Optional<Condition> limited = condition(autoscaler, "ScalingLimited")
                    .filter(condition -> condition.isTrue()
                            && condition
                                    .reason()
                                    .filter("TooManyReplicas"::equals)
                                    .isPresent());
            if (inactive.isPresent()) {
                List<String> evidence = new ArrayList<>();
                evidence.add(conditionLine(inactive.get()));
                evidence.add(replicas);
                findings.add(new Finding(
                        Severity.WARNING,
                        "AutoscalerInactive",
                        autoscaler.ref(),
                        display + " cannot scale: " + inactive.get().reason().orElse("ScalingActive is False")
                                + "; check that the metrics it uses are served (metrics-server, custom metrics)",
                        evidence));
            } else if (limited.isPresent()
                    || (autoscaler.maxReplicas() > 0 && autoscaler.desiredReplicas() >= autoscaler.maxReplicas())) {
                List<String> evidence = new ArrayList<>();
                evidence.add(replicas);
                limited.map(DiagnosisRules::conditionLine).ifPresent(evidence::add);
                findings.add(new Finding(
                        Severity.WARNING,
                        "AutoscalerAtLimit",
                        autoscaler.ref(),
                        display + " is at its maximum of " + autoscaler.maxReplicas() + " replicas for "
                                + autoscaler.targetKind() + " " + autoscaler.targetName()
                                + ": raise maxReplicas or make each pod handle more",
                        evidence));
            }
        }
        return findings;
    }

    private static Optional<Condition> condition(AutoscalerSnapshot autoscaler, String type) {
        return autoscaler.conditions().stream()
                .filter(condition -> condition.type().equals(type))
                .findFirst();
    }

    private static String conditionLine(Condition condition) {
        return "condition " + condition.type() + " " + condition.status()
                + condition.reason().map(reason -> " (" + reason + ")").orElse("")
                + condition.message().map(message -> ": " + brief(message)).orElse("");
    }

    // Grouping: pods of one subject failing the same way make one finding.

    /** A container of a pod that fails a rule. */
    private record Failure(PodSnapshot pod, ContainerSnapshot container) {}

    /**
     * What one finding tells: the pods of one subject that fail a rule, and for container rules the
     * failing containers (several containers of a pod may fail alike).
     *
     * @param podsOfSubject how many pods of the graph belong to the subject
     */
    private record Group(ObjectRef subject, int podsOfSubject, List<PodSnapshot> pods, List<Failure> failures) {

        /** The failures of the first failing container, which the summary tells. */
        List<Failure> primary() {
            String name = failures.get(0).container().name();
            return failures.stream()
                    .filter(failure -> failure.container().name().equals(name))
                    .toList();
        }

        Set<String> podNames() {
            return names(pods.stream().map(pod -> pod.ref().name()));
        }

        /** "2/3 pods of Deployment shop/web", or "Pod shop/web-1" when the finding is on the pod. */
        String scope(List<?> affected) {
            if (subject.kind().equals("Pod")) {
                return subject.display();
            }
            return affected.size() + "/" + podsOfSubject + " pods of " + subject.display();
        }

        /** "3 of 3 pods: web-a, web-b, web-c", when the finding is on a workload. */
        Optional<String> podsLine() {
            if (subject.kind().equals("Pod")) {
                return Optional.empty();
            }
            return Optional.of(pods.size() + " of " + podsOfSubject + " pods: " + named(List.copyOf(podNames())));
        }
    }

    /** The failing containers, grouped by subject, in the order of the graph's pods. */
    private static List<Group> groups(WorkloadGraph graph, BiPredicate<PodSnapshot, ContainerSnapshot> failing) {
        Map<ObjectRef, Integer> podCounts = new LinkedHashMap<>();
        Map<ObjectRef, List<Failure>> failures = new LinkedHashMap<>();
        for (PodSnapshot pod : graph.pods()) {
            ObjectRef subject = subjectOf(graph, pod);
            podCounts.merge(subject, 1, Integer::sum);
            for (ContainerSnapshot container : pod.containers()) {
                if (failing.test(pod, container)) {
                    failures.computeIfAbsent(subject, key -> new ArrayList<>()).add(new Failure(pod, container));
                }
            }
        }
        return failures.entrySet().stream()
                .map(entry -> new Group(
                        entry.getKey(),
                        podCounts.get(entry.getKey()),
                        entry.getValue().stream().map(Failure::pod).distinct().toList(),
                        entry.getValue()))
                .toList();
    }

    /** The failing pods, grouped by subject, for rules about a pod rather than a container. */
    private static List<Group> podGroups(WorkloadGraph graph, Predicate<PodSnapshot> failing) {
        Map<ObjectRef, Integer> podCounts = new LinkedHashMap<>();
        Map<ObjectRef, List<PodSnapshot>> pods = new LinkedHashMap<>();
        for (PodSnapshot pod : graph.pods()) {
            ObjectRef subject = subjectOf(graph, pod);
            podCounts.merge(subject, 1, Integer::sum);
            if (failing.test(pod)) {
                pods.computeIfAbsent(subject, key -> new ArrayList<>()).add(pod);
            }
        }
        return pods.entrySet().stream()
                .map(entry -> new Group(entry.getKey(), podCounts.get(entry.getKey()), entry.getValue(), List.of()))
                .toList();
    }

    /**
     * Who a pod's failure is told on: the workload asked about (its pods are the graph's pods); from a
     * Service, the pod's controller, a ReplicaSet told as its Deployment (the object an agent fixes); a
     * pod without a controller, or asked about, is its own subject.
     */
    static ObjectRef subjectOf(WorkloadGraph graph, PodSnapshot pod) {
        if (graph.workload().isPresent()) {
            return graph.target();
        }
        if (!graph.target().kind().equals("Service")) {
            return pod.ref();
        }
        return pod.controller()
                .map(owner -> {
                    String hash = pod.labels().get("pod-template-hash");
                    if (owner.kind().equals("ReplicaSet")
                            && hash != null
                            && owner.name().endsWith("-" + hash)) {
                        // The Deployment controller names a ReplicaSet after the Deployment and the template hash.
                        String deployment =
                                owner.name().substring(0, owner.name().length() - hash.length() - 1);
                        return new ObjectRef("Deployment", pod.ref().namespace(), deployment, "");
                    }
                    return new ObjectRef(owner.kind(), pod.ref().namespace(), owner.name(), owner.uid());
                })
                .orElse(pod.ref());
    }

    /** "also container sidecar (2 pods): exit code 2 (Error)", for the containers the summary does not name. */
    private static List<String> others(Group group, Function<Failure, String> detail) {
        String primary = group.failures().get(0).container().name();
        Map<String, List<Failure>> byContainer = new LinkedHashMap<>();
        group.failures().stream()
                .filter(failure -> !failure.container().name().equals(primary))
                .forEach(failure -> byContainer
                        .computeIfAbsent(failure.container().name(), name -> new ArrayList<>())
                        .add(failure));
        return byContainer.values().stream()
                .map(failures -> "also " + containerPhrase(failures.get(0).container()) + " ("
                        + count(failures.size(), "pod") + "): " + detail.apply(failures.get(0)))
                .toList();
    }

    // Evidence.

    private static String containerPhrase(ContainerSnapshot container) {
        return (container.init() ? "init container " : "container ") + container.name();
    }

    /** "4 restarts", or "up to 4 restarts" when the pods differ. */
    private static String restarts(List<Failure> failures) {
        int most = failures.stream()
                .mapToInt(failure -> failure.container().restartCount())
                .max()
                .orElse(0);
        boolean same = failures.stream().allMatch(failure -> failure.container().restartCount() == most);
        return (same ? "" : "up to ") + count(most, "restart");
    }

    private static String lastExit(ContainerSnapshot container) {
        return container.lastTermination().map(DiagnosisRules::exit).orElse("no exit recorded yet");
    }

    private static boolean waiting(ContainerSnapshot container, String reason) {
        return container.state().phase() == Phase.WAITING
                && container.state().reason().filter(reason::equals).isPresent();
    }

    private static boolean oom(ContainerSnapshot container) {
        return oomKill(container.state())
                || container.lastTermination().filter(DiagnosisRules::oomKill).isPresent();
    }

    private static boolean oomKill(ContainerState state) {
        return state.phase() == Phase.TERMINATED
                && state.reason().filter("OOMKilled"::equals).isPresent();
    }

    /** The termination that was an OOM kill: the current state, or else the previous one. */
    private static ContainerState oomTermination(ContainerSnapshot container) {
        return oomKill(container.state())
                ? container.state()
                : container.lastTermination().orElseThrow();
    }

    /** "exit code 1 (Error) after ~2s". */
    static String exit(ContainerState terminated) {
        return "exit code " + terminated.exitCode().map(String::valueOf).orElse("unknown")
                + terminated.reason().map(reason -> " (" + reason + ")").orElse("")
                + terminated.ranFor().map(ran -> " after ~" + human(ran)).orElse("");
    }

    /** A duration in the unit a person would say: "45s", "12m", "3h". */
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

    /**
     * "last log line: …" of the named pods' containers, the previous instance's log first since that is the one that ended; or why no log could be read.
     */
    private static Optional<String> logEvidence(WorkloadGraph graph, Set<String> pods, Predicate<String> container) {
        List<LogExcerpt> excerpts = graph.logs().stream()
                .filter(log -> pods.contains(log.pod().name()))
                .filter(log -> container.test(log.container()))
                .sorted(Comparator.comparing(log -> !log.previous()))
                .toList();
        return excerpts.stream()
                .flatMap(log -> log.lastLine().stream())
                .findFirst()
                .map(line -> "last log line: " + brief(line))
                .or(() -> excerpts.stream()
                        .flatMap(log -> log.unavailable().stream())
                        .findFirst()
                        .map(reason -> "log unavailable: " + brief(reason)));
    }

    private static Predicate<EventGroup> reason(String reason) {
        return group -> group.reason().equals(reason);
    }

    private static Predicate<EventGroup> reasons(Set<String> reasons) {
        return group -> reasons.contains(group.reason());
    }

    /** The digest's groups about objects of that kind and those names (any name when none are given). */
    private static List<EventGroup> eventGroups(
            WorkloadGraph graph, String kind, Set<String> names, Predicate<EventGroup> wanted) {
        return EventDigest.of(graph.events()).stream()
                .filter(group -> group.involved().kind().equals(kind))
                .filter(group ->
                        names.isEmpty() || names.contains(group.involved().name()))
                .filter(wanted)
                .toList();
    }

    /** "event BackOff ×12 on 2 pods: Back-off restarting failed container …": per reason, the newest message. */
    private static List<String> events(
            WorkloadGraph graph, String kind, Set<String> names, Predicate<EventGroup> wanted) {
        return lines(eventGroups(graph, kind, names, wanted));
    }

    private static List<String> lines(List<EventGroup> groups) {
        Map<String, List<EventGroup>> byReason = new LinkedHashMap<>();
        groups.forEach(group -> byReason.computeIfAbsent(group.reason(), reason -> new ArrayList<>())
                .add(group));
        return byReason.entrySet().stream()
                .limit(MAX_EVIDENCE_EVENTS)
                .map(entry -> {
                    List<EventGroup> same = entry.getValue();
                    long total = same.stream().mapToLong(EventGroup::count).sum();
                    long objects = same.stream()
                            .map(group -> group.involved().name())
                            .distinct()
                            .count();
                    return "event " + entry.getKey() + " ×" + total
                            + (objects > 1
                                    ? " on " + objects + " "
                                            + same.get(0).involved().kind().toLowerCase(Locale.ROOT) + "s"
                                    : "")
                            + ": " + brief(same.get(0).message());
                })
                .toList();
    }

    /** A message on one line and at most {@link #MAX_QUOTE} characters. */
    static String brief(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_QUOTE ? line : line.substring(0, MAX_QUOTE - 1) + "…";
    }

    /** "a, b, c and 2 more". */
    static String named(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(MAX_NAMED, names.size())));
        return names.size() > MAX_NAMED ? shown + " and " + (names.size() - MAX_NAMED) + " more" : shown;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static Set<String> names(Stream<String> names) {
        return names.collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<String> names(List<Failure> failures) {
        return names(failures.stream().map(failure -> failure.pod().ref().name()));
    }

    private static List<WorkloadSnapshot> workloads(WorkloadGraph graph) {
        List<WorkloadSnapshot> workloads =
                new ArrayList<>(graph.workload().stream().toList());
        workloads.addAll(graph.related());
        return workloads;
    }
}
