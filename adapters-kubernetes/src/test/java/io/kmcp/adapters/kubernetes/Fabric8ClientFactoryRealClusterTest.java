package io.kmcp.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.kmcp.adapters.kubernetes.testbed.ClusterPki;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess.ServiceAccountRef;
import io.kmcp.application.Caller;
import io.kmcp.application.KmcpVersion;
import io.kmcp.application.Problem;
import io.kmcp.application.RequestFailedException;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.ObjectName;
import io.kmcp.domain.resource.ResourceKey;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Pooled clients against a real kube-apiserver: no deletion leaves, identified, TLS as configured")
class Fabric8ClientFactoryRealClusterTest {

    private static final String NS = "client-it";
    private static final RealCluster CLUSTER = new RealCluster();

    private static KubernetesClientPool pool;
    private static Caller mayDelete;
    private static ServiceAccountRef mayDeleteAccount;

    @BeforeAll
    static void setUp() {
        pool = CLUSTER.newPool();
        TestBedAccess access = CLUSTER.access();
        access.namespace(NS);
        mayDeleteAccount = access.serviceAccount(NS, "deleter");
        // RBAC would allow the deletion: only k-mcp's own guard stands in the way.
        access.clusterRole("client-it-delete-configmaps", "", List.of("configmaps"), List.of("get", "list", "delete"))
                .grantInNamespace(mayDeleteAccount, NS, "client-it-delete-configmaps");
        mayDelete = CLUSTER.callerFor(mayDeleteAccount);
        CLUSTER.admin()
                .configMaps()
                .inNamespace(NS)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("keep-me")
                        .withNamespace(NS)
                        .endMetadata()
                        .addToData("a", "b")
                        .build())
                .serverSideApply();
        RealCluster.eventually(() -> pool.withClient(
                mayDelete,
                client ->
                        client.configMaps().inNamespace(NS).withName("keep-me").require()));
    }

    @AfterAll
    static void tearDown() {
        pool.close();
    }

    @Test
    @DisplayName(
            "a DELETE through a pooled client is refused before it is sent, though RBAC allows it; the object stays")
    void deleteNeverLeaves() throws java.io.IOException {
        assertThatThrownBy(() -> pool.withClient(
                        mayDelete,
                        client -> client.configMaps()
                                .inNamespace(NS)
                                .withName("keep-me")
                                .delete()))
                .hasStackTraceContaining("k-mcp never deletes");
        assertThatThrownBy(() -> pool.withClient(
                        mayDelete,
                        client -> client.genericKubernetesResources(new ResourceDefinitionContext.Builder()
                                        .withVersion("v1")
                                        .withKind("ConfigMap")
                                        .withPlural("configmaps")
                                        .withNamespaced(true)
                                        .build())
                                .inNamespace(NS)
                                .delete()))
                .hasStackTraceContaining("k-mcp never deletes");
        assertThatThrownBy(() -> pool.withClient(mayDelete, client -> {
                    HttpRequest delete = client.getHttpClient()
                            .newHttpRequestBuilder()
                            .uri(CLUSTER.plane.apiServerUrl() + "/api/v1/namespaces/" + NS + "/configmaps/keep-me")
                            .delete(null, null)
                            .build();
                    HttpResponse<String> response = client.getHttpClient()
                            .sendAsync(delete, String.class)
                            .join();
                    return response.code();
                }))
                .hasStackTraceContaining("k-mcp never deletes");

        assertThat(CLUSTER.admin()
                        .configMaps()
                        .inNamespace(NS)
                        .withName("keep-me")
                        .get())
                .isNotNull();
        assertThat(auditedVerbsOf(mayDeleteAccount)).doesNotContain("delete", "deletecollection");
    }

    @Test
    @DisplayName("every request carries the User-Agent k-mcp/<version>, so audit logs can tell k-mcp's requests")
    void userAgentInAuditLog() {
        pool.withClient(
                mayDelete,
                client ->
                        client.configMaps().inNamespace(NS).withName("keep-me").get());

        String expected = "\"userAgent\":\"k-mcp/" + KmcpVersion.current() + "\"";
        RealCluster.eventually(() -> {
            assertThat(auditLines(mayDeleteAccount))
                    .anySatisfy(line -> assertThat(line).contains(expected));
            return null;
        });
    }

    @Test
    @DisplayName("a token not meant for this API server is UNAUTHORIZED")
    void wrongAudience() {
        Caller kmcpOnly = CLUSTER.callerFor(mayDeleteAccount, List.of("k-mcp"));
        Fabric8ResourceReader reader = new Fabric8ResourceReader(pool);
        io.kmcp.domain.type.ResourceType configMaps = new io.kmcp.domain.type.ResourceType(
                "", "v1", "ConfigMap", "configmaps", "configmap", List.of("cm"), true, java.util.Set.of());

        assertThatThrownBy(() -> reader.get(
                        kmcpOnly, ResourceKey.namespaced(configMaps, new NamespaceName(NS), new ObjectName("keep-me"))))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Problem.Reason.UNAUTHORIZED));
    }

    @Test
    @DisplayName("a TLS server name is used to verify the API server's certificate, whatever host the URL names")
    void tlsServerName() {
        ClusterConnection byIp = CLUSTER.connection().withTlsServerName("kubernetes.default.svc");
        ClusterConnection wrongName = CLUSTER.connection().withTlsServerName("not-the-apiserver.example");
        ClusterConnection byLocalhost = ClusterConnection.https(
                        RealCluster.NAME,
                        URI.create(CLUSTER.plane.apiServerUrl().replace("127.0.0.1", "localhost")),
                        CLUSTER.plane.caPem())
                .withTlsServerName("kubernetes.default.svc.cluster.local");

        assertThat(discoverWith(byIp).types()).isNotEmpty();
        assertThat(discoverWith(byLocalhost).types()).isNotEmpty();
        assertThatThrownBy(() -> discoverWith(wrongName))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Problem.Reason.UNAVAILABLE))
                .hasMessageContaining("TLS handshake")
                .hasMessageContaining("not-the-apiserver.example");
    }

    @Test
    @DisplayName("an API server whose certificate the configured CA did not sign is UNAVAILABLE, pointing at the CA")
    void wrongCa() {
        ClusterConnection otherCa = ClusterConnection.https(
                RealCluster.NAME,
                URI.create(CLUSTER.plane.apiServerUrl()),
                ClusterPki.generate("stranger").caPem());

        assertThatThrownBy(() -> discoverWith(otherCa))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Problem.Reason.UNAVAILABLE))
                .hasMessageContaining("TLS handshake")
                .hasMessageContaining("cluster CA");
    }

    private io.kmcp.domain.type.ApiCatalog discoverWith(ClusterConnection connection) {
        try (KubernetesClientPool own =
                new KubernetesClientPool(KubernetesClusters.of(connection), PoolSettings.defaults())) {
            return new Fabric8ResourceCatalog(own, DiscoverySettings.defaults()).catalog(mayDelete);
        }
    }

    private static List<String> auditLines(ServiceAccountRef account) throws java.io.IOException {
        String user = "\"username\":\"" + account.username() + "\"";
        return Files.readAllLines(CLUSTER.plane.auditLog()).stream()
                .filter(line -> line.contains(user))
                .toList();
    }

    private static List<String> auditedVerbsOf(ServiceAccountRef account) throws java.io.IOException {
        return auditLines(account).stream()
                .map(line -> line.replaceAll(".*\"verb\":\"([a-z]+)\".*", "$1"))
                .toList();
    }
}
