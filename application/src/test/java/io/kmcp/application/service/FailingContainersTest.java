package io.kmcp.application.service;

import static io.kmcp.application.service.TestTypes.CALLER;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.application.port.out.LogRequest;
import io.kmcp.domain.diagnosis.ContainerSnapshot;
import io.kmcp.domain.diagnosis.ContainerState;
import io.kmcp.domain.diagnosis.ContainerState.Phase;
import io.kmcp.domain.diagnosis.LogExcerpt;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.policy.AccessPolicy;
import io.kmcp.domain.resource.ObjectName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The containers whose logs a diagnosis reads")
class FailingContainersTest {

    private static final ContainerState RUNNING = state(Phase.RUNNING, null, null);

    private final FakeCluster cluster = new FakeCluster(WorkloadFixture.CATALOG);
    private final List<LogRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private String log = "starting\npanic: boom\n";

    private final ClusterReads reads = new ClusterReads(
            CALLER,
            new TypeLookup(cluster, AccessPolicy.builtIn()),
            cluster,
            Optional.of((caller, request) -> {
                requests.add(request);
                return log;
            }),
            Runnable::run);

    private static ContainerState state(Phase phase, String reason, Integer exitCode) {
        return new ContainerState(
                phase,
                Optional.ofNullable(reason),
                Optional.empty(),
                Optional.ofNullable(exitCode),
                Optional.empty(),
                Optional.empty());
    }

    private static ContainerSnapshot container(String name, int restarts, ContainerState state) {
        return new ContainerSnapshot(name, "img", false, false, restarts, state, Optional.empty(), Optional.empty());
    }

    private static ContainerSnapshot restarted(String name, int restarts, ContainerState state) {
        return new ContainerSnapshot(
                name,
                "img",
                false,
                false,
                restarts,
                state,
                Optional.of(state(Phase.TERMINATED, "Error", 1)),
                Optional.empty());
    }

    private static PodSnapshot pod(String name, ContainerSnapshot... containers) {
        return new PodSnapshot(
                new ObjectRef("Pod", "shop", name, "uid-" + name),
                "Running",
                Optional.empty(),
                Optional.empty(),
                Optional.of("node-1"),
                Map.of(),
                List.of(),
                List.of(),
                List.of(containers),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty());
    }

    private List<LogExcerpt> excerpts(PodSnapshot... pods) {
        return new FailingContainers(List.of(pods))
                .logs(reads, "shop").stream().map(CompletableFuture::join).toList();
    }

    @Test
    @DisplayName("A container fails when it restarted, exited non-zero or backs off; not when it runs or exited 0")
    void failing() {
        assertThat(FailingContainers.failing(container("app", 0, RUNNING))).isFalse();
        assertThat(FailingContainers.failing(container("app", 1, RUNNING))).isTrue();
        assertThat(FailingContainers.failing(container("app", 0, state(Phase.TERMINATED, "Completed", 0))))
                .isFalse();
        assertThat(FailingContainers.failing(container("app", 0, state(Phase.TERMINATED, "Error", 2))))
                .isTrue();
        assertThat(FailingContainers.failing(container("app", 0, state(Phase.TERMINATED, "Unknown", null))))
                .isFalse();
        assertThat(FailingContainers.failing(container("app", 0, state(Phase.WAITING, "CrashLoopBackOff", null))))
                .isTrue();
        assertThat(FailingContainers.failing(container("app", 0, state(Phase.WAITING, "ContainerCreating", null))))
                .isFalse();
        assertThat(FailingContainers.failing(container("app", 0, state(Phase.WAITING, null, null))))
                .isFalse();
        assertThat(FailingContainers.failing(container("app", 0, state(Phase.RUNNING, "CrashLoopBackOff", 3))))
                .isFalse();
    }

    @Test
    @DisplayName("One pod per failing container name, the first in pod order, and at most three containers")
    void chosen() {
        PodSnapshot first = pod(
                "web-a",
                container("app", 0, RUNNING),
                container("sidecar", 2, RUNNING),
                container("proxy", 0, RUNNING));
        PodSnapshot second = pod(
                "web-b",
                container("app", 3, RUNNING),
                container("sidecar", 5, RUNNING),
                container("metrics", 1, RUNNING),
                container("agent", 1, RUNNING));

        Map<String, PodSnapshot> chosen = new FailingContainers(List.of(first, second)).chosen();

        assertThat(chosen.keySet()).containsExactly("sidecar", "app", "metrics");
        assertThat(chosen.get("sidecar").ref().name()).isEqualTo("web-a");
        assertThat(chosen.get("app").ref().name()).isEqualTo("web-b");
        assertThat(new FailingContainers(List.of(pod("ok", container("app", 0, RUNNING)))).chosen())
                .isEmpty();
    }

    @Test
    @DisplayName("A container waiting in back-off after a crash: only the previous instance's log is read")
    void backingOffReadsThePreviousLog() {
        List<LogExcerpt> excerpts =
                excerpts(pod("web-a", restarted("app", 4, state(Phase.WAITING, "CrashLoopBackOff", null))));

        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.pod()).isEqualTo(new ObjectName("web-a"));
            assertThat(request.container()).isEqualTo("app");
            assertThat(request.previous()).isTrue();
        });
        assertThat(excerpts).singleElement().satisfies(excerpt -> {
            assertThat(excerpt.previous()).isTrue();
            assertThat(excerpt.lines()).containsExactly("starting", "panic: boom");
            assertThat(excerpt.truncated()).isFalse();
            assertThat(excerpt.unavailable()).isEmpty();
        });
    }

    @Test
    @DisplayName("A container running again after restarts: both the previous and the current log are read")
    void runningAgainReadsBothLogs() {
        excerpts(pod("web-a", restarted("app", 1, RUNNING)));

        assertThat(requests).extracting(LogRequest::previous).containsExactly(true, false);
    }

    @Test
    @DisplayName("Restarts without a recorded termination still read the previous log, and the current one")
    void restartsWithoutTermination() {
        excerpts(pod("web-a", container("app", 1, state(Phase.WAITING, "CrashLoopBackOff", null))));

        assertThat(requests).extracting(LogRequest::previous).containsExactly(true, false);
    }

    @Test
    @DisplayName("A container that exited with an error and never restarted: only its current log is read")
    void crashedOnce() {
        excerpts(pod("web-a", container("app", 0, state(Phase.TERMINATED, "Error", 1))));

        assertThat(requests).extracting(LogRequest::previous).containsExactly(false);
    }

    @Test
    @DisplayName("The failing container of a pod is the one read, not its healthy neighbour")
    void theFailingContainerOfThePod() {
        excerpts(pod("web-a", container("proxy", 0, RUNNING), restarted("app", 2, RUNNING)));

        assertThat(requests).extracting(LogRequest::container).containsExactly("app", "app");
        assertThat(requests).extracting(LogRequest::previous).containsExactly(true, false);
    }

    @Test
    @DisplayName("A long log is cut to its last lines and said to be truncated")
    void longLogTruncated() {
        log = IntStream.rangeClosed(1, DiagnoseWorkloadService.LOG_TAIL_LINES + 1)
                .mapToObj(line -> "line " + line)
                .collect(Collectors.joining("\n"));

        List<LogExcerpt> excerpts = excerpts(pod("web-a", container("app", 0, state(Phase.TERMINATED, "Error", 1))));

        assertThat(excerpts).singleElement().satisfies(excerpt -> {
            assertThat(excerpt.truncated()).isTrue();
            assertThat(excerpt.lines()).hasSize(DiagnoseWorkloadService.LOG_TAIL_LINES);
            assertThat(excerpt.lastLine()).contains("line " + (DiagnoseWorkloadService.LOG_TAIL_LINES + 1));
        });
    }

    @Test
    @DisplayName("A log of exactly the tail is whole, not truncated")
    void logOfExactlyTheTail() {
        log = IntStream.rangeClosed(1, DiagnoseWorkloadService.LOG_TAIL_LINES)
                .mapToObj(line -> "line " + line)
                .collect(Collectors.joining("\n"));

        List<LogExcerpt> excerpts = excerpts(pod("web-a", container("app", 0, state(Phase.TERMINATED, "Error", 1))));

        assertThat(excerpts)
                .singleElement()
                .satisfies(excerpt -> assertThat(excerpt.truncated()).isFalse());
    }

    @Test
    @DisplayName("Without a log reader the excerpt says why it is empty")
    void noLogReader() {
        ClusterReads withoutLogs = new ClusterReads(
                CALLER, new TypeLookup(cluster, AccessPolicy.builtIn()), cluster, Optional.empty(), Runnable::run);

        List<LogExcerpt> excerpts = new FailingContainers(List.of(
                        pod("web-a", container("app", 0, state(Phase.TERMINATED, "Error", 1)))))
                .logs(withoutLogs, "shop").stream().map(CompletableFuture::join).toList();

        assertThat(excerpts).singleElement().satisfies(excerpt -> {
            assertThat(excerpt.lines()).isEmpty();
            assertThat(excerpt.truncated()).isFalse();
            assertThat(excerpt.unavailable()).contains("no log reader");
        });
        assertThat(withoutLogs.requests()).isZero();
    }
}
