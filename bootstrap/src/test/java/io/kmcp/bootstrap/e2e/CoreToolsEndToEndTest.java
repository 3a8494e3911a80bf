package io.kmcp.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess.ServiceAccountRef;
import io.kmcp.bootstrap.KmcpApplication;
import io.kmcp.bootstrap.e2e.McpOverHttp.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole server in-process, reached by the MCP Java SDK client over real HTTP, forwarding real
 * service-account tokens to a real kube-apiserver whose RBAC decides.
 */
@SpringBootTest(classes = KmcpApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DisplayName("The core tools, end to end against a real API server")
class CoreToolsEndToEndTest {

    private static final String NAMESPACE = "e2e-core";
    private static ServiceAccountRef reader;
    private static ServiceAccountRef nobody;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void cluster(DynamicPropertyRegistry registry) {
        ClusterUnderTest.configure(registry);
    }

    @BeforeAll
    static void setUpCluster() {
        var access = ClusterUnderTest.access();
        access.namespace(NAMESPACE);
        reader = access.serviceAccount(NAMESPACE, "reader");
        nobody = access.serviceAccount(NAMESPACE, "nobody");
        // "view" is aggregated by kube-controller-manager, which this control plane does not run.
        access.clusterRole("e2e-configmap-reader", "", List.of("configmaps"), List.of("get", "list", "watch"))
                .grantInNamespace(reader, NAMESPACE, "e2e-configmap-reader");
        ClusterUnderTest.awaitAllowed(
                reader, client -> client.configMaps().inNamespace(NAMESPACE).list());
        var admin = ClusterUnderTest.CLUSTER.adminClient();
        for (int i = 1; i <= 3; i++) {
            admin.configMaps()
                    .inNamespace(NAMESPACE)
                    .resource(new ConfigMapBuilder()
                            .withNewMetadata()
                            .withName("settings-" + i)
                            .withNamespace(NAMESPACE)
                            .addToLabels("tier", i == 3 ? "db" : "web")
                            .endMetadata()
                            .addToData("key", "value-" + i)
                            .build())
                    .serverSideApply();
        }
    }

    @Test
    @DisplayName("resource_list shows the objects themselves, paged, through the caller's RBAC")
    void listsWithPaging() {
        try (McpOverHttp agent = new McpOverHttp(port, ClusterUnderTest.tokenFor(reader))) {
            Outcome first = agent.call("resource_list", Map.of("resource", "cm", "namespace", NAMESPACE, "limit", 2));

            assertThat(first.isError()).as(first.text()).isFalse();
            assertThat(first.text())
                    .contains("settings-1")
                    .contains("settings-2")
                    .doesNotContain("settings-3");
            @SuppressWarnings("unchecked")
            String next = (String) ((Map<String, Object>) first.structured()).get("continue");
            assertThat(next).isNotBlank();

            Outcome second = agent.call(
                    "resource_list", Map.of("resource", "configmaps", "namespace", NAMESPACE, "continue", next));
            assertThat(second.text()).contains("settings-3");
        }
    }

    @Test
    @DisplayName("resource_list filters by label on the server")
    void labelSelector() {
        try (McpOverHttp agent = new McpOverHttp(port, ClusterUnderTest.tokenFor(reader))) {
            Outcome db = agent.call(
                    "resource_list",
                    Map.of("resource", "ConfigMap", "namespace", NAMESPACE, "labelSelector", "tier=db"));

            assertThat(db.text()).contains("settings-3").doesNotContain("settings-1");
        }
    }

    @Test
    @DisplayName("resource_get returns the object as YAML, without managedFields")
    void getsObject() {
        try (McpOverHttp agent = new McpOverHttp(port, ClusterUnderTest.tokenFor(reader))) {
            Outcome cm = agent.call(
                    "resource_get", Map.of("resource", "configmaps", "name", "settings-2", "namespace", NAMESPACE));

            assertThat(cm.isError()).as(cm.text()).isFalse();
            assertThat(cm.text())
                    .contains("value-2")
                    .contains("name: settings-2")
                    .doesNotContain("managedFields");
        }
    }

    @Test
    @DisplayName("RBAC decides: a token without grants is told what it may not do")
    void rbacDenial() {
        try (McpOverHttp agent = new McpOverHttp(port, ClusterUnderTest.tokenFor(nobody))) {
            Outcome denied = agent.call("resource_list", Map.of("resource", "configmaps", "namespace", NAMESPACE));

            assertThat(denied.isError()).isTrue();
            assertThat(denied.text()).contains("list").contains("configmaps").contains(NAMESPACE);
        }
    }

    @Test
    @DisplayName("Secrets are restricted even where RBAC allows them, and absent from resource_types")
    void restricted() {
        try (McpOverHttp agent = new McpOverHttp(port, ClusterUnderTest.tokenFor(reader))) {
            for (String spelling :
                    List.of("secrets", "Secret", "v1/Secret", "sa", "clusterroles.rbac.authorization.k8s.io")) {
                Outcome refused = agent.call("resource_list", Map.of("resource", spelling, "namespace", NAMESPACE));
                assertThat(refused.isError()).as(spelling).isTrue();
                assertThat(refused.text()).as(spelling).contains("restricted by this server's policy");
            }
            Outcome types = agent.call("resource_types", Map.of());
            assertThat(types.text())
                    .contains("configmaps")
                    .contains("deployments")
                    .doesNotContain("secrets")
                    .doesNotContain("serviceaccounts")
                    .doesNotContain("rbac.authorization.k8s.io");
        }
    }

    @Test
    @DisplayName("/health and the Kubernetes probes answer without a token; other endpoints, the SBOM among them,"
            + " stay closed on the server's port")
    void healthAndProbes() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            var response = http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).containsAnyOf("\"healthy\"", "\"UP\"");
        }
        for (String path : List.of("/actuator/env", "/actuator/sbom", "/actuator/sbom/application")) {
            var closed = http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(closed.statusCode()).as(path).isIn(401, 403, 404);
        }
    }
}
