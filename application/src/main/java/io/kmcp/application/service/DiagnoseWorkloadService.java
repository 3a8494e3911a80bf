package io.kmcp.application.service;

import io.kmcp.application.Caller;
import io.kmcp.application.Problem;
import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.DiagnoseWorkload;
import io.kmcp.application.port.in.DiagnoseWorkloadQuery;
import io.kmcp.application.port.in.WorkloadDiagnosis;
import io.kmcp.application.port.out.PodLogReader;
import io.kmcp.application.port.out.ResourceReader;
import io.kmcp.application.service.ClusterReads.Listed;
import io.kmcp.domain.diagnosis.AutoscalerSnapshot;
import io.kmcp.domain.diagnosis.ClaimSnapshot;
import io.kmcp.domain.diagnosis.DiagnosisRules;
import io.kmcp.domain.diagnosis.EndpointSliceSnapshot;
import io.kmcp.domain.diagnosis.EventDigest;
import io.kmcp.domain.diagnosis.EventSnapshot;
import io.kmcp.domain.diagnosis.LogExcerpt;
import io.kmcp.domain.diagnosis.NodeSnapshot;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.OwnerRef;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.ServiceSnapshot;
import io.kmcp.domain.diagnosis.Snapshots;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.WorkloadSnapshot;
import io.kmcp.domain.resource.ObjectName;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.Verb;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Diagnoses a workload in one call. The reads run in two concurrent waves: first the object asked
 * about and everything that hangs off it by label or owner (pods, replica sets, events, autoscalers,
 * endpoint slices), then what the pods point at (nodes, claims) and the logs of the failing
 * containers. The domain's rules turn the snapshot into findings.
 */
public final class DiagnoseWorkloadService implements DiagnoseWorkload {

    /** The kinds a diagnosis starts from, in the order a bare name is looked up. */
    static final List<String> TARGET_TYPES = List.of(
            "deployments.apps",
            "statefulsets.apps",
            "daemonsets.apps",
            "cronjobs.batch",
            "jobs.batch",
            "replicasets.apps",
            "pods.v1",
            "services.v1");

    /** Bounds that keep one diagnosis cheap for the API server whatever the size of the workload. */
    static final int MAX_LISTED = 500;

    static final int MAX_EVENTS = 1000;
    static final int MAX_NODES = 10;
    static final int MAX_CLAIMS = 10;
    static final int MAX_LOGGED_CONTAINERS = 3;
    static final int LOG_TAIL_LINES = 20;
    static final int LOG_LIMIT_BYTES = 4096;
    static final int MAX_CRONJOB_RUNS = 3;

    private final TypeLookup types;
    private final ResourceReader reader;
    private final PodLogReader logs;
    private final Executor executor;
    private final Clock clock;

    public DiagnoseWorkloadService(
            TypeLookup types, ResourceReader reader, PodLogReader logs, Executor executor, Clock clock) {
        this.types = Objects.requireNonNull(types, "types");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.logs = Objects.requireNonNull(logs, "logs");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public WorkloadDiagnosis diagnose(Caller caller, DiagnoseWorkloadQuery query) {
        String name = Inputs.valid(() -> new ObjectName(query.name())).value();
        String namespace = Inputs.requiredNamespace(
                        query.namespace(),
                        "Workloads live in namespaces, so diagnosing \"" + name + "\" needs its namespace",
                        Problem.Remedy.GIVE_THE_NAMESPACE)
                .value();
        ClusterReads reads = new ClusterReads(caller, types, reader, Optional.of(logs), executor);
        Target target = query.resource()
                .map(resource -> named(caller, reads, resource, namespace, name))
                .orElseGet(() -> lookedUp(caller, reads, namespace, name));
        Gathering gathering = new Gathering(reads, target, namespace);
        WorkloadGraph graph = gathering.graph(clock);
        return new WorkloadDiagnosis(
                graph, DiagnosisRules.findings(graph), EventDigest.of(graph.events()), reads.gaps(), reads.requests());
    }

    /** The object of the type the caller named, which must be one a diagnosis starts from. */
    private Target named(Caller caller, ClusterReads reads, String resource, String namespace, String name) {
        ResourceType type = types.resolve(caller, resource, Verb.GET);
        boolean diagnosable = TARGET_TYPES.stream()
                .map(reference -> types.resolve(caller, reference, Verb.GET))
                .anyMatch(candidate -> candidate.group().equals(type.group())
                        && candidate.kind().equals(type.kind()));
        if (!diagnosable) {
            throw new RequestFailedException(
                    Reason.INVALID_ARGUMENT,
                    "A diagnosis starts from a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod or"
                            + " Service, not from " + type.fullyQualifiedName(),
                    Problem.Remedy.READ_THE_OBJECT);
        }
        return reads.getOrThrow(type, Optional.of(namespace), name)
                .map(object -> new Target(type, object))
                .orElseThrow(() -> notFound(type.kind(), namespace, name));
    }

    /** Without a type, every kind a diagnosis starts from is asked at once; a workload wins over a pod or service. */
    private Target lookedUp(Caller caller, ClusterReads reads, String namespace, String name) {
        Map<ResourceType, CompletableFuture<Optional<Map<String, Object>>>> lookups = new LinkedHashMap<>();
        for (String reference : TARGET_TYPES) {
            reads.type(reference, Verb.GET)
                    .ifPresent(type -> lookups.put(
                            type,
                            reads.get(type.kind() + " " + name, Optional.of(type), Optional.of(namespace), name)));
        }
        List<Target> found = new ArrayList<>();
        lookups.forEach(
                (type, lookup) -> ClusterReads.await(lookup).ifPresent(object -> found.add(new Target(type, object))));
        if (found.isEmpty()) {
            throw notFound("workload", namespace, name);
        }
        if (found.size() > 1) {
            reads.gap("Also named " + '"' + name + "\": "
                    + found.subList(1, found.size()).stream()
                            .map(other -> other.type().kind())
                            .collect(Collectors.joining(", "))
                    + "; name the type to diagnose one of those instead.");
        }
        return found.get(0);
    }

    private static RequestFailedException notFound(String what, String namespace, String name) {
        return new RequestFailedException(
                Reason.NOT_FOUND,
                "No " + what + " named \"" + name + "\" in namespace " + namespace,
                Problem.Remedy.LIST_WORKLOADS_OF_THE_NAMESPACE);
    }

    private record Target(ResourceType type, Map<String, Object> object) {}

    /** The reads of one diagnosis and what they found. */
    private static final class Gathering {

        private final ClusterReads reads;
        private final Target target;
        private final String namespace;
        private final Optional<ResourceType> podType;
        private final Optional<ResourceType> eventType;

        Gathering(ClusterReads reads, Target target, String namespace) {
            this.reads = reads;
            this.target = target;
            this.namespace = namespace;
            this.podType = reads.type("pods.v1", Verb.LIST);
            this.eventType = reads.type("events.v1", Verb.LIST);
        }

        WorkloadGraph graph(Clock clock) {
            String kind = target.type().kind();
            ObjectRef ref = Snapshots.ref(target.object());
            CompletableFuture<Listed> events =
                    reads.list("events of namespace " + namespace, eventType, Optional.of(namespace), MAX_EVENTS);
            Optional<WorkloadSnapshot> workload = Optional.empty();
            List<WorkloadSnapshot> related = new ArrayList<>();
            Optional<ServiceSnapshot> service = Optional.empty();
            List<EndpointSliceSnapshot> slices = List.of();
            List<PodSnapshot> pods;
            List<AutoscalerSnapshot> autoscalers = List.of();
            if (kind.equals("Service")) {
                ServiceSnapshot snapshot = Snapshots.service(target.object());
                service = Optional.of(snapshot);
                CompletableFuture<Listed> slicesRead = reads.list(
                        "endpoint slices of " + ref.display(),
                        reads.type("endpointslices.discovery.k8s.io", Verb.LIST),
                        Optional.of(namespace),
                        Optional.of("kubernetes.io/service-name=" + ref.name()),
                        Optional.empty(),
                        MAX_LISTED);
                pods = snapshot.selector().isEmpty()
                        ? List.of()
                        : pods(ClusterReads.await(podsBySelector(snapshot.selector())));
                slices = ClusterReads.await(slicesRead).items().stream()
                        .map(Snapshots::endpointSlice)
                        .toList();
            } else if (kind.equals("Pod")) {
                PodSnapshot pod = Snapshots.pod(target.object());
                pods = List.of(pod);
                related.addAll(ownerChain(pod.owners()));
            } else {
                WorkloadSnapshot snapshot = Snapshots.workload(target.object());
                workload = Optional.of(snapshot);
                CompletableFuture<Listed> autoscalersRead = reads.list(
                        "autoscalers of namespace " + namespace,
                        reads.type("horizontalpodautoscalers.autoscaling", Verb.LIST),
                        Optional.of(namespace),
                        MAX_LISTED);
                pods = switch (kind) {
                    case "Deployment" -> deploymentPods(snapshot, related);
                    case "CronJob" -> cronJobPods(snapshot, related);
                    default -> {
                        if (kind.equals("ReplicaSet")) {
                            related.addAll(ownerChain(snapshot.owners()));
                        }
                        yield ownedBy(pods(ClusterReads.await(podsBySelector(snapshot.selector()))), Set.of(ref.uid()));
                    }
                };
                autoscalers = ClusterReads.await(autoscalersRead).items().stream()
                        .map(Snapshots::autoscaler)
                        .filter(autoscaler -> autoscaler.targetKind().equals(kind)
                                && autoscaler.targetName().equals(ref.name()))
                        .toList();
            }
            CompletableFuture<List<NodeSnapshot>> nodes = nodes(pods);
            CompletableFuture<List<ClaimSnapshot>> claims = claims(pods);
            List<CompletableFuture<LogExcerpt>> excerpts = new FailingContainers(pods).logs(reads, namespace);
            List<PodSnapshot> involvedPods = pods;
            List<ClaimSnapshot> claimSnapshots = ClusterReads.await(claims);
            List<NodeSnapshot> nodeSnapshots = ClusterReads.await(nodes);
            Set<String> involved = involved(ref, related, involvedPods, claimSnapshots, slices);
            List<EventSnapshot> eventSnapshots = ClusterReads.await(events).items().stream()
                    .map(Snapshots::event)
                    .filter(event -> involved.contains(key(event.involved())))
                    .toList();
            return new WorkloadGraph(
                    ref,
                    workload,
                    related,
                    service,
                    slices,
                    pods,
                    nodeSnapshots,
                    claimSnapshots,
                    autoscalers,
                    eventSnapshots,
                    excerpts.stream().map(ClusterReads::await).toList(),
                    clock.instant());
        }

        /** The current and previous replica sets, newest revision first, and the pods they own. */
        private List<PodSnapshot> deploymentPods(WorkloadSnapshot deployment, List<WorkloadSnapshot> related) {
            CompletableFuture<Listed> replicaSets = reads.list(
                    "replica sets of " + deployment.ref().display(),
                    reads.type("replicasets.apps", Verb.LIST),
                    Optional.of(namespace),
                    selector(deployment.selector()),
                    Optional.empty(),
                    MAX_LISTED);
            CompletableFuture<Listed> pods = podsBySelector(deployment.selector());
            List<WorkloadSnapshot> owned = ClusterReads.await(replicaSets).items().stream()
                    .map(Snapshots::workload)
                    .filter(replicaSet ->
                            controlledBy(replicaSet.owners(), deployment.ref().uid()))
                    .sorted(Comparator.comparingLong(DiagnoseWorkloadService::revision)
                            .reversed()
                            .thenComparing(replicaSet -> replicaSet.ref().name()))
                    .toList();
            related.addAll(owned);
            return ownedBy(
                    pods(ClusterReads.await(pods)),
                    owned.stream().map(replicaSet -> replicaSet.ref().uid()).collect(Collectors.toSet()));
        }

        /** The most recent runs of a CronJob and their pods. */
        private List<PodSnapshot> cronJobPods(WorkloadSnapshot cronJob, List<WorkloadSnapshot> related) {
            CompletableFuture<Listed> jobs = reads.list(
                    "jobs of namespace " + namespace,
                    reads.type("jobs.batch", Verb.LIST),
                    Optional.of(namespace),
                    MAX_LISTED);
            CompletableFuture<Listed> pods =
                    reads.list("pods of namespace " + namespace, podType, Optional.of(namespace), MAX_LISTED);
            List<WorkloadSnapshot> runs = ClusterReads.await(jobs).items().stream()
                    .map(Snapshots::workload)
                    .filter(job -> controlledBy(job.owners(), cronJob.ref().uid()))
                    .sorted(Comparator.comparing(
                                    (WorkloadSnapshot job) -> job.ref().name())
                            .reversed())
                    .limit(MAX_CRONJOB_RUNS)
                    .toList();
            related.addAll(runs);
            return ownedBy(
                    pods(ClusterReads.await(pods)),
                    runs.stream().map(job -> job.ref().uid()).collect(Collectors.toSet()));
        }

        /** The controllers above a pod or replica set, up to two levels (ReplicaSet → Deployment, Job → CronJob). */
        private List<WorkloadSnapshot> ownerChain(List<OwnerRef> owners) {
            List<WorkloadSnapshot> chain = new ArrayList<>();
            Optional<OwnerRef> next = controller(owners);
            for (int level = 0; level < 2 && next.isPresent(); level++) {
                OwnerRef owner = next.get();
                Optional<ResourceType> type = ownerType(owner.kind());
                Optional<Map<String, Object>> object = ClusterReads.await(
                        reads.get(owner.kind() + " " + owner.name(), type, Optional.of(namespace), owner.name()));
                if (object.isEmpty()) {
                    break;
                }
                WorkloadSnapshot snapshot = Snapshots.workload(object.get());
                chain.add(snapshot);
                next = controller(snapshot.owners());
            }
            return chain;
        }

        private Optional<ResourceType> ownerType(String kind) {
            return switch (kind) {
                case "ReplicaSet" -> reads.type("replicasets.apps", Verb.GET);
                case "Deployment" -> reads.type("deployments.apps", Verb.GET);
                case "StatefulSet" -> reads.type("statefulsets.apps", Verb.GET);
                case "DaemonSet" -> reads.type("daemonsets.apps", Verb.GET);
                case "Job" -> reads.type("jobs.batch", Verb.GET);
                case "CronJob" -> reads.type("cronjobs.batch", Verb.GET);
                default -> Optional.empty();
            };
        }

        private CompletableFuture<Listed> podsBySelector(Map<String, String> selector) {
            return reads.list(
                    "pods of namespace " + namespace,
                    podType,
                    Optional.of(namespace),
                    selector(selector),
                    Optional.empty(),
                    MAX_LISTED);
        }

        private CompletableFuture<List<NodeSnapshot>> nodes(List<PodSnapshot> pods) {
            return getEach(
                    "nodes.v1",
                    "node",
                    Optional.empty(),
                    pods.stream().flatMap(pod -> pod.nodeName().stream()),
                    MAX_NODES,
                    Snapshots::node);
        }

        private CompletableFuture<List<ClaimSnapshot>> claims(List<PodSnapshot> pods) {
            return getEach(
                    "persistentvolumeclaims.v1",
                    "persistent volume claim",
                    Optional.of(namespace),
                    pods.stream().flatMap(pod -> pod.claimNames().stream()),
                    MAX_CLAIMS,
                    Snapshots::claim);
        }

        /**
         * The objects of one type with these names, each once, in name order and at most {@code max},
         * read concurrently; one that cannot be read is a gap and left out.
         */
        private <T> CompletableFuture<List<T>> getEach(
                String typeReference,
                String what,
                Optional<String> objectNamespace,
                Stream<String> names,
                int max,
                Function<Map<String, Object>, T> snapshot) {
            Optional<ResourceType> type = reads.type(typeReference, Verb.GET);
            List<CompletableFuture<Optional<Map<String, Object>>>> objects = names.distinct()
                    .sorted()
                    .limit(max)
                    .map(name -> reads.get(what + " " + name, type, objectNamespace, name))
                    .toList();
            return all(objects)
                    .thenApply(read -> read.stream()
                            .flatMap(Optional::stream)
                            .map(snapshot)
                            .toList());
        }
    }

    private static <T> CompletableFuture<List<T>> all(List<CompletableFuture<T>> futures) {
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(done -> futures.stream().map(CompletableFuture::join).toList());
    }

    private static List<PodSnapshot> pods(Listed listed) {
        return listed.items().stream()
                .map(Snapshots::pod)
                .sorted(Comparator.comparing(pod -> pod.ref().name()))
                .toList();
    }

    private static List<PodSnapshot> ownedBy(List<PodSnapshot> pods, Set<String> ownerUids) {
        return pods.stream()
                .filter(pod -> pod.owners().stream().anyMatch(owner -> ownerUids.contains(owner.uid())))
                .toList();
    }

    private static boolean controlledBy(List<OwnerRef> owners, String uid) {
        return owners.stream()
                .anyMatch(owner -> owner.controller() && owner.uid().equals(uid));
    }

    private static Optional<OwnerRef> controller(List<OwnerRef> owners) {
        return owners.stream().filter(OwnerRef::controller).findFirst();
    }

    private static long revision(WorkloadSnapshot replicaSet) {
        try {
            return replicaSet.revision().map(Long::parseLong).orElse(0L);
        } catch (NumberFormatException e) {
            return 0L;
        }
    }

    /** A label selector in the API server's syntax; label keys and values from the API need no escaping. */
    static Optional<String> selector(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(labels.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(label -> label.getKey() + "=" + label.getValue())
                .collect(Collectors.joining(",")));
    }

    private static Set<String> involved(
            ObjectRef target,
            List<WorkloadSnapshot> related,
            List<PodSnapshot> pods,
            List<ClaimSnapshot> claims,
            List<EndpointSliceSnapshot> slices) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(key(target));
        related.forEach(workload -> keys.add(key(workload.ref())));
        pods.forEach(pod -> keys.add(key(pod.ref())));
        claims.forEach(claim -> keys.add(key(claim.ref())));
        slices.forEach(slice -> keys.add(key(slice.ref())));
        return keys;
    }

    /** Events name objects by kind and name (their uid may be missing), so that is what they are matched on. */
    private static String key(ObjectRef ref) {
        return ref.kind() + "/" + ref.name();
    }
}
