package io.kmcp.application.service;

import io.kmcp.application.Caller;
import io.kmcp.application.Problem;
import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.DiagnoseWorkload;
import io.kmcp.application.port.in.DiagnoseWorkloadQuery;
import io.kmcp.application.port.in.NamespaceOverview;
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
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.LogExcerpt;
import io.kmcp.domain.diagnosis.NodeSnapshot;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.ObjectSnapshot;
import io.kmcp.domain.diagnosis.OwnerRef;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.RouteSnapshot;
import io.kmcp.domain.diagnosis.ServiceSnapshot;
import io.kmcp.domain.diagnosis.Snapshots;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.WorkloadSnapshot;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.ObjectName;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.Verb;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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

    /** What a bare name is looked up among in a namespace: the workloads first, then what routes or scales them. */
    static final List<String> NAMESPACED_LOOKUP = Stream.concat(
                    TARGET_TYPES.stream(),
                    Stream.of(
                            "ingresses.networking.k8s.io",
                            "httproutes.gateway.networking.k8s.io",
                            "horizontalpodautoscalers.autoscaling",
                            "persistentvolumeclaims.v1"))
            .toList();

    /** What a bare name is looked up among without a namespace. */
    static final List<String> CLUSTER_LOOKUP = List.of("nodes.v1", "namespaces.v1");

    /** Services of one route followed at most, in the order the route names them. */
    static final int MAX_BACKENDS = 10;

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
        Optional<String> namespace = Inputs.valid(
                        () -> NamespaceName.ofNullable(query.namespace().orElse(null)))
                .map(NamespaceName::value);
        ClusterReads reads = new ClusterReads(caller, types, reader, Optional.of(logs), executor);
        Target target = query.resource()
                .map(resource -> named(caller, reads, resource, namespace, name))
                .orElseGet(() -> lookedUp(caller, reads, namespace, name));
        if (target.is("", "Namespace")) {
            return namespaceOverview(caller, reads, target);
        }
        Gathering gathering =
                new Gathering(reads, target, Snapshots.ref(target.object()).namespace());
        WorkloadGraph graph = gathering.graph(clock);
        return new WorkloadDiagnosis(
                graph, DiagnosisRules.findings(graph), EventDigest.of(graph.events()), reads.gaps(), reads.requests());
    }

    /**
     * The object of the type the caller named: any type the caller may read and the policy allows, the
     * namespace required when the type has namespaces.
     */
    private Target named(Caller caller, ClusterReads reads, String resource, Optional<String> namespace, String name) {
        ResourceType type = types.resolve(caller, resource, Verb.GET);
        if (type.namespaced() && namespace.isEmpty()) {
            throw new RequestFailedException(
                    Reason.NAMESPACE_REQUIRED,
                    type.kind() + " objects live in namespaces, so diagnosing \"" + name + "\" needs its namespace",
                    Problem.Remedy.GIVE_THE_NAMESPACE);
        }
        Optional<String> where = type.namespaced() ? namespace : Optional.empty();
        return reads.getOrThrow(type, where, name)
                .map(object -> new Target(type, object))
                .orElseThrow(() -> notFound(type.kind(), where, name));
    }

    /**
     * Without a type, every kind a diagnosis usually starts from is asked at once: in a namespace the
     * workloads, pods, Services, routes, autoscalers and claims; without one, Nodes and Namespaces. A
     * workload wins over what routes or scales it. A kind the cluster does not serve is skipped; one the
     * caller may not read is remembered, to say so if nothing is found.
     */
    private Target lookedUp(Caller caller, ClusterReads reads, Optional<String> namespace, String name) {
        List<String> references = namespace.isPresent() ? NAMESPACED_LOOKUP : CLUSTER_LOOKUP;
        Map<ResourceType, CompletableFuture<Lookup>> lookups = new LinkedHashMap<>();
        for (String reference : references) {
            served(caller, reference)
                    .ifPresent(type -> lookups.put(
                            type, CompletableFuture.supplyAsync(() -> lookup(reads, type, namespace, name), executor)));
        }
        List<Target> found = new ArrayList<>();
        List<String> denied = new ArrayList<>();
        lookups.forEach((type, pending) -> {
            Lookup lookup = ClusterReads.await(pending);
            lookup.object().ifPresent(object -> found.add(new Target(type, object)));
            lookup.denied().ifPresent(why -> denied.add(type.kind() + " (" + why + ")"));
        });
        String tried = lookups.keySet().stream().map(ResourceType::kind).collect(Collectors.joining(", "));
        String place = namespace.map(value -> " in namespace " + value).orElse("");
        if (found.isEmpty() && !denied.isEmpty()) {
            throw new RequestFailedException(
                    Reason.FORBIDDEN,
                    "Nothing named \"" + name + "\" was found" + place + ", but not every kind could be looked at."
                            + " Tried: " + tried + ". Denied: " + String.join("; ", denied)
                            + ". Name the type if it is another kind, or check what you may read there",
                    Problem.Remedy.CHECK_ACCESS);
        }
        if (found.isEmpty()) {
            throw new RequestFailedException(
                    Reason.NOT_FOUND,
                    "No object named \"" + name + "\"" + place + " among the kinds tried: " + tried
                            + (namespace.isPresent()
                                    ? ". Name the type to diagnose any other kind"
                                    : ". Objects of other kinds live in namespaces: give the namespace"),
                    namespace.isPresent()
                            ? Problem.Remedy.LIST_WORKLOADS_OF_THE_NAMESPACE
                            : Problem.Remedy.GIVE_THE_NAMESPACE);
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

    /** A type the cluster serves, or empty: a kind the cluster lacks (no Gateway API) is no gap of a lookup. */
    private Optional<ResourceType> served(Caller caller, String reference) {
        try {
            return Optional.of(types.resolve(caller, reference, Verb.GET));
        } catch (RequestFailedException e) {
            return Optional.empty();
        }
    }

    /** One candidate of a lookup: the object, nothing, or why it could not be read. */
    private static Lookup lookup(ClusterReads reads, ResourceType type, Optional<String> namespace, String name) {
        try {
            return new Lookup(
                    reads.getOrThrow(type, type.namespaced() ? namespace : Optional.empty(), name), Optional.empty());
        } catch (RequestFailedException e) {
            return new Lookup(
                    Optional.empty(), Optional.of(e.problem().reason().name().toLowerCase(Locale.ROOT)));
        }
    }

    private record Lookup(Optional<Map<String, Object>> object, Optional<String> denied) {}

    /**
     * A namespace is diagnosed by its overview: what holds its deletion and its unhealthy workloads,
     * each a finding to diagnose further.
     */
    private WorkloadDiagnosis namespaceOverview(Caller caller, ClusterReads reads, Target target) {
        ObjectRef ref = Snapshots.namespace(target.object()).ref();
        NamespaceOverview overview =
                new SummarizeNamespaceService(types, reader, executor, clock).summarize(caller, ref.name());
        List<Finding> findings = overview.unhealthy().stream()
                .map(unhealthy -> new Finding(
                        unhealthy.severity(),
                        unhealthy.cause(),
                        unhealthy.workload(),
                        unhealthy.summary(),
                        unhealthy.workload().kind().equals("Namespace")
                                ? List.of()
                                : List.of("diagnose " + unhealthy.workload().display() + " for the evidence")))
                .sorted(Finding.MOST_SEVERE_FIRST)
                .toList();
        WorkloadGraph graph = new WorkloadGraph(
                ref,
                Optional.empty(),
                List.of(),
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                clock.instant());
        List<String> gaps = new ArrayList<>(reads.gaps());
        gaps.addAll(overview.gaps());
        return new WorkloadDiagnosis(
                graph, findings, overview.warnings(), gaps, reads.requests() + overview.apiRequests());
    }

    private static RequestFailedException notFound(String what, Optional<String> namespace, String name) {
        return new RequestFailedException(
                Reason.NOT_FOUND,
                "No " + what + " named \"" + name + "\""
                        + namespace.map(value -> " in namespace " + value).orElse(""),
                namespace.isPresent()
                        ? Problem.Remedy.LIST_WORKLOADS_OF_THE_NAMESPACE
                        : Problem.Remedy.LIST_THE_NAMESPACES);
    }

    /** What a diagnosis that does not start at a workload found, before the second wave of reads. */
    private static final class Parts {

        private final ObjectRef target;
        private List<PodSnapshot> pods = List.of();
        private List<EndpointSliceSnapshot> slices = List.of();
        private List<AutoscalerSnapshot> autoscalers = List.of();
        private Optional<RouteSnapshot> route = Optional.empty();
        private List<ServiceSnapshot> backends = List.of();
        private List<ObjectSnapshot> objects = List.of();
        private final List<ObjectRef> involved = new ArrayList<>();

        Parts(ObjectRef target) {
            this.target = target;
        }
    }

    /** Whether the type is one the workload diagnosis starts from (Deployment … Pod, Service). */
    static boolean startsAWorkloadDiagnosis(ResourceType type) {
        return switch (type.group()) {
            case "apps" ->
                Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet").contains(type.kind());
            case "batch" -> Set.of("Job", "CronJob").contains(type.kind());
            case "" -> Set.of("Pod", "Service").contains(type.kind());
            default -> false;
        };
    }

    private record Target(ResourceType type, Map<String, Object> object) {

        boolean is(String group, String kind) {
            return type.group().equals(group) && type.kind().equals(kind);
        }
    }

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
            Map<String, Object> object = target.object();
            if (target.is("networking.k8s.io", "Ingress")) {
                return route(Snapshots.ingress(object), List.of(), clock);
            }
            if (target.is("gateway.networking.k8s.io", "HTTPRoute")) {
                return route(Snapshots.httpRoute(object), List.of(Snapshots.httpRouteStatus(object)), clock);
            }
            if (target.is("autoscaling", "HorizontalPodAutoscaler")) {
                return autoscaler(clock);
            }
            if (target.is("", "PersistentVolumeClaim")) {
                return claim(clock);
            }
            if (target.is("", "Node")) {
                return node(clock);
            }
            if (!startsAWorkloadDiagnosis(target.type())) {
                return judgedByConditions(clock);
            }
            return workload(clock);
        }

        private WorkloadGraph workload(Clock clock) {
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

        /**
         * A route: the Services it sends to (each read once, at most {@link #MAX_BACKENDS}), their
         * endpoint slices and the pods they select (one list each for the namespace), then what the pods
         * point at. The route's TLS Secrets are never read.
         */
        private WorkloadGraph route(RouteSnapshot route, List<ObjectSnapshot> judged, Clock clock) {
            ObjectRef ref = route.ref();
            CompletableFuture<Listed> events = namespaceEvents();
            List<String> names = route.serviceNames();
            if (names.size() > MAX_BACKENDS) {
                reads.gap(ref.display() + " sends to " + names.size() + " Services; the first " + MAX_BACKENDS
                        + " were followed");
            }
            route.unfollowed()
                    .forEach(backend ->
                            reads.gap("not followed (no Service of namespace " + namespace + "): " + backend));
            Optional<ResourceType> serviceType = reads.type("services.v1", Verb.GET);
            List<CompletableFuture<Optional<Map<String, Object>>>> servicesRead = names.stream()
                    .limit(MAX_BACKENDS)
                    .map(name -> reads.get("Service " + name, serviceType, Optional.of(namespace), name))
                    .toList();
            CompletableFuture<Listed> slicesRead = names.isEmpty()
                    ? CompletableFuture.completedFuture(Listed.NOTHING)
                    : reads.list(
                            "endpoint slices of namespace " + namespace,
                            reads.type("endpointslices.discovery.k8s.io", Verb.LIST),
                            Optional.of(namespace),
                            MAX_LISTED);
            CompletableFuture<Listed> podsRead = names.isEmpty()
                    ? CompletableFuture.completedFuture(Listed.NOTHING)
                    : reads.list("pods of namespace " + namespace, podType, Optional.of(namespace), MAX_LISTED);
            List<ServiceSnapshot> backends = servicesRead.stream()
                    .map(ClusterReads::await)
                    .flatMap(Optional::stream)
                    .map(Snapshots::service)
                    .toList();
            Set<String> backendNames =
                    backends.stream().map(service -> service.ref().name()).collect(Collectors.toSet());
            List<EndpointSliceSnapshot> slices = ClusterReads.await(slicesRead).items().stream()
                    .map(Snapshots::endpointSlice)
                    .filter(slice -> backendNames.contains(slice.serviceName()))
                    .toList();
            List<PodSnapshot> pods = pods(ClusterReads.await(podsRead)).stream()
                    .filter(pod -> backends.stream()
                            .anyMatch(service -> !service.selector().isEmpty() && service.selects(pod)))
                    .toList();
            Parts parts = new Parts(ref);
            parts.pods = pods;
            parts.slices = slices;
            parts.route = Optional.of(route);
            parts.backends = backends;
            parts.objects = judged;
            backends.forEach(service -> parts.involved.add(service.ref()));
            return assemble(parts, events, clock);
        }

        /**
         * An autoscaler: the workload it scales, diagnosed as if asked about, told from the autoscaler and
         * with its own conditions judged (ScalingActive False when the metrics cannot be read).
         */
        private WorkloadGraph autoscaler(Clock clock) {
            AutoscalerSnapshot autoscaler = Snapshots.autoscaler(target.object());
            ObjectSnapshot judged = Snapshots.object(target.object());
            Optional<ResourceType> scaledType = ownerType(autoscaler.targetKind());
            Optional<Map<String, Object>> scaled = ClusterReads.await(reads.get(
                    autoscaler.targetKind() + " " + autoscaler.targetName(),
                    scaledType,
                    Optional.of(namespace),
                    autoscaler.targetName()));
            if (scaled.isPresent()) {
                return new Gathering(reads, new Target(scaledType.orElseThrow(), scaled.get()), namespace)
                        .graph(clock)
                        .startingFrom(judged.ref(), List.of(judged));
            }
            if (!reads.couldNotRead(autoscaler.targetKind() + " " + autoscaler.targetName())) {
                reads.gap("the scale target " + autoscaler.targetKind() + " " + autoscaler.targetName()
                        + " of " + judged.ref().display() + " does not exist (or is of a kind a diagnosis does"
                        + " not follow)");
            }
            Parts parts = new Parts(judged.ref());
            parts.autoscalers = List.of(autoscaler);
            parts.objects = List.of(judged);
            return assemble(parts, namespaceEvents(), clock);
        }

        /** A claim: the pods of the namespace that use it (one list), and what they point at. */
        private WorkloadGraph claim(Clock clock) {
            ClaimSnapshot claim = Snapshots.claim(target.object());
            CompletableFuture<Listed> events = namespaceEvents();
            List<PodSnapshot> users = pods(ClusterReads.await(
                            reads.list("pods of namespace " + namespace, podType, Optional.of(namespace), MAX_LISTED)))
                    .stream()
                    .filter(pod -> pod.claimNames().contains(claim.ref().name()))
                    .toList();
            Parts parts = new Parts(claim.ref());
            parts.pods = users;
            return assemble(parts, events, clock);
        }

        /**
         * A node: its conditions, taints and the pods it runs (one list with a field selector, across
         * namespaces, which RBAC may deny: then a gap), and the events about it. Logs are not read: the
         * pods may be anyone's.
         */
        private WorkloadGraph node(Clock clock) {
            NodeSnapshot node = Snapshots.node(target.object());
            String name = node.ref().name();
            CompletableFuture<Listed> events = reads.list(
                    "events about " + node.ref().display(),
                    eventType,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("involvedObject.kind=Node,involvedObject.name=" + name),
                    MAX_EVENTS);
            CompletableFuture<Listed> podsRead = reads.list(
                    "pods of " + node.ref().display(),
                    podType,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("spec.nodeName=" + name),
                    MAX_LISTED);
            List<PodSnapshot> pods = pods(ClusterReads.await(podsRead));
            return new WorkloadGraph(
                    node.ref(),
                    Optional.empty(),
                    List.of(),
                    Optional.empty(),
                    List.of(),
                    pods,
                    List.of(node),
                    List.of(),
                    List.of(),
                    // The field selector already chose the events about the node.
                    ClusterReads.await(events).items().stream()
                            .map(Snapshots::event)
                            .toList(),
                    List.of(),
                    clock.instant());
        }

        /** Any other object, a custom resource included: its status conditions and the events about it. */
        private WorkloadGraph judgedByConditions(Clock clock) {
            ObjectSnapshot judged = Snapshots.object(target.object());
            ObjectRef ref = judged.ref().kind().isEmpty()
                    ? new ObjectRef(
                            target.type().kind(),
                            judged.ref().namespace(),
                            judged.ref().name(),
                            judged.ref().uid())
                    : judged.ref();
            CompletableFuture<Listed> events = namespace.isEmpty()
                    ? reads.list(
                            "events about " + ref.display(),
                            eventType,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.of("involvedObject.kind=" + ref.kind() + ",involvedObject.name=" + ref.name()),
                            MAX_EVENTS)
                    : namespaceEvents();
            Parts parts = new Parts(ref);
            parts.objects = List.of(new ObjectSnapshot(ref, judged.conditions()));
            return assemble(parts, events, clock);
        }

        private CompletableFuture<Listed> namespaceEvents() {
            return reads.list("events of namespace " + namespace, eventType, Optional.of(namespace), MAX_EVENTS);
        }

        /** The second wave around pods found another way than by a workload: their nodes, claims and logs. */
        private WorkloadGraph assemble(Parts parts, CompletableFuture<Listed> events, Clock clock) {
            CompletableFuture<List<NodeSnapshot>> nodes = nodes(parts.pods);
            CompletableFuture<List<ClaimSnapshot>> claimsRead = claims(parts.pods);
            List<CompletableFuture<LogExcerpt>> excerpts = new FailingContainers(parts.pods).logs(reads, namespace);
            List<ClaimSnapshot> claimSnapshots = new ArrayList<>();
            if (target.is("", "PersistentVolumeClaim")) {
                claimSnapshots.add(Snapshots.claim(target.object()));
            }
            ClusterReads.await(claimsRead).stream()
                    .filter(claim -> claimSnapshots.stream()
                            .noneMatch(known ->
                                    known.ref().name().equals(claim.ref().name())))
                    .forEach(claimSnapshots::add);
            List<NodeSnapshot> nodeSnapshots = ClusterReads.await(nodes);
            Set<String> involved = involved(parts.target, List.of(), parts.pods, claimSnapshots, parts.slices);
            parts.involved.forEach(ref -> involved.add(key(ref)));
            List<EventSnapshot> eventSnapshots = ClusterReads.await(events).items().stream()
                    .map(Snapshots::event)
                    .filter(event -> involved.contains(key(event.involved())))
                    .toList();
            return new WorkloadGraph(
                    parts.target,
                    Optional.empty(),
                    List.of(),
                    Optional.empty(),
                    parts.slices,
                    parts.pods,
                    nodeSnapshots,
                    claimSnapshots,
                    parts.autoscalers,
                    eventSnapshots,
                    excerpts.stream().map(ClusterReads::await).toList(),
                    clock.instant(),
                    parts.route,
                    parts.backends,
                    parts.objects);
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
