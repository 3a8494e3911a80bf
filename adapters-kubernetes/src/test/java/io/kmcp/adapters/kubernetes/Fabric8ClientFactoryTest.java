package io.kmcp.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.kmcp.application.BearerToken;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The callers' clients of a cluster share one transport, and each request carries its own caller's token")
class Fabric8ClientFactoryTest {

    private static final Instant EXPIRY = Instant.parse("2099-01-01T00:00:00Z");

    private final KubernetesMockServer server = new KubernetesMockServer(false);
    private final Fabric8ClientFactory factory = new Fabric8ClientFactory();
    private final List<KubernetesClient> clients = new ArrayList<>();
    private ClusterConnection cluster;

    @BeforeEach
    void start() {
        server.init();
        server.expect()
                .get()
                .withPath("/api/v1/namespaces/team-a/configmaps")
                .andReturn(
                        200,
                        new ConfigMapListBuilder()
                                .addToItems(new ConfigMapBuilder()
                                        .withNewMetadata()
                                        .withName("settings")
                                        .endMetadata()
                                        .build())
                                .build())
                .always();
        cluster = connection("prod");
    }

    @AfterEach
    void stop() {
        clients.forEach(KubernetesClient::close);
        factory.close();
        server.destroy();
    }

    @Test
    @DisplayName("two callers of one cluster: one transport, and each request with its caller's token")
    void sharedTransportOwnTokens() throws InterruptedException {
        KubernetesClient alice = client(cluster, "token-of-alice");
        KubernetesClient bob = client(cluster, "token-of-bob");

        alice.configMaps().inNamespace("team-a").list();
        bob.configMaps().inNamespace("team-a").list();
        alice.configMaps().inNamespace("team-a").list();

        assertThat(factory.transports()).isEqualTo(1);
        assertThat(authorizations(3))
                .containsExactly("Bearer token-of-alice", "Bearer token-of-bob", "Bearer token-of-alice");
    }

    @Test
    @DisplayName("closing one caller's client leaves the transport working for the others")
    void closingOneCallerKeepsTheOthers() throws InterruptedException {
        KubernetesClient alice = client(cluster, "token-of-alice");
        KubernetesClient bob = client(cluster, "token-of-bob");
        alice.configMaps().inNamespace("team-a").list();

        alice.close();

        assertThat(bob.configMaps().inNamespace("team-a").list().getItems())
                .extracting(map -> map.getMetadata().getName())
                .containsExactly("settings");
        assertThat(authorizations(2)).containsExactly("Bearer token-of-alice", "Bearer token-of-bob");
    }

    @Test
    @DisplayName("another cluster gets a transport of its own")
    void transportPerCluster() {
        client(cluster, "token-of-alice").configMaps().inNamespace("team-a").list();
        client(connection("staging"), "token-of-alice")
                .configMaps()
                .inNamespace("team-a")
                .list();

        assertThat(factory.transports()).isEqualTo(2);
    }

    private KubernetesClient client(ClusterConnection connection, String token) {
        KubernetesClient client = factory.create(connection, new BearerToken(token, EXPIRY));
        clients.add(client);
        return client;
    }

    private List<String> authorizations(int requests) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            seen.add(request == null ? null : request.getHeader("Authorization"));
        }
        return seen;
    }

    private ClusterConnection connection(String name) {
        return new ClusterConnection(
                name,
                URI.create(server.url("/")),
                Optional.empty(),
                Optional.empty(),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                true);
    }
}
