package io.kmcp.domain.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.kmcp.domain.diagnosis.ContainerState.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The snapshot values")
class SnapshotRecordsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    @DisplayName("a reference displays as kind and namespace/name, or kind and name when cluster-scoped")
    void display() {
        assertThat(new ObjectRef("Pod", "shop", "web-7d9f-abc", "").display()).isEqualTo("Pod shop/web-7d9f-abc");
        assertThat(new ObjectRef("Node", "", "kwok-node-0", "").display()).isEqualTo("Node kwok-node-0");
    }

    @Test
    @DisplayName("a condition is true, false, or neither when Unknown")
    void condition() {
        assertThat(Fixtures.condition("Ready", "True").isTrue()).isTrue();
        assertThat(Fixtures.condition("Ready", "True").isFalse()).isFalse();
        assertThat(Fixtures.condition("Ready", "False").isFalse()).isTrue();
        assertThat(Fixtures.condition("Ready", "False").isTrue()).isFalse();
        assertThat(Fixtures.condition("Ready", "Unknown").isTrue()).isFalse();
        assertThat(Fixtures.condition("Ready", "Unknown").isFalse()).isFalse();
    }

    @Test
    @DisplayName("a container ran from its start to its end, known only with both")
    void ranFor() {
        ContainerState both = new ContainerState(
                Phase.TERMINATED,
                Optional.empty(),
                Optional.empty(),
                Optional.of(1),
                Optional.of(T0),
                Optional.of(T0.plusSeconds(90)));
        ContainerState started = new ContainerState(
                Phase.RUNNING, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(T0), Optional.empty());
        ContainerState finished = new ContainerState(
                Phase.TERMINATED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(T0));

        assertThat(both.ranFor()).contains(Duration.ofSeconds(90));
        assertThat(started.ranFor()).isEmpty();
        assertThat(finished.ranFor()).isEmpty();
    }

    @Test
    @DisplayName("a container waits with a reason only in the waiting phase")
    void waitingWith() {
        assertThat(Fixtures.waiting("CrashLoopBackOff", null).waitingWith("CrashLoopBackOff"))
                .isTrue();
        assertThat(Fixtures.waiting("CrashLoopBackOff", null).waitingWith("ImagePullBackOff"))
                .isFalse();
        assertThat(Fixtures.terminated(1, "CrashLoopBackOff", (String) null).waitingWith("CrashLoopBackOff"))
                .isFalse();
    }

    @Test
    @DisplayName("a pod: a condition by type, ready when Ready is True, restarts summed over its containers")
    void pod() {
        PodSnapshot pod = Fixtures.pod("web-a")
                .with(
                        Fixtures.container("app").restarts(2),
                        Fixtures.container("proxy").restarts(3))
                .condition(Fixtures.condition("PodScheduled", "True"))
                .build();

        assertThat(pod.condition("PodScheduled")).contains(Fixtures.condition("PodScheduled", "True"));
        assertThat(pod.condition("Initialized")).isEmpty();
        assertThat(pod.ready()).isTrue();
        assertThat(Fixtures.pod("web-b").ready(false).build().ready()).isFalse();
        assertThat(pod.restarts()).isEqualTo(5);
        assertThat(pod.controller()).map(OwnerRef::kind).contains("ReplicaSet");
        assertThat(Fixtures.pod("web-c")
                        .ownedBy(new OwnerRef("Node", "n", "", false))
                        .build()
                        .controller())
                .isEmpty();
    }

    @Test
    @DisplayName("a log's last line is the last one that says something")
    void lastLine() {
        ObjectRef pod = new ObjectRef("Pod", "shop", "p", "");

        assertThat(new LogExcerpt(pod, "app", true, List.of("a", "panic: boom", " ", ""), false, Optional.empty())
                        .lastLine())
                .contains("panic: boom");
        assertThat(new LogExcerpt(pod, "app", true, List.of("", "  "), false, Optional.empty()).lastLine())
                .isEmpty();
        assertThat(new LogExcerpt(pod, "app", false, List.of(), false, Optional.of("forbidden by RBAC")).lastLine())
                .isEmpty();
    }

    @Test
    @DisplayName("a workload: a condition by type and its kind")
    void workload() {
        WorkloadSnapshot workload = Fixtures.deployment(1, 1)
                .condition(Fixtures.condition("Available", "True"))
                .build();

        assertThat(workload.condition("Available")).isPresent();
        assertThat(workload.condition("Progressing")).isEmpty();
        assertThat(workload.kind()).isEqualTo("Deployment");
    }

    @Test
    @DisplayName("a container state: why it waits, and whether it ended well, badly, or by an OOM kill")
    void containerStateEnds() {
        ContainerState noExitCode = new ContainerState(
                Phase.TERMINATED,
                Optional.of("Error"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());

        assertThat(Fixtures.waiting("ContainerCreating", null).waitingReason()).contains("ContainerCreating");
        assertThat(Fixtures.terminated(1, "ContainerCreating", (String) null).waitingReason())
                .isEmpty();
        assertThat(Fixtures.terminated(0, "Completed", (String) null).succeeded())
                .isTrue();
        assertThat(Fixtures.terminated(0, "Completed", (String) null).failed()).isFalse();
        assertThat(Fixtures.terminated(2, "Error", (String) null).failed()).isTrue();
        assertThat(Fixtures.terminated(2, "Error", (String) null).succeeded()).isFalse();
        assertThat(noExitCode.succeeded()).isFalse();
        assertThat(noExitCode.failed()).isFalse();
        assertThat(Fixtures.running(T0).succeeded()).isFalse();
        assertThat(Fixtures.running(T0).failed()).isFalse();
        assertThat(Fixtures.terminated(137, "OOMKilled", (String) null).oomKilled())
                .isTrue();
        assertThat(Fixtures.terminated(137, "Error", (String) null).oomKilled()).isFalse();
        assertThat(Fixtures.waiting("OOMKilled", null).oomKilled()).isFalse();
    }

    @Test
    @DisplayName("a container's OOM kill is its current end, or else its previous instance's")
    void oomKill() {
        ContainerState killed = Fixtures.terminated(137, "OOMKilled", Duration.ofSeconds(5));
        ContainerState alsoKilled = Fixtures.terminated(137, "OOMKilled", Duration.ofSeconds(9));

        assertThat(Fixtures.container("app")
                        .state(killed)
                        .last(alsoKilled)
                        .build()
                        .oomKill())
                .containsSame(killed);
        assertThat(Fixtures.container("app")
                        .crashLooping()
                        .last(alsoKilled)
                        .build()
                        .oomKill())
                .containsSame(alsoKilled);
        assertThat(Fixtures.container("app").crashLooping().build().oomKill()).isEmpty();
    }

    @Test
    @DisplayName("a pod: its controller by kind and name, and why it is not scheduled")
    void podControllerAndScheduling() {
        PodSnapshot pod = Fixtures.pod("web-a").build();
        PodSnapshot gated = Fixtures.pod("web-b")
                .condition(Fixtures.condition("PodScheduled", "False", "SchedulingGated", "gated"))
                .build();
        PodSnapshot pending =
                Fixtures.pod("web-c").unschedulable("0/3 nodes are available").build();

        assertThat(pod.controlledBy(Fixtures.WEB_RS)).isTrue();
        assertThat(pod.controlledBy(new ObjectRef("Job", "shop", Fixtures.WEB_RS.name(), "")))
                .isFalse();
        assertThat(pod.controlledBy(new ObjectRef("ReplicaSet", "shop", "web-5c4b", "")))
                .isFalse();
        assertThat(Fixtures.pod("loose").ownedBy().build().controlledBy(Fixtures.WEB_RS))
                .isFalse();
        assertThat(pod.notScheduled()).isEmpty();
        assertThat(gated.notScheduled()).map(Condition::reason).contains(Optional.of("SchedulingGated"));
        assertThat(gated.unschedulable()).isEmpty();
        assertThat(pending.unschedulable()).map(Condition::message).contains(Optional.of("0/3 nodes are available"));
    }

    @Test
    @DisplayName("a workload: whether its kind reports observedGeneration, and whether the controller lags behind")
    void observedGeneration() {
        for (String kind : List.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet")) {
            WorkloadSnapshot behind = Fixtures.workload(new ObjectRef(kind, "shop", "x", ""))
                    .generations(2, 1)
                    .build();
            assertThat(behind.reportsObservedGeneration()).as(kind).isTrue();
            assertThat(behind.generationNotObserved()).as(kind).isTrue();
        }
        for (String kind : List.of("Job", "CronJob")) {
            WorkloadSnapshot behind = Fixtures.workload(new ObjectRef(kind, "shop", "x", ""))
                    .generations(2, 1)
                    .build();
            assertThat(behind.reportsObservedGeneration()).as(kind).isFalse();
            assertThat(behind.generationNotObserved()).as(kind).isFalse();
        }
        assertThat(Fixtures.deployment(1, 1).generations(2, 2).build().generationNotObserved())
                .isFalse();
        assertThat(Fixtures.deployment(1, 1).generations(2, 3).build().generationNotObserved())
                .isFalse();
    }

    @Test
    @DisplayName("a workload: a Job's completion or failure, a Deployment's exceeded progress deadline")
    void workloadConditions() {
        ObjectRef job = new ObjectRef("Job", "shop", "migrate", "");
        WorkloadSnapshot done = Fixtures.workload(job)
                .condition(Fixtures.condition("Complete", "True"))
                .condition(Fixtures.condition("Failed", "False"))
                .build();
        WorkloadSnapshot failed = Fixtures.workload(job)
                .condition(Fixtures.condition("Complete", "False"))
                .condition(Fixtures.condition("Failed", "True"))
                .build();
        WorkloadSnapshot stuck = Fixtures.deployment(1, 0)
                .condition(Fixtures.condition("Progressing", "False", "ProgressDeadlineExceeded", "timed out"))
                .build();

        assertThat(done.isJob()).isTrue();
        assertThat(stuck.isJob()).isFalse();
        assertThat(done.completion()).isPresent();
        assertThat(done.failure()).isEmpty();
        assertThat(failed.completion()).isEmpty();
        assertThat(failed.failure()).isPresent();
        assertThat(stuck.progressDeadlineExceeded()).map(Condition::message).contains(Optional.of("timed out"));
        assertThat(Fixtures.deployment(1, 0)
                        .condition(Fixtures.condition("Progressing", "True", "ProgressDeadlineExceeded", "x"))
                        .build()
                        .progressDeadlineExceeded())
                .isEmpty();
        assertThat(Fixtures.deployment(1, 0)
                        .condition(Fixtures.condition("Progressing", "False", "ReplicaSetUpdated", "x"))
                        .build()
                        .progressDeadlineExceeded())
                .isEmpty();
    }

    @Test
    @DisplayName("an autoscaler: a condition by type, and whether it wants its maximum")
    void autoscaler() {
        AutoscalerSnapshot limited = Fixtures.autoscaler(1, 5, 5, 5, Fixtures.condition("ScalingLimited", "True"));

        assertThat(limited.condition("ScalingLimited")).contains(Fixtures.condition("ScalingLimited", "True"));
        assertThat(limited.condition("ScalingActive")).isEmpty();
        assertThat(limited.wantsMaximum()).isTrue();
        assertThat(Fixtures.autoscaler(1, 5, 5, 6).wantsMaximum()).isTrue();
        assertThat(Fixtures.autoscaler(1, 5, 5, 4).wantsMaximum()).isFalse();
        assertThat(Fixtures.autoscaler(0, 0, 0, 0).wantsMaximum())
                .as("no maximum read")
                .isFalse();
    }

    @Test
    @DisplayName(
            "a node is healthy when ready, under no pressure and not cordoned; a claim is unbound when Pending or Lost")
    void nodeAndClaim() {
        assertThat(Fixtures.node("n", true, false, List.of()).healthy()).isTrue();
        assertThat(Fixtures.node("n", false, false, List.of()).healthy()).isFalse();
        assertThat(Fixtures.node("n", true, true, List.of()).healthy()).isFalse();
        assertThat(Fixtures.node("n", true, false, List.of(Fixtures.condition("DiskPressure", "True")))
                        .healthy())
                .isFalse();
        assertThat(Fixtures.claim("data", "Pending", null).unbound()).isTrue();
        assertThat(Fixtures.claim("data", "Lost", null).unbound()).isTrue();
        assertThat(Fixtures.claim("data", "Lost", null).lost()).isTrue();
        assertThat(Fixtures.claim("data", "Bound", null).unbound()).isFalse();
        assertThat(Fixtures.claim("data", "Pending", null).lost()).isFalse();
    }

    @Test
    @DisplayName("a Service selects the pods of its namespace that carry every label of its selector")
    void serviceSelects() {
        ServiceSnapshot service = Fixtures.service(java.util.Map.of("app", "web"));

        assertThat(service.selects(Fixtures.pod("web-a").build())).isTrue();
        assertThat(service.selects(Fixtures.pod("web-b").namespace("other").build()))
                .isFalse();
        assertThat(service.selects(Fixtures.pod("web-c")
                        .labels(java.util.Map.of("app", "api"))
                        .build()))
                .isFalse();
    }

    @Test
    @DisplayName("a graph's workloads: the one asked about first, then the related ones")
    void workloads() {
        WorkloadGraph graph =
                Fixtures.graph().related(Fixtures.workload(Fixtures.WEB_RS)).build();

        assertThat(graph.workloads()).extracting(WorkloadSnapshot::ref).containsExactly(Fixtures.WEB, Fixtures.WEB_RS);
        assertThat(Fixtures.graph(Fixtures.WEB_SERVICE).build().workloads()).isEmpty();
    }

    @Test
    @DisplayName("findings are told most severe first, then by cause, then by subject")
    void findingOrder() {
        ObjectRef a = new ObjectRef("Pod", "shop", "a", "");
        ObjectRef b = new ObjectRef("Pod", "shop", "b", "");
        Finding infoA = new Finding(Severity.INFO, "A", a, "", List.of());
        Finding criticalB = new Finding(Severity.CRITICAL, "B", a, "", List.of());
        Finding criticalAOnB = new Finding(Severity.CRITICAL, "A", b, "", List.of());
        Finding criticalAOnA = new Finding(Severity.CRITICAL, "A", a, "", List.of());

        assertThat(java.util.stream.Stream.of(infoA, criticalB, criticalAOnB, criticalAOnA)
                        .sorted(Finding.MOST_SEVERE_FIRST))
                .containsExactly(criticalAOnA, criticalAOnB, criticalB, infoA);
    }

    @Test
    @DisplayName("lists are copied, so a snapshot never changes behind its reader's back")
    void defensiveCopies() {
        List<String> lines = new ArrayList<>(List.of("a"));
        LogExcerpt excerpt =
                new LogExcerpt(new ObjectRef("Pod", "", "p", ""), "c", false, lines, false, Optional.empty());
        lines.add("b");
        List<String> kept = new ArrayList<>(List.of("x"));
        LogLines logLines = new LogLines(kept, 1, 0, 1);
        kept.clear();

        assertThat(excerpt.lines()).containsExactly("a");
        assertThat(logLines.lines()).containsExactly("x");
    }

    @Test
    @DisplayName("values are null-free: absent is an empty Optional or an empty string")
    void nullFree() {
        Optional<String> none = Optional.empty();
        ObjectRef ref = new ObjectRef("Pod", "", "p", "");
        assertThatNullPointerException().isThrownBy(() -> new ObjectRef(null, "", "", ""));
        assertThatNullPointerException().isThrownBy(() -> new ObjectRef("", null, "", ""));
        assertThatNullPointerException().isThrownBy(() -> new ObjectRef("", "", null, ""));
        assertThatNullPointerException().isThrownBy(() -> new ObjectRef("", "", "", null));
        assertThatNullPointerException().isThrownBy(() -> new OwnerRef(null, "", "", true));
        assertThatNullPointerException().isThrownBy(() -> new OwnerRef("", null, "", true));
        assertThatNullPointerException().isThrownBy(() -> new OwnerRef("", "", null, true));
        assertThatNullPointerException().isThrownBy(() -> new Condition("Ready", "True", null, none, Optional.empty()));
        assertThatNullPointerException().isThrownBy(() -> new Condition("Ready", "True", none, none, null));
        assertThatNullPointerException()
                .isThrownBy(
                        () -> new ContainerState(Phase.RUNNING, none, none, Optional.empty(), Optional.empty(), null));
        assertThatNullPointerException()
                .isThrownBy(() -> new ContainerSnapshot(
                        "c", "i", false, false, 0, ContainerState.UNKNOWN, Optional.empty(), null));
        assertThatNullPointerException()
                .isThrownBy(
                        () -> new EventSnapshot("Normal", "r", "m", ref, 1, Optional.empty(), Optional.empty(), null));
        assertThatNullPointerException()
                .isThrownBy(() -> new EventGroup("Normal", "r", ref, "m", 1, Optional.empty(), null));
        assertThatNullPointerException().isThrownBy(() -> new ClaimSnapshot(ref, "Pending", Optional.empty(), null));
        assertThatNullPointerException().isThrownBy(() -> new Finding(Severity.INFO, "c", ref, null, List.of()));
        assertThatNullPointerException().isThrownBy(() -> new LogExcerpt(ref, "c", false, List.of(), false, null));
        assertThatNullPointerException()
                .isThrownBy(() -> new ServiceSnapshot(ref, null, java.util.Map.of(), List.of()));
        assertThatNullPointerException().isThrownBy(() -> new EndpointSliceSnapshot(ref, null, 0, 0, List.of()));
        assertThatNullPointerException()
                .isThrownBy(() -> new NodeSnapshot(null, true, false, List.of(), List.of(), java.util.Map.of()));
        assertThatNullPointerException()
                .isThrownBy(() -> new AutoscalerSnapshot(ref, "Deployment", null, 1, 2, 1, 1, List.of()));
    }
}
