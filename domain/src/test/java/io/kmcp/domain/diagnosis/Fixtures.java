package io.kmcp.domain.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.ContainerState.Phase;
import io.kmcp.domain.diagnosis.WorkloadSnapshot.JobCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Snapshots for the rules' tests, built the way a cluster shows them: a Deployment {@code shop/web}
 * with its ReplicaSet {@code web-7d9f} and pods {@code web-7d9f-a}, {@code -b} …, a Service, nodes,
 * claims, events and logs. Everything is healthy unless a test says otherwise.
 */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    public static final String NS = "shop";
    public static final String HASH = "7d9f";

    public static final ObjectRef WEB = new ObjectRef("Deployment", NS, "web", "uid-web");
    public static final ObjectRef WEB_RS = new ObjectRef("ReplicaSet", NS, "web-" + HASH, "uid-web-rs");
    public static final ObjectRef WEB_SERVICE = new ObjectRef("Service", NS, "web", "uid-web-svc");

    public static final String SCHEDULER_MESSAGE = "0/3 nodes are available: 3 Insufficient cpu.";

    private Fixtures() {}

    /** The one finding a rule made, failing the test when it made none or several. */
    public static Finding only(List<Finding> findings) {
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    public static Instant ago(Duration duration) {
        return NOW.minus(duration);
    }

    public static Condition condition(String type, String status) {
        return new Condition(type, status, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static Condition condition(String type, String status, String reason, String message) {
        return new Condition(type, status, Optional.of(reason), Optional.of(message), Optional.empty());
    }

    public static Condition condition(String type, String status, String reason, Instant lastTransition) {
        return new Condition(type, status, Optional.of(reason), Optional.empty(), Optional.of(lastTransition));
    }

    /** A deletion asked for at that time with that grace period, held by those finalizers. */
    public static Deletion deletion(Instant requested, Duration grace, String... finalizers) {
        return new Deletion(requested.plus(grace), grace, List.of(finalizers));
    }

    // Container states.

    public static ContainerState running(Instant startedAt) {
        return new ContainerState(
                Phase.RUNNING,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(startedAt),
                Optional.empty());
    }

    public static ContainerState waiting(String reason, String message) {
        return new ContainerState(
                Phase.WAITING,
                Optional.of(reason),
                Optional.ofNullable(message),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    public static ContainerState terminated(int exitCode, String reason, Duration ran) {
        Instant finished = NOW.minusSeconds(30);
        return new ContainerState(
                Phase.TERMINATED,
                Optional.ofNullable(reason),
                Optional.empty(),
                Optional.of(exitCode),
                Optional.of(finished.minus(ran)),
                Optional.of(finished));
    }

    public static ContainerState terminated(int exitCode, String reason, String message) {
        return new ContainerState(
                Phase.TERMINATED,
                Optional.ofNullable(reason),
                Optional.ofNullable(message),
                Optional.of(exitCode),
                Optional.empty(),
                Optional.empty());
    }

    // Containers.

    public static Container container(String name) {
        return new Container(name);
    }

    /** A container that runs and is ready, unless told otherwise. */
    public static final class Container {

        private final String name;
        private String image;
        private boolean init;
        private boolean ready = true;
        private int restarts;
        private ContainerState state = running(NOW.minus(Duration.ofHours(1)));
        private Optional<ContainerState> last = Optional.empty();
        private Optional<String> memoryLimit = Optional.empty();

        private Container(String name) {
            this.name = name;
            this.image = "registry.example.com/shop/" + name + ":1.4.2";
        }

        public Container image(String value) {
            image = value;
            return this;
        }

        public Container init() {
            init = true;
            return this;
        }

        public Container state(ContainerState value) {
            state = value;
            ready = value.phase() == Phase.RUNNING && ready;
            return this;
        }

        public Container notReady() {
            ready = false;
            return this;
        }

        public Container restarts(int value) {
            restarts = value;
            return this;
        }

        public Container last(ContainerState value) {
            last = Optional.of(value);
            return this;
        }

        public Container memoryLimit(String value) {
            memoryLimit = Optional.of(value);
            return this;
        }

        /** Waiting in CrashLoopBackOff after exiting with code 1 after 2s, 4 restarts. */
        public Container crashLooping() {
            return state(waiting(
                            "CrashLoopBackOff",
                            "back-off 1m20s restarting failed container=" + name + " pod=web-7d9f-a_shop(uid)"))
                    .last(terminated(1, "Error", Duration.ofSeconds(2)))
                    .restarts(4);
        }

        public ContainerSnapshot build() {
            return new ContainerSnapshot(name, image, init, ready, restarts, state, last, memoryLimit);
        }
    }

    // Pods.

    /** A pod of the ReplicaSet web-7d9f, Running and ready, with a ready container app. */
    public static Pod pod(String name) {
        return new Pod(name);
    }

    public static final class Pod {

        private ObjectRef ref;
        private String phase = "Running";
        private Optional<String> nodeName = Optional.of("node-1");
        private final Map<String, String> labels = new HashMap<>(Map.of("app", "web", "pod-template-hash", HASH));
        private List<OwnerRef> owners = List.of(new OwnerRef("ReplicaSet", WEB_RS.name(), WEB_RS.uid(), true));
        private final List<Condition> conditions = new ArrayList<>();
        private final List<Container> containers = new ArrayList<>();
        private final List<String> claims = new ArrayList<>();
        private Optional<Deletion> deletion = Optional.empty();
        private Boolean ready;
        private Optional<String> reason = Optional.empty();
        private Optional<String> message = Optional.empty();

        private Pod(String name) {
            this.ref = new ObjectRef("Pod", NS, name, "uid-" + name);
        }

        public Pod namespace(String namespace) {
            ref = new ObjectRef("Pod", namespace, ref.name(), ref.uid());
            return this;
        }

        public Pod phase(String value) {
            phase = value;
            return this;
        }

        public Pod node(String value) {
            nodeName = Optional.ofNullable(value);
            return this;
        }

        public Pod labels(Map<String, String> value) {
            labels.clear();
            labels.putAll(value);
            return this;
        }

        public Pod ownedBy(OwnerRef... value) {
            owners = List.of(value);
            return this;
        }

        public Pod condition(Condition value) {
            conditions.add(value);
            return this;
        }

        public Pod with(Container... value) {
            containers.addAll(List.of(value));
            return this;
        }

        public Pod claim(String name) {
            claims.add(name);
            return this;
        }

        /** Deleted a moment ago with the default grace period of 30s, so still within it. */
        public Pod terminating() {
            return deleted(deletion(ago(Duration.ofSeconds(5)), Duration.ofSeconds(30)));
        }

        public Pod deleted(Deletion value) {
            deletion = Optional.of(value);
            return this;
        }

        public Pod ready(boolean value) {
            ready = value;
            return this;
        }

        /** Failed as a whole, for the reason and with the message its status gives (Evicted …). */
        public Pod failed(String why, String text) {
            phase = "Failed";
            reason = Optional.of(why);
            message = Optional.ofNullable(text);
            ready = false;
            return this;
        }

        /** Pending: not scheduled, for the reason the scheduler gives. */
        public Pod unschedulable(String message) {
            phase = "Pending";
            nodeName = Optional.empty();
            ready = false;
            return condition(Fixtures.condition("PodScheduled", "False", "Unschedulable", message));
        }

        public PodSnapshot build() {
            List<Container> all = containers.isEmpty() ? List.of(container("app")) : containers;
            List<ContainerSnapshot> built = all.stream().map(Container::build).toList();
            boolean isReady = ready != null
                    ? ready
                    : built.stream().filter(c -> !c.init()).allMatch(ContainerSnapshot::ready);
            List<Condition> withReady = new ArrayList<>(conditions);
            withReady.add(Fixtures.condition("Ready", isReady ? "True" : "False"));
            return new PodSnapshot(
                    ref,
                    phase,
                    reason,
                    message,
                    nodeName,
                    labels,
                    owners,
                    withReady,
                    built,
                    claims,
                    List.of(),
                    Optional.of(NOW.minus(Duration.ofHours(2))),
                    deletion);
        }
    }

    // Workloads.

    public static Workload deployment(int desired, int ready) {
        return new Workload(WEB).desired(desired).ready(ready);
    }

    public static Workload workload(ObjectRef ref) {
        return new Workload(ref);
    }

    public static final class Workload {

        private final ObjectRef ref;
        private Optional<Integer> desired = Optional.of(1);
        private int ready = 1;
        private long generation = 1;
        private long observedGeneration = 1;
        private final List<Condition> conditions = new ArrayList<>();
        private List<OwnerRef> owners = List.of();
        private Optional<String> revision = Optional.empty();
        private JobCounts job = JobCounts.NONE;
        private boolean suspended;
        private Optional<Integer> backoffLimit = Optional.empty();
        private Map<String, String> templateLabels = Map.of("app", "web");
        private Optional<String> hint = Optional.empty();
        private Optional<Deletion> deletion = Optional.empty();

        private Workload(ObjectRef ref) {
            this.ref = ref;
        }

        public Workload desired(int value) {
            desired = Optional.of(value);
            return this;
        }

        public Workload noDesired() {
            desired = Optional.empty();
            return this;
        }

        public Workload ready(int value) {
            ready = value;
            return this;
        }

        public Workload generations(long metadata, long observed) {
            generation = metadata;
            observedGeneration = observed;
            return this;
        }

        public Workload condition(Condition value) {
            conditions.add(value);
            return this;
        }

        public Workload ownedBy(OwnerRef value) {
            owners = List.of(value);
            return this;
        }

        public Workload revision(String value) {
            revision = Optional.of(value);
            return this;
        }

        public Workload job(int active, int succeeded, int failed) {
            job = new JobCounts(active, succeeded, failed);
            return this;
        }

        public Workload suspended() {
            suspended = true;
            return this;
        }

        public Workload backoffLimit(int value) {
            backoffLimit = Optional.of(value);
            return this;
        }

        public Workload templateLabels(Map<String, String> value) {
            templateLabels = value;
            return this;
        }

        public Workload hint(String value) {
            hint = Optional.of(value);
            return this;
        }

        public Workload deleted(Deletion value) {
            deletion = Optional.of(value);
            return this;
        }

        public WorkloadSnapshot build() {
            return new WorkloadSnapshot(
                    ref,
                    Map.of("app", "web"),
                    desired,
                    ready,
                    ready,
                    ready,
                    generation,
                    observedGeneration,
                    conditions,
                    owners,
                    revision,
                    job,
                    suspended,
                    Optional.empty(),
                    backoffLimit,
                    templateLabels,
                    hint,
                    deletion);
        }
    }

    // Other objects.

    public static ServiceSnapshot service(Map<String, String> selector) {
        return new ServiceSnapshot(WEB_SERVICE, "ClusterIP", selector, List.of("80/TCP→8080"));
    }

    public static EndpointSliceSnapshot slice(int ready, int notReady) {
        return new EndpointSliceSnapshot(
                new ObjectRef("EndpointSlice", NS, "web-x7k2p", ""), "web", ready, notReady, List.of());
    }

    public static NodeSnapshot node(String name, boolean ready, boolean unschedulable, List<Condition> problems) {
        return new NodeSnapshot(
                new ObjectRef("Node", "", name, "uid-" + name), ready, unschedulable, problems, List.of(), Map.of());
    }

    public static ClaimSnapshot claim(String name, String phase, String storageClass) {
        return new ClaimSnapshot(
                new ObjectRef("PersistentVolumeClaim", NS, name, "uid-" + name),
                phase,
                Optional.ofNullable(storageClass),
                Optional.empty());
    }

    public static AutoscalerSnapshot autoscaler(int min, int max, int current, int desired, Condition... conditions) {
        return new AutoscalerSnapshot(
                new ObjectRef("HorizontalPodAutoscaler", NS, "web", "uid-hpa"),
                "Deployment",
                "web",
                min,
                max,
                current,
                desired,
                List.of(conditions));
    }

    public static EventSnapshot event(String type, String reason, String kind, String name, String message, int count) {
        return new EventSnapshot(
                type,
                reason,
                message,
                new ObjectRef(kind, NS, name, ""),
                count,
                Optional.of(NOW.minus(Duration.ofMinutes(10))),
                Optional.of(NOW.minus(Duration.ofMinutes(1))),
                Optional.of("kubelet"));
    }

    public static EventSnapshot warning(String reason, String pod, String message, int count) {
        return event("Warning", reason, "Pod", pod, message, count);
    }

    public static LogExcerpt log(String pod, String container, boolean previous, String... lines) {
        return new LogExcerpt(
                new ObjectRef("Pod", NS, pod, ""), container, previous, List.of(lines), false, Optional.empty());
    }

    public static LogExcerpt unavailableLog(String pod, String container, boolean previous, String why) {
        return new LogExcerpt(
                new ObjectRef("Pod", NS, pod, ""), container, previous, List.of(), false, Optional.of(why));
    }

    // Graphs.

    /** A graph about the Deployment shop/web; add pods and what else the test needs. */
    public static Graph graph() {
        return new Graph(WEB).workload(deployment(3, 3));
    }

    public static Graph graph(ObjectRef target) {
        return new Graph(target);
    }

    public static final class Graph {

        private final ObjectRef target;
        private Optional<WorkloadSnapshot> workload = Optional.empty();
        private final List<WorkloadSnapshot> related = new ArrayList<>();
        private Optional<ServiceSnapshot> service = Optional.empty();
        private final List<EndpointSliceSnapshot> slices = new ArrayList<>();
        private final List<PodSnapshot> pods = new ArrayList<>();
        private final List<NodeSnapshot> nodes = new ArrayList<>();
        private final List<ClaimSnapshot> claims = new ArrayList<>();
        private final List<AutoscalerSnapshot> autoscalers = new ArrayList<>();
        private final List<EventSnapshot> events = new ArrayList<>();
        private final List<LogExcerpt> logs = new ArrayList<>();

        private Graph(ObjectRef target) {
            this.target = target;
        }

        public Graph workload(Workload value) {
            workload = Optional.of(value.build());
            return this;
        }

        public Graph noWorkload() {
            workload = Optional.empty();
            return this;
        }

        public Graph related(Workload... value) {
            for (Workload each : value) {
                related.add(each.build());
            }
            return this;
        }

        public Graph service(ServiceSnapshot value) {
            service = Optional.of(value);
            return this;
        }

        public Graph slices(EndpointSliceSnapshot... value) {
            slices.addAll(List.of(value));
            return this;
        }

        public Graph pods(Pod... value) {
            for (Pod each : value) {
                pods.add(each.build());
            }
            return this;
        }

        public Graph nodes(NodeSnapshot... value) {
            nodes.addAll(List.of(value));
            return this;
        }

        public Graph claims(ClaimSnapshot... value) {
            claims.addAll(List.of(value));
            return this;
        }

        public Graph autoscalers(AutoscalerSnapshot... value) {
            autoscalers.addAll(List.of(value));
            return this;
        }

        public Graph events(EventSnapshot... value) {
            events.addAll(List.of(value));
            return this;
        }

        public Graph logs(LogExcerpt... value) {
            logs.addAll(List.of(value));
            return this;
        }

        public WorkloadGraph build() {
            return new WorkloadGraph(
                    target, workload, related, service, slices, pods, nodes, claims, autoscalers, events, logs, NOW);
        }
    }
}
