package io.kmcp.adapters.kubernetes.testbed;

import static io.kmcp.adapters.kubernetes.testbed.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess.ServiceAccountRef;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The local control plane behaves like a real cluster")
class LocalControlPlaneTest {

    private final LocalControlPlane cluster = SharedControlPlane.get();

    @Test
    @DisplayName(
            "a k-mcp token (API server URL, k-mcp, cluster default) is forbidden before a binding and allowed after")
    void rbacDecidesWhatATokenMayDo() {
        TestBedAccess access = cluster.access();
        ServiceAccountRef account = access.serviceAccount("testbed-rbac", "agent");
        String token = access.mintToken(
                account, List.of(cluster.apiServerUrl(), "k-mcp", cluster.issuer()), Duration.ofMinutes(10));

        try (KubernetesClient asAgent = cluster.clientWithToken(token)) {
            assertThatThrownBy(() -> asAgent.namespaces().list())
                    .isInstanceOfSatisfying(
                            KubernetesClientException.class,
                            e -> assertThat(e.getCode()).isEqualTo(403))
                    .hasMessageContaining(account.username());

            access.clusterRole("testbed-namespace-reader", "", List.of("namespaces"), List.of("get", "list"))
                    .grantClusterWide(account, "testbed-namespace-reader");

            assertThat(eventually(() -> asAgent.namespaces().list().getItems()))
                    .extracting(ns -> ns.getMetadata().getName())
                    .contains("default", "kube-system", "testbed-rbac");
        }
    }

    @Test
    @DisplayName("a token without the cluster's default audience is rejected by the API server")
    void wrongAudienceIsUnauthenticated() {
        TestBedAccess access = cluster.access();
        ServiceAccountRef account = access.serviceAccount("testbed-audience", "agent");
        access.clusterRole("testbed-namespace-reader", "", List.of("namespaces"), List.of("get", "list"))
                .grantClusterWide(account, "testbed-namespace-reader");
        String kmcpOnly = access.mintToken(account, List.of("k-mcp"), Duration.ofMinutes(10));

        try (KubernetesClient asAgent = cluster.clientWithToken(kmcpOnly)) {
            assertThatThrownBy(() -> asAgent.namespaces().list())
                    .isInstanceOfSatisfying(
                            KubernetesClientException.class,
                            e -> assertThat(e.getCode()).isEqualTo(401));
        }
    }

    @Test
    @DisplayName("the issuer's OIDC discovery document and keys are served over the cluster CA")
    void issuerDiscoveryIsReachable() throws Exception {
        cluster.access().allowAnonymousIssuerDiscovery();
        // HTTP/1.1: kube-apiserver answers unauthenticated HTTP/2 clients with GOAWAY (CVE-2023-44487 mitigation).
        HttpClient anonymous = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(cluster.pki().trustOnlySslContext())
                .build();
        HttpResponse<String> discovery = eventually(() -> {
            HttpResponse<String> response = anonymous.send(
                    HttpRequest.newBuilder(URI.create(cluster.apiServerUrl() + "/.well-known/openid-configuration"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response;
        });
        assertThat(discovery.body())
                .contains("\"issuer\":\"" + LocalControlPlane.ISSUER + "\"")
                .contains("\"jwks_uri\":\"" + cluster.apiServerUrl() + "/openid/v1/jwks\"");
        HttpResponse<String> keys = anonymous.send(
                HttpRequest.newBuilder(URI.create(cluster.apiServerUrl() + "/openid/v1/jwks"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(keys.statusCode()).isEqualTo(200);
        assertThat(keys.body()).contains("\"kty\":\"RSA\"").contains("\"alg\":\"RS256\"");
    }

    @Test
    @DisplayName("two control planes run side by side and do not accept each other's tokens")
    void clustersAreIndependent() {
        try (LocalControlPlane other = LocalControlPlane.start("other")) {
            assertThat(other.apiServerUrl()).isNotEqualTo(cluster.apiServerUrl());
            TestBedAccess access = other.access();
            ServiceAccountRef account = access.serviceAccount("testbed-other", "agent");
            access.clusterRole("testbed-namespace-reader", "", List.of("namespaces"), List.of("get", "list"))
                    .grantClusterWide(account, "testbed-namespace-reader");
            String otherToken = access.mintToken(
                    account, List.of(other.apiServerUrl(), "k-mcp", other.issuer()), Duration.ofMinutes(10));

            try (KubernetesClient onOther = other.clientWithToken(otherToken);
                    KubernetesClient onShared = cluster.clientWithToken(otherToken)) {
                assertThat(eventually(() -> onOther.namespaces().list().getItems()))
                        .isNotEmpty();
                assertThatThrownBy(() -> onShared.namespaces().list())
                        .isInstanceOfSatisfying(
                                KubernetesClientException.class,
                                e -> assertThat(e.getCode()).isEqualTo(401));
            }
        }
    }
}
