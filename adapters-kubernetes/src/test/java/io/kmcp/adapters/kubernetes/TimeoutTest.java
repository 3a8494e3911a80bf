package io.kmcp.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.application.BearerToken;
import io.kmcp.application.Caller;
import io.kmcp.application.Problem;
import io.kmcp.application.RequestFailedException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A silent or absent API server fails fast as UNAVAILABLE instead of hanging")
class TimeoutTest {

    private static final Caller CALLER = new Caller(
            "silent",
            "system:serviceaccount:a:b",
            new BearerToken("t", Instant.now().plus(Duration.ofHours(1))));

    private static ClusterConnection plainHttp(int port, Duration requestTimeout) {
        return new ClusterConnection(
                "silent",
                URI.create("http://127.0.0.1:" + port),
                Optional.empty(),
                Optional.empty(),
                Duration.ofSeconds(2),
                requestTimeout,
                true);
    }

    @Test
    @DisplayName("a server that accepts the connection and never answers hits the request timeout")
    void readTimeout() throws IOException {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();

            try (KubernetesClientPool pool = new KubernetesClientPool(
                    KubernetesClusters.of(plainHttp(silent.getLocalPort(), Duration.ofMillis(500))),
                    PoolSettings.defaults())) {
                long started = System.nanoTime();
                assertThatThrownBy(() -> new Fabric8ResourceCatalog(pool, DiscoverySettings.defaults()).catalog(CALLER))
                        .isInstanceOfSatisfying(
                                RequestFailedException.class,
                                e -> assertThat(e.problem().reason()).isEqualTo(Problem.Reason.UNAVAILABLE))
                        .hasMessageContaining("did not answer within 500 ms");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    @DisplayName("a port nobody listens on is UNAVAILABLE, naming the URL")
    void connectionRefused() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (KubernetesClientPool pool = new KubernetesClientPool(
                KubernetesClusters.of(plainHttp(port, Duration.ofSeconds(2))), PoolSettings.defaults())) {
            assertThatThrownBy(() -> new Fabric8ResourceCatalog(pool, DiscoverySettings.defaults()).catalog(CALLER))
                    .isInstanceOfSatisfying(
                            RequestFailedException.class,
                            e -> assertThat(e.problem().reason()).isEqualTo(Problem.Reason.UNAVAILABLE))
                    .hasMessageContaining("http://127.0.0.1:" + port);
        }
    }
}
