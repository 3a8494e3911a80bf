package io.kmcp.application.service;

import static io.kmcp.application.service.TestTypes.CALLER;
import static io.kmcp.application.service.TestTypes.PODS;
import static io.kmcp.application.service.WorkloadFixture.metadata;
import static io.kmcp.application.service.WorkloadFixture.runningPod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.application.Problem;
import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.PodLogs;
import io.kmcp.application.port.in.PodLogsQuery;
import io.kmcp.application.port.out.LogRequest;
import io.kmcp.domain.diagnosis.LogFilter;
import io.kmcp.domain.policy.AccessPolicy;
import io.kmcp.domain.resource.SinceSeconds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReadPodLogsServiceTest {

    private final FakeCluster cluster = new FakeCluster(WorkloadFixture.CATALOG);
    private final List<LogRequest> requests = new ArrayList<>();
    private String log = "ready\nGET /health 200\nGET /orders 500 timeout\nGET /health 200\n";
    private final ReadPodLogsService service =
            new ReadPodLogsService(new TypeLookup(cluster, AccessPolicy.builtIn()), cluster, (caller, request) -> {
                requests.add(request);
                return log;
            });

    private static PodLogsQuery query(Optional<String> container, Optional<Integer> tail, Optional<String> grep) {
        return new PodLogsQuery("web-7d9f-a", "shop", container, false, tail, Optional.empty(), Optional.empty(), grep);
    }

    @Test
    @DisplayName("The only container is read without being named; the API server bounds the tail")
    void onlyContainer() {
        cluster.with(PODS, "shop", "web-7d9f-a", runningPod("shop", "web", "7d9f", "a"));

        PodLogs logs = service.read(CALLER, query(Optional.empty(), Optional.of(2), Optional.empty()));

        assertThat(logs.container()).isEqualTo("app");
        assertThat(logs.lines().lines()).containsExactly("GET /orders 500 timeout", "GET /health 200");
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.tailLines()).contains(2);
            assertThat(request.previous()).isFalse();
        });
    }

    @Test
    @DisplayName("grep filters here, over a larger but bounded tail fetched from the API server")
    void grep() {
        cluster.with(PODS, "shop", "web-7d9f-a", runningPod("shop", "web", "7d9f", "a"));

        PodLogs logs = service.read(CALLER, query(Optional.empty(), Optional.empty(), Optional.of("500|ready")));

        assertThat(logs.lines().lines()).containsExactly("ready", "GET /orders 500 timeout");
        assertThat(logs.grep()).contains("500|ready");
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.tailLines()).contains(ReadPodLogsService.GREP_SCAN_LINES);
            assertThat(request.limitBytes()).contains(ReadPodLogsService.GREP_SCAN_BYTES);
        });
    }

    @Test
    @DisplayName("Several containers: the caller must name one, unless the pod names its default")
    void severalContainers() {
        Map<String, Object> pod = podWithAppAndProxy();

        assertThatThrownBy(() -> service.read(CALLER, query(Optional.empty(), Optional.empty(), Optional.empty())))
                .hasMessageContaining("several containers")
                .hasMessageContaining("app, proxy");
        assertThatThrownBy(() -> service.read(CALLER, query(Optional.of("db"), Optional.empty(), Optional.empty())))
                .hasMessageContaining("no container 'db'")
                .hasMessageContaining("app, proxy");
        assertThat(requests).isEmpty();

        metadata(pod).put("annotations", Map.of(ReadPodLogsService.DEFAULT_CONTAINER_ANNOTATION, "proxy"));
        cluster.with(PODS, "shop", "web-7d9f-a", pod);
        assertThat(service.read(CALLER, query(Optional.empty(), Optional.empty(), Optional.empty()))
                        .container())
                .isEqualTo("proxy");
    }

    @Test
    @DisplayName("Bad bounds and a missing pod are clear errors, and no log is requested")
    void refusals() {
        cluster.with(PODS, "shop", "web-7d9f-a", runningPod("shop", "web", "7d9f", "a"));

        assertThatThrownBy(() -> service.read(CALLER, query(Optional.empty(), Optional.of(0), Optional.empty())))
                .extracting(e -> ((RequestFailedException) e).problem().reason())
                .isEqualTo(Reason.INVALID_ARGUMENT);
        assertThatThrownBy(() -> service.read(
                        CALLER,
                        new PodLogsQuery(
                                "web-7d9f-a",
                                "shop",
                                Optional.empty(),
                                false,
                                Optional.empty(),
                                Optional.of(0),
                                Optional.empty(),
                                Optional.empty())))
                .hasMessageContaining("sinceSeconds must be between 1 and");
        assertThatThrownBy(() -> service.read(
                        CALLER,
                        new PodLogsQuery(
                                "gone",
                                "shop",
                                Optional.empty(),
                                true,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty())))
                .hasMessageContaining("No pod named \"gone\"")
                .extracting(e -> ((RequestFailedException) e).problem().reason())
                .isEqualTo(Reason.NOT_FOUND);
        assertThat(requests).isEmpty();
    }

    @Test
    @DisplayName("A named container is read; without grep the API server is asked one line's worth more bytes")
    void namedContainer() {
        podWithAppAndProxy();

        PodLogs logs = service.read(
                CALLER,
                new PodLogsQuery(
                        "web-7d9f-a",
                        "shop",
                        Optional.of("proxy"),
                        true,
                        Optional.empty(),
                        Optional.of(60),
                        Optional.of(1000),
                        Optional.empty()));

        assertThat(logs.container()).isEqualTo("proxy");
        assertThat(logs.previous()).isTrue();
        assertThat(logs.containers()).containsExactly("app", "proxy");
        assertThat(logs.grep()).isEmpty();
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.container()).isEqualTo("proxy");
            assertThat(request.previous()).isTrue();
            assertThat(request.sinceSeconds()).contains(new SinceSeconds(60));
            assertThat(request.tailLines()).contains(LogFilter.DEFAULT_TAIL_LINES);
            assertThat(request.limitBytes()).contains(1000 + 4096);
        });
    }

    @Test
    @DisplayName("Init containers do not count when picking the only container")
    void initContainersIgnored() {
        Map<String, Object> pod = runningPod("shop", "web", "7d9f", "a");
        pod.put(
                "spec",
                Map.of(
                        "initContainers",
                        List.of(Map.of("name", "migrate", "image", "m")),
                        "containers",
                        List.of(Map.of("name", "app", "image", "a"))));
        cluster.with(PODS, "shop", "web-7d9f-a", pod);

        PodLogs logs = service.read(CALLER, query(Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(logs.container()).isEqualTo("app");
        assertThat(logs.containers()).containsExactly("migrate", "app");
    }

    @Test
    @DisplayName("A default container the pod does not have is ignored")
    void unknownDefaultContainer() {
        Map<String, Object> pod = runningPod("shop", "web", "7d9f", "a");
        metadata(pod).put("annotations", Map.of(ReadPodLogsService.DEFAULT_CONTAINER_ANNOTATION, "gone"));
        cluster.with(PODS, "shop", "web-7d9f-a", pod);

        assertThat(service.read(CALLER, query(Optional.empty(), Optional.empty(), Optional.empty()))
                        .container())
                .isEqualTo("app");
    }

    @Test
    @DisplayName("The namespace is required; sinceSeconds takes its whole range and no more")
    void namespaceAndWindow() {
        cluster.with(PODS, "shop", "web-7d9f-a", runningPod("shop", "web", "7d9f", "a"));

        assertThatThrownBy(() -> service.read(
                        CALLER,
                        new PodLogsQuery(
                                "web-7d9f-a",
                                "",
                                Optional.empty(),
                                false,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty())))
                .hasMessage("Pod \"web-7d9f-a\" needs its namespace")
                .extracting(e -> ((RequestFailedException) e).problem())
                .satisfies(problem -> {
                    assertThat(problem.reason()).isEqualTo(Reason.NAMESPACE_REQUIRED);
                    assertThat(problem.remedy()).hasValue(Problem.Remedy.GIVE_THE_NAMESPACE);
                });
        assertThatThrownBy(() -> service.read(CALLER, since(SinceSeconds.MAX + 1)))
                .hasMessage("sinceSeconds must be between 1 and 2592000 (30 days), was 2592001.");
        service.read(CALLER, since(1));
        service.read(CALLER, since(SinceSeconds.MAX));

        assertThat(requests)
                .extracting(request -> request.sinceSeconds().orElseThrow().value())
                .containsExactly(1, SinceSeconds.MAX);
    }

    /** A running pod with two containers, app and proxy, and no default named. */
    private Map<String, Object> podWithAppAndProxy() {
        Map<String, Object> pod = runningPod("shop", "web", "7d9f", "a");
        pod.put(
                "spec",
                Map.of(
                        "containers",
                        List.of(Map.of("name", "app", "image", "a"), Map.of("name", "proxy", "image", "p"))));
        cluster.with(PODS, "shop", "web-7d9f-a", pod);
        return pod;
    }

    private static PodLogsQuery since(int seconds) {
        return new PodLogsQuery(
                "web-7d9f-a",
                "shop",
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.of(seconds),
                Optional.empty(),
                Optional.empty());
    }
}
