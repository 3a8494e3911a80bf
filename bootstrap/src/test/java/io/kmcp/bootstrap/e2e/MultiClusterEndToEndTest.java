package io.kmcp.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.adapters.kubernetes.testbed.Eventually;
import io.kmcp.adapters.kubernetes.testbed.LocalControlPlane;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess.ServiceAccountRef;
import io.kmcp.bootstrap.KmcpApplication;
import io.kmcp.bootstrap.e2e.McpOverHttp.Outcome;
import io.kmcp.bootstrap.e2e.RawMcp.Answer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two real clusters with different signing keys behind one k-mcp: the token's audience picks the
 * cluster, and a token can reach only the cluster that issued it.
 */
@SpringBootTest(classes = KmcpApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DisplayName("Multi-cluster routing by the token's audience")
class MultiClusterEndToEndTest {

    private static final LocalControlPlane CLUSTER_A = ClusterUnderTest.CLUSTER;
    private static final LocalControlPlane CLUSTER_B = LocalControlPlane.start("b");
    private static ServiceAccountRef agentA;
    private static ServiceAccountRef agentB;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void clusters(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> "0");
        registry.add("kmcp.clusters[0].name", () -> "a");
        registry.add("kmcp.clusters[0].api-server", CLUSTER_A::apiServerUrl);
        registry.add(
                "kmcp.clusters[0].certificate-authority",
                () -> CLUSTER_A.caFile().toString());
        registry.add("kmcp.clusters[1].name", () -> "b");
        registry.add("kmcp.clusters[1].api-server", CLUSTER_B::apiServerUrl);
        registry.add(
                "kmcp.clusters[1].certificate-authority",
                () -> CLUSTER_B.caFile().toString());
    }

    @BeforeAll
    static void setUp() {
        agentA = namespaceReader(CLUSTER_A, "only-in-a");
        agentB = namespaceReader(CLUSTER_B, "only-in-b");
    }

    @AfterAll
    static void stopClusterB() {
        CLUSTER_B.close();
    }

    private static ServiceAccountRef namespaceReader(LocalControlPlane cluster, String namespace) {
        TestBedAccess access = cluster.access();
        access.allowAnonymousIssuerDiscovery().namespace(namespace);
        ServiceAccountRef account = access.serviceAccount(namespace, "agent");
        access.clusterRole("multi-namespace-reader", "", List.of("namespaces"), List.of("get", "list"))
                .grantClusterWide(account, "multi-namespace-reader");
        try (var client = cluster.clientWithToken(token(cluster, account))) {
            Eventually.eventually(() -> client.namespaces().list());
        }
        return account;
    }

    private static String token(LocalControlPlane cluster, ServiceAccountRef account) {
        return cluster.access()
                .mintToken(account, List.of(cluster.apiServerUrl(), "k-mcp", cluster.issuer()), Duration.ofMinutes(20));
    }

    @Test
    @DisplayName("a token of cluster A sees cluster A, a token of cluster B sees cluster B")
    void eachTokenReachesItsCluster() {
        try (McpOverHttp onA = new McpOverHttp(port, token(CLUSTER_A, agentA));
                McpOverHttp onB = new McpOverHttp(port, token(CLUSTER_B, agentB))) {
            Outcome fromA = onA.call("resource_list", Map.of("resource", "namespaces"));
            Outcome fromB = onB.call("resource_list", Map.of("resource", "namespaces"));

            assertThat(fromA.text()).contains("only-in-a").doesNotContain("only-in-b");
            assertThat(fromB.text()).contains("only-in-b").doesNotContain("only-in-a");
        }
    }

    @Test
    @DisplayName("a token minted by cluster A for cluster B's URL is refused: B's keys did not sign it")
    void tokenOfAForB() {
        String mintedByA = CLUSTER_A
                .access()
                .mintToken(
                        agentA, List.of(CLUSTER_B.apiServerUrl(), "k-mcp", CLUSTER_A.issuer()), Duration.ofMinutes(20));

        Answer answer = RawMcp.initialize(port, "/mcp", List.of("Bearer " + mintedByA));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.challenge().orElseThrow()).contains("invalid_token");
    }

    @Test
    @DisplayName("a token naming both clusters is refused: it must name exactly one")
    void tokenForTwoClusters() {
        String both = CLUSTER_A
                .access()
                .mintToken(
                        agentA,
                        List.of(CLUSTER_A.apiServerUrl(), CLUSTER_B.apiServerUrl(), "k-mcp", CLUSTER_A.issuer()),
                        Duration.ofMinutes(20));

        Answer answer = RawMcp.initialize(port, "/mcp", List.of("Bearer " + both));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.challenge().orElseThrow()).contains("names several configured clusters");
    }
}
