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
