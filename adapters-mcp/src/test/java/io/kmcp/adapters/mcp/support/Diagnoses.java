package io.kmcp.adapters.mcp.support;

import io.kmcp.application.port.in.ClusterOverview;
import io.kmcp.application.port.in.NamespaceOverview;
import io.kmcp.application.port.in.PendingPod;
import io.kmcp.application.port.in.QuotaUsage;
import io.kmcp.application.port.in.UnhealthyWorkload;
import io.kmcp.application.port.in.WorkloadDiagnosis;
import io.kmcp.domain.diagnosis.Condition;
import io.kmcp.domain.diagnosis.ContainerSnapshot;
import io.kmcp.domain.diagnosis.ContainerState;
import io.kmcp.domain.diagnosis.EndpointSliceSnapshot;
import io.kmcp.domain.diagnosis.EventGroup;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.LogExcerpt;
import io.kmcp.domain.diagnosis.NodeSnapshot;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.OwnerRef;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.ServiceSnapshot;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.WorkloadSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Diagnoses and overviews as the use cases return them: a crash-looping Deployment, a healthy one. */
public final class Diagnoses {

    public static final Instant NOW = TestClock.NOW;

    public static final ObjectRef DEPLOYMENT = new ObjectRef("Deployment", "shop", "web", "uid-d");
    public static final ObjectRef CURRENT_SET = new ObjectRef("ReplicaSet", "shop", "web-7d9f", "uid-rs3");
    public static final ObjectRef PREVIOUS_SET = new ObjectRef("ReplicaSet", "shop", "web-5c4b", "uid-rs2");
    public static final ObjectRef POD_A = new ObjectRef("Pod", "shop", "web-7d9f-abc", "uid-a");
    public static final ObjectRef POD_B = new ObjectRef("Pod", "shop", "web-7d9f-xyz", "uid-b");

    private Diagnoses() {}

    /** {@code Deployment shop/web}: 0/2 ready, both pods in CrashLoopBackOff, a panic in the previous log. */
    public static WorkloadDiagnosis crashLooping() {
        List<PodSnapshot> pods = List.of(crashingPod(POD_A), crashingPod(POD_B));
        WorkloadGraph graph = new WorkloadGraph(
                DEPLOYMENT,
                Optional.of(deployment(0, 2)),
                List.of(replicaSet(CURRENT_SET, "3", 0, 2), replicaSet(PREVIOUS_SET, "2", 0, 0)),
                Optional.of(service()),
                List.of(new EndpointSliceSnapshot(
                        new ObjectRef("EndpointSlice", "shop", "web-k2x8p", ""),
                        "web",
                        0,
                        2,
                        List.of(POD_A.name(), POD_B.name()))),
                pods,
                List.of(new NodeSnapshot(
                        new ObjectRef("Node", "", "kwok-node-0", ""), true, false, List.of(), List.of(), Map.of())),
                List.of(),
                List.of(),
                List.of(),
                List.of(new LogExcerpt(
                        POD_A,
                        "app",
                        true,
                        List.of(
                                "2026-06-01T11:59:20Z starting web 1.4.2",
                                "2026-06-01T11:59:21Z connecting to db:5432",
                                "panic: cannot connect to database at db:5432"),
                        false,
                        Optional.empty())),
                NOW);
        List<Finding> findings = List.of(
                new Finding(
                        Severity.CRITICAL,
                        "CrashLoopBackOff",
                        DEPLOYMENT,
                        "container app of 2/2 pods of Deployment shop/web keeps crashing: exit code 1 (Error) after"
                                + " ~2s, 4 restarts",
                        List.of(
                                "last log line: panic: cannot connect to database at db:5432",
                                "back-off 40s restarting failed container=app pod=web-7d9f-abc")),
                new Finding(
                        Severity.WARNING,
                        "ReplicasUnavailable",
                        DEPLOYMENT,
                        "0/2 replicas ready",
                        List.of("see CrashLoopBackOff")));
        List<EventGroup> events = List.of(
                new EventGroup(
                        "Warning",
                        "BackOff",
                        POD_A,
                        "Back-off restarting failed container app in pod web-7d9f-abc",
                        12,
                        Optional.of(NOW.minusSeconds(600)),
                        Optional.of(NOW.minusSeconds(30))),
                new EventGroup(
                        "Normal",
                        "Pulled",
                        POD_A,
                        "Container image \"shop/web:1.4.2\" already present on machine",
                        5,
                        Optional.of(NOW.minusSeconds(600)),
                        Optional.of(NOW.minusSeconds(95))));
        return new WorkloadDiagnosis(graph, findings, events, List.of(), 9);
    }

    /** {@code Deployment shop/web}: 2/2 ready, nothing restarted. */
    public static WorkloadDiagnosis healthy() {
        List<PodSnapshot> pods = List.of(runningPod(POD_A), runningPod(POD_B));
        WorkloadGraph graph = new WorkloadGraph(
                DEPLOYMENT,
                Optional.of(deployment(2, 2)),
                List.of(replicaSet(CURRENT_SET, "3", 2, 2)),
                Optional.empty(),
                List.of(),
                pods,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                NOW);
        List<EventGroup> events = List.of(new EventGroup(
                "Normal",
                "ScalingReplicaSet",
                DEPLOYMENT,
                "Scaled up replica set web-7d9f to 2",
                1,
                Optional.of(NOW.minusSeconds(3600)),
                Optional.of(NOW.minusSeconds(3600))));
        return new WorkloadDiagnosis(graph, List.of(), events, List.of(), 6);
    }

    public static WorkloadSnapshot deployment(int ready, int desired) {
        return new WorkloadSnapshot(
                DEPLOYMENT,
                Map.of("app", "web"),
                Optional.of(desired),
                ready,
                desired,
                ready,
                3,
                3,
                List.of(),
                List.of(),
                Optional.of("3"),
                new WorkloadSnapshot.JobCounts(0, 0, 0),
                false,
                Optional.empty(),
                Optional.empty(),
                Map.of("app", "web"),
                Optional.empty(),
                Optional.empty());
    }

    private static WorkloadSnapshot replicaSet(ObjectRef ref, String revision, int ready, int desired) {
        return new WorkloadSnapshot(
                ref,
                Map.of("app", "web"),
                Optional.of(desired),
                ready,
                desired,
                ready,
                1,
                1,
                List.of(),
                List.of(new OwnerRef("Deployment", "web", "uid-d", true)),
                Optional.of(revision),
                new WorkloadSnapshot.JobCounts(0, 0, 0),
                false,
                Optional.empty(),
                Optional.empty(),
                Map.of("app", "web"),
                Optional.empty(),
                Optional.empty());
    }

    private static ServiceSnapshot service() {
        return new ServiceSnapshot(
                new ObjectRef("Service", "shop", "web", "uid-s"),
                "ClusterIP",
                Map.of("app", "web"),
                List.of("80/TCP→8080"));
    }

    public static PodSnapshot crashingPod(ObjectRef ref) {
        ContainerState waiting = new ContainerState(
                ContainerState.Phase.WAITING,
                Optional.of("CrashLoopBackOff"),
                Optional.of("back-off 40s restarting failed container=app pod=" + ref.name()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        ContainerState crashed = new ContainerState(
                ContainerState.Phase.TERMINATED,
                Optional.of("Error"),
                Optional.empty(),
                Optional.of(1),
                Optional.of(NOW.minusSeconds(42)),
                Optional.of(NOW.minusSeconds(40)));
        return pod(
                ref,
                false,
                List.of(new ContainerSnapshot(
                        "app",
                        "shop/web:1.4.2",
                        false,
                        false,
                        4,
                        waiting,
                        Optional.of(crashed),
                        Optional.of("128Mi"))));
    }

    public static PodSnapshot runningPod(ObjectRef ref) {
        ContainerState running = new ContainerState(
                ContainerState.Phase.RUNNING,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(NOW.minusSeconds(3600)),
                Optional.empty());
        return pod(
                ref,
                true,
                List.of(new ContainerSnapshot(
                        "app", "shop/web:1.4.2", false, true, 0, running, Optional.empty(), Optional.of("128Mi"))));
    }

    private static PodSnapshot pod(ObjectRef ref, boolean ready, List<ContainerSnapshot> containers) {
        return new PodSnapshot(
                ref,
                "Running",
                Optional.empty(),
                Optional.empty(),
                Optional.of("kwok-node-0"),
                Map.of("app", "web"),
                List.of(new OwnerRef("ReplicaSet", CURRENT_SET.name(), CURRENT_SET.uid(), true)),
                List.of(new Condition(
                        "Ready",
                        ready ? "True" : "False",
                        ready ? Optional.empty() : Optional.of("ContainersNotReady"),
                        Optional.empty(),
                        Optional.empty())),
                containers,
                List.of(),
                List.of("db-credentials"),
                Optional.of(NOW.minusSeconds(7200)),
                Optional.empty());
    }

    /** Namespace shop with the crash-looping Deployment, a pending pod, warnings and a quota. */
    public static NamespaceOverview namespaceOverview() {
        return new NamespaceOverview(
                "shop",
                Map.of("Deployment", 3, "Pod", 7, "Service", 2),
                List.of(new UnhealthyWorkload(
                        DEPLOYMENT,
                        Severity.CRITICAL,
                        "CrashLoopBackOff",
                        "container app of 2/2 pods keeps crashing: exit code 1 (Error)")),
                List.of(new PendingPod(
                        new ObjectRef("Pod", "shop", "worker-0", ""), "0/3 nodes are available: 3 Insufficient cpu.")),
                List.of(new EventGroup(
                        "Warning",
                        "BackOff",
                        POD_A,
                        "Back-off restarting failed container app in pod web-7d9f-abc",
                        12,
                        Optional.empty(),
                        Optional.of(NOW.minusSeconds(30)))),
                List.of(new QuotaUsage("compute", "requests.cpu", "1500m", "2")),
                List.of(),
                5);
    }

    /** Three nodes, one not ready, and one unhealthy workload. */
    public static ClusterOverview clusterOverview() {
        return new ClusterOverview(
                List.of(
                        new NodeSnapshot(
                                new ObjectRef("Node", "", "node-a", ""), true, false, List.of(), List.of(), Map.of()),
                        new NodeSnapshot(
                                new ObjectRef("Node", "", "node-b", ""),
                                false,
                                true,
                                List.of(new Condition(
                                        "Ready",
                                        "Unknown",
                                        Optional.of("NodeStatusUnknown"),
                                        Optional.of("Kubelet stopped posting node status."),
                                        Optional.empty())),
                                List.of("node.kubernetes.io/unreachable:NoSchedule"),
                                Map.of()),
                        new NodeSnapshot(
                                new ObjectRef("Node", "", "node-c", ""), true, false, List.of(), List.of(), Map.of())),
                12,
                Map.of("Deployment", 20, "Pod", 64),
                List.of(new UnhealthyWorkload(
                        DEPLOYMENT, Severity.CRITICAL, "CrashLoopBackOff", "container app of 2/2 pods keeps crashing")),
                List.of(),
                List.of(),
                List.of("events: forbidden: cannot list events at the cluster scope"),
                14);
    }

    /** A use case that must not run: for definitions only. */
    public static WorkloadDiagnosis unused(
            io.kmcp.application.Caller caller, io.kmcp.application.port.in.DiagnoseWorkloadQuery query) {
        throw new AssertionError("not expected");
    }
}
