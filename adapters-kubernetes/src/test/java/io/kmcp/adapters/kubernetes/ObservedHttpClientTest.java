package io.kmcp.adapters.kubernetes;

import static io.kmcp.adapters.kubernetes.testbed.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapListBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.kmcp.adapters.kubernetes.observability.ApiRequestMetrics;
import io.kmcp.application.BearerToken;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Every request of a pooled client is observed: started on the caller's thread, ended once")
class ObservedHttpClientTest {

    private static final BearerToken TOKEN =
            new BearerToken("s3cr3t-t0ken", Instant.now().plusSeconds(600));

    private final KubernetesMockServer server = new KubernetesMockServer(false);
    private final List<String> observed = new CopyOnWriteArrayList<>();

    /** Records what it is told, and the thread a request started on. */
    private final ApiRequestObserver recorder = (cluster, request) -> {
        String start = cluster + " " + request.verb() + " " + request.resource() + " on "
                + Thread.currentThread().getName();
        return new ApiRequestObserver.Request() {
            @Override
            public void answered(int status) {
                observed.add(start + " → " + status);
            }

            @Override
            public void failed(Throwable failure) {
                observed.add(start + " → no answer");
            }
        };
    };

    @AfterEach
    void stop() {
        server.destroy();
    }

    @Test
    @DisplayName("An answered request is told with its status; the start is on the thread that sent it")
    void answered() {
        server.init();
        server.expect()
                .get()
                .withPath("/api/v1/namespaces/shop/configmaps")
                .andReturn(200, new ConfigMapListBuilder().build())
                .once();
        server.expect()
                .get()
                .withPath("/api/v1/namespaces/shop/configmaps/missing")
                .andReturn(404, new StatusBuilder().withCode(404).build())
                .once();
        String thread = Thread.currentThread().getName();

        try (KubernetesClient client = client(new Fabric8ClientFactory(recorder), server.url("/"))) {
            client.configMaps().inNamespace("shop").list();
            client.configMaps().inNamespace("shop").withName("missing").get();
        }

        // The end is told on the HTTP client's thread, which may come after the caller has its answer.
        within(
                Duration.ofSeconds(5),
                () -> assertThat(observed)
                        .containsExactly(
                                "mock list configmaps on " + thread + " → 200",
                                "mock get configmaps on " + thread + " → 404"));
    }

    @Test
    @DisplayName("A request that gets no answer is told so, once")
    void unanswered() throws IOException {
        try (KubernetesClient client = client(new Fabric8ClientFactory(recorder), "http://127.0.0.1:" + closedPort())) {
            assertThatThrownBy(() -> client.configMaps().inNamespace("shop").list())
                    .isInstanceOf(KubernetesClientException.class);
        }

        within(
                Duration.ofSeconds(5),
                () -> assertThat(observed)
                        .singleElement()
                        .asString()
                        .startsWith("mock list configmaps")
                        .endsWith("→ no answer"));
    }

    @Test
    @DisplayName("Metrics count requests by cluster, verb and code: no path, no name, no token")
    void metrics() throws IOException {
        server.init();
        server.expect()
                .get()
                .withPath("/api/v1/namespaces/shop/configmaps")
                .andReturn(200, new ConfigMapListBuilder().build())
                .times(2);
        MeterRegistry registry = new SimpleMeterRegistry();
        Fabric8ClientFactory observedByMetrics = new Fabric8ClientFactory(new ApiRequestMetrics(registry, Tracer.NOOP));

        try (KubernetesClient client = client(observedByMetrics, server.url("/"))) {
            client.configMaps().inNamespace("shop").list();
            client.configMaps().inNamespace("shop").list();
        }
        try (KubernetesClient client = client(observedByMetrics, "http://127.0.0.1:" + closedPort())) {
            assertThatThrownBy(() -> client.configMaps().inNamespace("shop").list())
                    .isInstanceOf(KubernetesClientException.class);
        }

        within(Duration.ofSeconds(5), () -> {
            assertThat(count(registry, "200")).isEqualTo(2);
            return assertThat(count(registry, "none")).isEqualTo(1);
        });
        assertThat(registry.get("kmcp.api.request")
                        .tags("cluster", "mock", "verb", "list", "code", "200")
                        .timer()
                        .count())
                .isEqualTo(2);
        assertThat(registry.getMeters())
                .flatExtracting(meter -> meter.getId().getTags())
                .allSatisfy(tag -> assertThat(tag.getKey()).isIn("cluster", "verb", "code", "le"))
                .allSatisfy(tag -> assertThat(tag.getValue()).doesNotContain("shop", "configmaps", "s3cr3t"));
    }

    private static double count(MeterRegistry registry, String code) {
        return registry.get("kmcp.api.requests")
                .tags("cluster", "mock", "verb", "list", "code", code)
                .counter()
                .count();
    }

    private static KubernetesClient client(Fabric8ClientFactory factory, String url) {
        return factory.create(
                new ClusterConnection(
                        "mock",
                        URI.create(url),
                        Optional.empty(),
                        Optional.empty(),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5),
                        true),
                TOKEN);
    }

    /** A port nothing listens on: taken, then given back. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
