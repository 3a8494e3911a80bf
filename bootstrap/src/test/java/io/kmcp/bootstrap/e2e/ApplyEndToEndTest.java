package io.kmcp.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess.ServiceAccountRef;
import io.kmcp.bootstrap.KmcpApplication;
import io.kmcp.bootstrap.e2e.McpOverHttp.Outcome;
import io.kmcp.bootstrap.e2e.McpOverHttp.User;
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
 * resource_apply end to end: a real MCP client over HTTP whose user accepts, declines or cannot be
 * asked, against a real API server whose state is checked afterwards with the administrator's client.
 */
@SpringBootTest(classes = KmcpApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DisplayName("resource_apply against a real API server")
class ApplyEndToEndTest {

    private static final String NAMESPACE = "e2e-apply";
    private static ServiceAccountRef editor;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void cluster(DynamicPropertyRegistry registry) {
        ClusterUnderTest.configure(registry);
    }

    @BeforeAll
    static void setUp() {
        var access = ClusterUnderTest.access();
        access.namespace(NAMESPACE);
        editor = access.serviceAccount(NAMESPACE, "editor");
        access.clusterRole(
                        "e2e-configmap-editor",
                        "",
                        List.of("configmaps", "namespaces"),
                        List.of("get", "list", "watch", "create", "update", "patch"))
                .grantClusterWide(editor, "e2e-configmap-editor");
        ClusterUnderTest.awaitAllowed(
                editor, client -> client.configMaps().inNamespace(NAMESPACE).list());
    }

    private static String configMap(String name, String value) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %s
                  namespace: %s
                data:
                  value: "%s"
                  ca.crt: |
                    -----BEGIN CERTIFICATE-----
                    ---
                    -----END CERTIFICATE-----
                """.formatted(name, NAMESPACE, value);
    }

    private static ConfigMap stored(String name) {
        return ClusterUnderTest.CLUSTER
                .adminClient()
                .configMaps()
                .inNamespace(NAMESPACE)
                .withName(name)
                .get();
    }

    @Test
    @DisplayName("the user accepts: the plan is shown once, then applied as k-mcp")
    void accepted() {
        try (McpOverHttp agent = new McpOverHttp(port, ClusterUnderTest.tokenFor(editor), User.ACCEPTS)) {
            Outcome outcome = agent.call("resource_apply", Map.of("resourceYAML", configMap("accepted", "one")));

            assertThat(outcome.isError()).as(outcome.text()).isFalse();
            assertThat(agent.questions)
                    .singleElement()
                    .asString()
                    .contains("accepted")
                    .contains("create");
            ConfigMap stored = stored("accepted");
            assertThat(stored.getData()).containsEntry("value", "one");
            assertThat(stored.getData().get("ca.crt")).contains("-----BEGIN CERTIFICATE-----\n---\n");
            assertThat(stored.getMetadata().getManagedFields())
                    .anySatisfy(field -> assertThat(field.getManager()).isEqualTo("k-mcp"));

            Outcome change = agent.call("resource_apply", Map.of("resourceYAML", configMap("accepted", "two")));
            assertThat(change.text()).contains("data");
            assertThat(stored("accepted").getData()).containsEntry("value", "two");
        }
    }

    @Test
    @DisplayName("the user declines: nothing is applied, and that is an answer, not an error")
    void declined() {
        try (McpOverHttp agent = new McpOverHttp(port, ClusterUnderTest.tokenFor(editor), User.DECLINES)) {
            Outcome outcome = agent.call("resource_apply", Map.of("resourceYAML", configMap("declined", "x")));

            assertThat(outcome.isError()).isFalse();
            assertThat(outcome.text()).containsIgnoringCase("declined");
            assertThat(stored("declined")).isNull();
        }
    }

    @Test
    @DisplayName("a client that cannot ask its user gets the plan and applies only with confirm: true")
    void unsupportedElicitation() {
        try (McpOverHttp agent = new McpOverHttp(port, ClusterUnderTest.tokenFor(editor))) {
            Outcome first = agent.call("resource_apply", Map.of("resourceYAML", configMap("confirmed", "y")));
            assertThat(first.isError()).isFalse();
            assertThat(first.text()).contains("confirm: true");
            assertThat(stored("confirmed")).isNull();

            Outcome second =
                    agent.call("resource_apply", Map.of("resourceYAML", configMap("confirmed", "y"), "confirm", true));
            assertThat(second.isError()).as(second.text()).isFalse();
            assertThat(stored("confirmed").getData()).containsEntry("value", "y");
        }
    }

    @Test
    @DisplayName("a dry run shows the plan and changes nothing")
    void dryRun() {
        try (McpOverHttp agent = new McpOverHttp(port, ClusterUnderTest.tokenFor(editor), User.ACCEPTS)) {
            Outcome outcome =
                    agent.call("resource_apply", Map.of("resourceYAML", configMap("dry", "z"), "dryRun", true));

            assertThat(outcome.isError()).isFalse();
            assertThat(agent.questions).isEmpty();
            assertThat(stored("dry")).isNull();
        }
    }

    @Test
    @DisplayName("a Secret in the stream refuses the whole request before anything is applied")
    void restrictedDocument() {
        String stream = configMap("beside-a-secret", "s")
                + "---\napiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: " + NAMESPACE + "}\n";
        try (McpOverHttp agent = new McpOverHttp(port, ClusterUnderTest.tokenFor(editor), User.ACCEPTS)) {
            Outcome outcome = agent.call("resource_apply", Map.of("resourceYAML", stream));

            assertThat(outcome.isError()).isTrue();
            assertThat(outcome.text()).contains("restricted by this server's policy");
            assertThat(agent.questions).isEmpty();
            assertThat(stored("beside-a-secret")).isNull();
        }
    }

    @Test
    @DisplayName("a Namespace and its contents in one request: created in order")
    void namespaceAndContents() {
        String stream = "apiVersion: v1\nkind: Namespace\nmetadata: {name: e2e-apply-fresh}\n---\n"
                + configMap("inside", "n").replace("namespace: " + NAMESPACE, "namespace: e2e-apply-fresh");
        try (McpOverHttp agent = new McpOverHttp(port, ClusterUnderTest.tokenFor(editor), User.ACCEPTS)) {
            Outcome outcome = agent.call("resource_apply", Map.of("resourceYAML", stream));

            assertThat(outcome.isError()).as(outcome.text()).isFalse();
            assertThat(ClusterUnderTest.CLUSTER
                            .adminClient()
                            .configMaps()
                            .inNamespace("e2e-apply-fresh")
                            .withName("inside")
                            .get())
                    .isNotNull();
        }
    }
}
