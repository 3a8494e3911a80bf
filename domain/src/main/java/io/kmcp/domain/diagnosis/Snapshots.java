package io.kmcp.domain.diagnosis;

import io.kmcp.domain.diagnosis.WorkloadSnapshot.JobCounts;
import io.kmcp.domain.resource.JsonTree;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses raw API objects (JSON-decoded maps) into snapshots. Tolerant by design: whatever is missing
 * or malformed reads as absent, so a snapshot can always be taken.
 */
public final class Snapshots {

    /** Claims made before storageClassName existed name their class in this annotation. */
    static final String LEGACY_STORAGE_CLASS = "volume.beta.kubernetes.io/storage-class";

    static final String REVISION = "deployment.kubernetes.io/revision";

    private Snapshots() {}

    public static ObjectRef ref(Map<String, ?> object) {
        JsonTree raw = JsonTree.of(object);
        return new ObjectRef(
                raw.at("kind").string(""),
                raw.at("metadata.namespace").string(""),
                raw.at("metadata.name").string(""),
                raw.at("metadata.uid").string(""));
    }

    public static PodSnapshot pod(Map<String, ?> object) {
        JsonTree raw = JsonTree.of(object);
        ObjectRef ref = ref(object);
        if (ref.kind().isEmpty()) {
            ref = new ObjectRef("Pod", ref.namespace(), ref.name(), ref.uid());
        }
        List<ContainerSnapshot> containers = new ArrayList<>();
        containers.addAll(containers(raw.at("spec.initContainers"), raw.at("status.initContainerStatuses"), true));
        containers.addAll(containers(raw.at("spec.containers"), raw.at("status.containerStatuses"), false));
        List<String> claims = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        for (JsonTree volume : raw.at("spec.volumes").list()) {
            volume.at("persistentVolumeClaim.claimName").string().ifPresent(claims::add);
            if (volume.at("ephemeral.volumeClaimTemplate").present()) {
                // The claim of a generic ephemeral volume is named after the pod and the volume.
                claims.add(ref.name() + "-" + volume.at("name").string(""));
            }
            volume.at("secret.secretName").string().ifPresent(secrets::add);
            for (JsonTree source : volume.at("projected.sources").list()) {
                source.at("secret.name").string().ifPresent(secrets::add);
            }
        }
        List<JsonTree> allContainers =
                new ArrayList<>(raw.at("spec.initContainers").list());
        allContainers.addAll(raw.at("spec.containers").list());
        for (JsonTree container : allContainers) {
            for (JsonTree env : container.at("env").list()) {
                env.at("valueFrom.secretKeyRef.name").string().ifPresent(secrets::add);
            }
            for (JsonTree from : container.at("envFrom").list()) {
                from.at("secretRef.name").string().ifPresent(secrets::add);
            }
        }
        for (JsonTree pullSecret : raw.at("spec.imagePullSecrets").list()) {
            pullSecret.at("name").string().ifPresent(secrets::add);
        }
        return new PodSnapshot(
                ref,
                raw.at("status.phase").string("Unknown"),
                raw.at("status.reason").string(),
                raw.at("status.message").string(),
                raw.at("spec.nodeName").string(),
                raw.at("metadata.labels").strings(),
                owners(raw),
                conditions(raw.at("status.conditions")),
                containers,
                claims.stream().distinct().toList(),
                secrets.stream().distinct().sorted().toList(),
                raw.at("metadata.creationTimestamp").instant(),
                Deletion.of(raw));
    }

    private static List<ContainerSnapshot> containers(JsonTree specs, JsonTree statuses, boolean init) {
        List<ContainerSnapshot> containers = new ArrayList<>();
        for (JsonTree spec : specs.list()) {
            String name = spec.at("name").string("");
            Optional<JsonTree> status = statuses.list().stream()
                    .filter(candidate -> candidate.at("name").string("").equals(name))
                    .findFirst();
            containers.add(new ContainerSnapshot(
                    name,
                    status.flatMap(s -> s.at("image").string())
                            .orElse(spec.at("image").string("")),
                    init,
                    status.map(s -> s.at("ready").bool()).orElse(false),
                    status.map(s -> s.at("restartCount").integer(0)).orElse(0),
                    status.map(s -> state(s.at("state"))).orElse(ContainerState.UNKNOWN),
                    status.map(s -> s.at("lastState.terminated"))
                            .filter(JsonTree::present)
                            .map(terminated -> state(ContainerState.Phase.TERMINATED, terminated)),
                    spec.at("resources.limits.memory").string()));
        }
        return containers;
    }

    private static ContainerState state(JsonTree state) {
        if (state.at("waiting").present()) {
            return state(ContainerState.Phase.WAITING, state.at("waiting"));
        }
        if (state.at("running").present()) {
            return state(ContainerState.Phase.RUNNING, state.at("running"));
        }
        if (state.at("terminated").present()) {
            return state(ContainerState.Phase.TERMINATED, state.at("terminated"));
        }
        return ContainerState.UNKNOWN;
    }

    private static ContainerState state(ContainerState.Phase phase, JsonTree details) {
        return new ContainerState(
                phase,
                details.at("reason").string(),
                details.at("message").string().map(String::strip),
                details.at("exitCode").integer(),
                details.at("startedAt").instant(),
                details.at("finishedAt").instant());
    }

    public static WorkloadSnapshot workload(Map<String, ?> object) {
        JsonTree raw = JsonTree.of(object);
        ObjectRef ref = ref(object);
        String kind = ref.kind();
        JsonTree status = raw.at("status");
        Optional<Integer> desired;
        int ready;
        int updated;
        int available;
        switch (kind) {
            case "DaemonSet" -> {
                desired = status.at("desiredNumberScheduled").integer();
                ready = status.at("numberReady").integer(0);
                updated = status.at("updatedNumberScheduled").integer(0);
                available = status.at("numberAvailable").integer(0);
            }
            case "Job" -> {
                desired = raw.at("spec.completions").integer().or(() -> Optional.of(1));
                ready = status.at("ready").integer(0);
                updated = 0;
                available = status.at("succeeded").integer(0);
            }
            case "CronJob" -> {
                desired = Optional.empty();
                ready = 0;
                updated = 0;
                available = 0;
            }
            default -> {
                // Deployments, StatefulSets and ReplicaSets default to one replica when none is asked.
                desired = raw.at("spec.replicas").integer().or(() -> Optional.of(1));
                ready = status.at("readyReplicas").integer(0);
                updated = status.at("updatedReplicas").integer(0);
                available = status.at("availableReplicas").integer(0);
            }
        }
        JsonTree template = kind.equals("CronJob") ? raw.at("spec.jobTemplate.spec.template") : raw.at("spec.template");
        return new WorkloadSnapshot(
                ref,
                selector(raw),
                desired,
                ready,
                updated,
                available,
                raw.at("metadata.generation").number().orElse(0L),
                status.at("observedGeneration").number().orElse(0L),
                conditions(status.at("conditions")),
                owners(raw),
                Optional.ofNullable(raw.at("metadata.annotations").strings().get(REVISION)),
                kind.equals("Job")
                        ? new JobCounts(
                                status.at("active").integer(0),
                                status.at("succeeded").integer(0),
                                status.at("failed").integer(0))
                        : JobCounts.NONE,
                raw.at("spec.suspend").bool(),
                status.at("lastScheduleTime").instant(),
                raw.at("spec.backoffLimit").integer(),
                template.at("metadata.labels").strings(),
                hint(raw, template),
                Deletion.of(raw));
    }

    /** The match labels of a label selector, or the plain map of a ReplicationController's selector. */
    private static Map<String, String> selector(JsonTree raw) {
        Map<String, String> matchLabels = raw.at("spec.selector.matchLabels").strings();
        return matchLabels.isEmpty() ? raw.at("spec.selector").strings() : matchLabels;
    }

    /**
     * Where the pods' placement and storage come from, the usual suspects when pods stay Pending: the
     * node selector of the template and the claim templates of a StatefulSet.
     */
    private static Optional<String> hint(JsonTree raw, JsonTree template) {
        List<String> parts = new ArrayList<>();
        Map<String, String> nodeSelector = template.at("spec.nodeSelector").strings();
        if (!nodeSelector.isEmpty()) {
            parts.add("nodeSelector " + Labels.selector(nodeSelector));
        }
        for (JsonTree claim : raw.at("spec.volumeClaimTemplates").list()) {
            parts.add("volumeClaimTemplate " + claim.at("metadata.name").string("?") + " ("
                    + claim.at("spec.storageClassName")
                            .string()
                            .map(name -> "storage class " + name)
                            .orElse("default storage class")
                    + ")");
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
    }

    public static ServiceSnapshot service(Map<String, ?> object) {
        JsonTree raw = JsonTree.of(object);
        List<String> ports = new ArrayList<>();
        List<String> portNames = new ArrayList<>();
        for (JsonTree port : raw.at("spec.ports").list()) {
            port.at("name").string().filter(name -> !name.isEmpty()).ifPresent(portNames::add);
            String text =
                    port.at("port").string("?") + "/" + port.at("protocol").string("TCP");
            Optional<String> target = port.at("targetPort").string();
            ports.add(target.filter(t -> !t.equals(port.at("port").string("")))
                    .map(t -> text + "→" + t)
                    .orElse(text));
        }
        return new ServiceSnapshot(
                ref(object),
                raw.at("spec.type").string("ClusterIP"),
                raw.at("spec.selector").strings(),
                ports,
                portNames);
    }

    public static EndpointSliceSnapshot endpointSlice(Map<String, ?> object) {
        JsonTree raw = JsonTree.of(object);
        int ready = 0;
        int notReady = 0;
        List<String> pods = new ArrayList<>();
        for (JsonTree endpoint : raw.at("endpoints").list()) {
            // An endpoint without the ready condition counts as ready, as kube-proxy treats it.
            JsonTree condition = endpoint.at("conditions.ready");
            if (!condition.present() || condition.bool()) {
                ready++;
            } else {
                notReady++;
            }
            if (endpoint.at("targetRef.kind").string("").equals("Pod")) {
                endpoint.at("targetRef.name").string().ifPresent(pods::add);
            }
        }
        return new EndpointSliceSnapshot(
                ref(object),
                raw.at("metadata.labels").strings().getOrDefault("kubernetes.io/service-name", ""),
                ready,
                notReady,
                pods);
    }

    public static NodeSnapshot node(Map<String, ?> object) {
        JsonTree raw = JsonTree.of(object);
        ObjectRef ref = ref(object);
        if (ref.kind().isEmpty()) {
            ref = new ObjectRef("Node", "", ref.name(), ref.uid());
        }
        List<Condition> conditions = conditions(raw.at("status.conditions"));
        boolean ready = conditions.stream().anyMatch(c -> c.type().equals("Ready") && c.isTrue());
        List<Condition> problems = conditions.stream()
                .filter(c -> c.type().equals("Ready") ? !c.isTrue() : c.isTrue())
                .toList();
        List<String> taints = new ArrayList<>();
        for (JsonTree taint : raw.at("spec.taints").list()) {
            taints.add(taint.at("key").string("")
                    + taint.at("value").string().map(v -> "=" + v).orElse("")
                    + ":" + taint.at("effect").string(""));
        }
        return new NodeSnapshot(
                ref,
                ready,
                raw.at("spec.unschedulable").bool(),
                problems,
                taints,
                raw.at("status.allocatable").strings());
    }

    public static ClaimSnapshot claim(Map<String, ?> object) {
        JsonTree raw = JsonTree.of(object);
        ObjectRef ref = ref(object);
        if (ref.kind().isEmpty()) {
            ref = new ObjectRef("PersistentVolumeClaim", ref.namespace(), ref.name(), ref.uid());
        }
        return new ClaimSnapshot(
                ref,
                raw.at("status.phase").string("Pending"),
                raw.at("spec.storageClassName")
                        .string()
                        .or(() -> Optional.ofNullable(
                                raw.at("metadata.annotations").strings().get(LEGACY_STORAGE_CLASS))),
                raw.at("spec.volumeName").string());
    }

    /** A namespace: its deletion, if one is pending, and the conditions that tell what holds it up. */
    public static NamespaceSnapshot namespace(Map<String, ?> object) {
        JsonTree raw = JsonTree.of(object);
        ObjectRef ref = ref(object);
        return new NamespaceSnapshot(
                new ObjectRef("Namespace", "", ref.name(), ref.uid()),
                raw.at("status.phase").string("Active"),
                Deletion.of(raw, raw.at("spec.finalizers").list()),
                conditions(raw.at("status.conditions")));
    }

    public static AutoscalerSnapshot autoscaler(Map<String, ?> object) {
        JsonTree raw = JsonTree.of(object);
        return new AutoscalerSnapshot(
                ref(object),
                raw.at("spec.scaleTargetRef.kind").string(""),
                raw.at("spec.scaleTargetRef.name").string(""),
                raw.at("spec.minReplicas").integer(1),
                raw.at("spec.maxReplicas").integer(0),
                raw.at("status.currentReplicas").integer(0),
                raw.at("status.desiredReplicas").integer(0),
                conditions(raw.at("status.conditions")));
    }

    /** Any object by its kind, name and {@code status.conditions}, the shape most controllers report in. */
    public static ObjectSnapshot object(Map<String, ?> object) {
        return new ObjectSnapshot(ref(object), conditions(JsonTree.of(object).at("status.conditions")));
    }

    /**
     * An Ingress as the Services it sends to: its default backend, then every path of every rule. A
     * resource backend is no Service and is told, not followed; the TLS Secrets are never looked at.
     */
    public static RouteSnapshot ingress(Map<String, ?> object) {
        JsonTree raw = JsonTree.of(object);
        List<RouteSnapshot.Backend> backends = new ArrayList<>();
        List<String> unfollowed = new ArrayList<>();
        JsonTree fallback = raw.at("spec.defaultBackend");
        if (fallback.present()) {
            ingressBackend("default backend", fallback, backends, unfollowed);
        }
        for (JsonTree rule : raw.at("spec.rules").list()) {
            String host = rule.at("host").string("*");
            for (JsonTree path : rule.at("http.paths").list()) {
                ingressBackend(host + path.at("path").string("/"), path.at("backend"), backends, unfollowed);
            }
        }
        return new RouteSnapshot(withKind(ref(object), "Ingress"), backends, unfollowed);
    }

    private static void ingressBackend(
            String where, JsonTree backend, List<RouteSnapshot.Backend> backends, List<String> unfollowed) {
        Optional<String> service = backend.at("service.name").string();
        if (service.isEmpty()) {
            unfollowed.add(where + " → " + backend.at("resource.kind").string("a resource") + " "
                    + backend.at("resource.name").string(""));
            return;
        }
        Optional<String> port = backend.at("service.port.number")
                .string()
                .or(() -> backend.at("service.port.name").string());
        backends.add(new RouteSnapshot.Backend(where, service.get(), port));
    }

    /**
     * A Gateway API HTTPRoute as the Services its rules send to. Backends of another kind, or of another
     * namespace, are told and not followed.
     */
    public static RouteSnapshot httpRoute(Map<String, ?> object) {
        JsonTree raw = JsonTree.of(object);
        ObjectRef ref = withKind(ref(object), "HTTPRoute");
        List<String> hostnames = raw.at("spec.hostnames").list().stream()
                .flatMap(hostname -> hostname.string().stream())
                .toList();
        String hosts = hostnames.isEmpty() ? "*" : String.join(",", hostnames);
        List<RouteSnapshot.Backend> backends = new ArrayList<>();
        List<String> unfollowed = new ArrayList<>();
        List<JsonTree> rules = raw.at("spec.rules").list();
        for (int index = 0; index < rules.size(); index++) {
            String where = hosts + " rule " + (index + 1);
            for (JsonTree backend : rules.get(index).at("backendRefs").list()) {
                String name = backend.at("name").string("");
                String kind = backend.at("kind").string("Service");
                String group = backend.at("group").string("");
                String namespace = backend.at("namespace").string(ref.namespace());
                if (!kind.equals("Service") || !group.isEmpty() || !namespace.equals(ref.namespace())) {
                    unfollowed.add(where + " → " + kind + " "
                            + (namespace.equals(ref.namespace()) ? "" : namespace + "/") + name);
                    continue;
                }
                backends.add(new RouteSnapshot.Backend(
                        where, name, backend.at("port").string()));
            }
        }
        return new RouteSnapshot(ref, backends, unfollowed);
    }

    /**
     * An HTTPRoute by the conditions each parent (Gateway) reports about it, the parent named in each
     * message: Accepted and ResolvedRefs live there, not in {@code status.conditions}.
     */
    public static ObjectSnapshot httpRouteStatus(Map<String, ?> object) {
        JsonTree raw = JsonTree.of(object);
        List<Condition> conditions = new ArrayList<>();
        for (JsonTree parent : raw.at("status.parents").list()) {
            String gateway = parent.at("parentRef.name").string("?");
            for (Condition condition : conditions(parent.at("conditions"))) {
                conditions.add(new Condition(
                        condition.type(),
                        condition.status(),
                        condition.reason(),
                        Optional.of("parent " + gateway
                                + condition.message().map(text -> ": " + text).orElse("")),
                        condition.lastTransition()));
            }
        }
        return new ObjectSnapshot(withKind(ref(object), "HTTPRoute"), conditions);
    }

    private static ObjectRef withKind(ObjectRef ref, String kind) {
        return ref.kind().isEmpty() ? new ObjectRef(kind, ref.namespace(), ref.name(), ref.uid()) : ref;
    }

    /** An event of core/v1 (involvedObject, count, timestamps) or events.k8s.io/v1 (regarding, note, series). */
    public static EventSnapshot event(Map<String, ?> object) {
        JsonTree raw = JsonTree.of(object);
        boolean newApi =
                raw.at("regarding").present() && !raw.at("involvedObject").present();
        JsonTree involved = newApi ? raw.at("regarding") : raw.at("involvedObject");
        ObjectRef ref = new ObjectRef(
                involved.at("kind").string(""),
                involved.at("namespace").string(raw.at("metadata.namespace").string("")),
                involved.at("name").string(""),
                involved.at("uid").string(""));
        int count = raw.at("series.count")
                .integer()
                .or(() -> raw.at(newApi ? "deprecatedCount" : "count").integer())
                .orElse(1);
        Optional<Instant> eventTime = raw.at("eventTime").instant();
        Optional<Instant> first = raw.at(newApi ? "deprecatedFirstTimestamp" : "firstTimestamp")
                .instant()
                .or(() -> eventTime);
        Optional<Instant> last = raw.at("series.lastObservedTime")
                .instant()
                .or(() -> raw.at(newApi ? "deprecatedLastTimestamp" : "lastTimestamp")
                        .instant())
                .or(() -> eventTime)
                .or(() -> raw.at("metadata.creationTimestamp").instant());
        Optional<String> source = raw.at(newApi ? "reportingController" : "source.component")
                .string()
                .or(() -> raw.at("reportingComponent").string());
        return new EventSnapshot(
                raw.at("type").string("Normal"),
                raw.at("reason").string(""),
                raw.at(newApi ? "note" : "message")
                        .string()
                        .or(() -> raw.at("message").string())
                        .orElse("")
                        .strip(),
                ref,
                Math.max(1, count),
                first,
                last,
                source);
    }

    private static List<OwnerRef> owners(JsonTree raw) {
        List<OwnerRef> owners = new ArrayList<>();
        for (JsonTree owner : raw.at("metadata.ownerReferences").list()) {
            owners.add(new OwnerRef(
                    owner.at("kind").string(""),
                    owner.at("name").string(""),
                    owner.at("uid").string(""),
                    owner.at("controller").bool()));
        }
        return owners;
    }

    /** The status conditions of any object, in the order the API server lists them. */
    public static List<Condition> conditions(Map<String, ?> object) {
        return conditions(JsonTree.of(object).at("status.conditions"));
    }

    private static List<Condition> conditions(JsonTree conditions) {
        List<Condition> parsed = new ArrayList<>();
        for (JsonTree condition : conditions.list()) {
            parsed.add(new Condition(
                    condition.at("type").string(""),
                    condition.at("status").string("Unknown"),
                    condition.at("reason").string(),
                    condition.at("message").string().map(String::strip),
                    condition.at("lastTransitionTime").instant()));
        }
        return parsed;
    }
}
