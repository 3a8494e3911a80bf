package io.kmcp.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess.ServiceAccountRef;
import io.kmcp.bootstrap.KmcpApplication;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.client.McpClient;
import io.modelcontextprotocol.modern.client.McpSyncClient;
import io.modelcontextprotocol.modern.client.transport.HttpClientMcpTransport;
import io.modelcontextprotocol.modern.client.transport.McpHttpRequestCustomizer;
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
 * The sessionless lane (MCP 2026-07-28) end to end: the SDK's modern client over HTTP, a real API
 * server with real tokens and RBAC, and a confirmation that travels in the signed request state.
 */
@SpringBootTest(classes = KmcpApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DisplayName("The sessionless lane against a real API server")
class SessionlessEndToEndTest {

    private static final String NAMESPACE = "e2e-sessionless";
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
                        "e2e-sessionless-editor",
                        "",
                        List.of("configmaps"),
                        List.of("get", "list", "watch", "create", "update", "patch"))
                .grantClusterWide(editor, "e2e-sessionless-editor");
        ClusterUnderTest.awaitAllowed(
                editor, client -> client.configMaps().inNamespace(NAMESPACE).list());
    }

    @Test
    @DisplayName("a list answers with the caller's own RBAC, and a restricted kind is refused, without any session")
    void readsWithTheCallersToken() {
        McpSyncClient agent = client(null);

        McpSchema.CallToolResult configMaps = agent.tool("resource_list")
                .arguments(Map.of("resource", "configmaps", "namespace", NAMESPACE))
                .call();
        McpSchema.CallToolResult secrets = agent.tool("resource_list")
                .arguments(Map.of("resource", "secrets", "namespace", NAMESPACE))
                .call();

        assertThat(configMaps.isError()).as(text(configMaps)).isFalse();
        assertThat(secrets.isError()).isTrue();
        assertThat(text(secrets)).contains("restricted");
    }

    @Test
    @DisplayName("an apply is asked with input_required and applied on the retry that carries the user's yes")
    void confirmedApply() {
        McpSchema.CallToolResult result = client(true)
                .tool("resource_apply")
                .arguments(Map.of("resourceYAML", configMap("confirmed", "one")))
                .call();

        assertThat(result.isError()).as(text(result)).isFalse();
        assertThat(text(result)).startsWith("Applied 1 document");
        assertThat(stored("confirmed").getData()).containsEntry("value", "one");
    }

    @Test
    @DisplayName(
            "when the objects change between the question and the answer, the yes is not taken and nothing is applied")
    void objectsChangedSinceThePlan() {
        McpSyncClient agent = client(true);
        Map<String, Object> arguments = Map.of("resourceYAML", configMap("raced", "mine"));
        McpSchema.InputRequiredResult asked = (McpSchema.InputRequiredResult)
                agent.tool("resource_apply").arguments(arguments).callOnce();
        assertThat(stored("raced")).as("the first round applies nothing").isNull();

        ClusterUnderTest.CLUSTER
                .adminClient()
                .configMaps()
                .inNamespace(NAMESPACE)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("raced")
                        .withNamespace(NAMESPACE)
                        .endMetadata()
                        .withData(Map.of("other", "theirs"))
                        .build())
                .create();

        assertThatThrownBy(() -> agent.tool("resource_apply")
                        .arguments(arguments)
                        .inputResponses(
                                Map.of("confirm", Map.of("action", "accept", "content", Map.of("confirm", true))))
                        .requestState(asked.requestState())
                        .callOnce())
                .isInstanceOf(McpException.class)
                .hasMessageContaining("the objects changed after the plan was shown");
        assertThat(stored("raced").getData()).containsOnlyKeys("other");
    }

    private McpSyncClient client(Boolean answer) {
        String token = ClusterUnderTest.tokenFor(editor);
        McpClient.SyncBuilder builder = McpClient.sync(
                        HttpClientMcpTransport.builder("http://localhost:" + port + "/mcp")
                                .requestCustomizer(McpHttpRequestCustomizer.fromSync(
                                        (request, headers, context) -> headers.set("Authorization", "Bearer " + token)))
                                .build())
                .clientInfo(McpSchema.Implementation.builder("e2e", "1").build());
        if (answer != null) {
            builder.formElicitation(request ->
                    answer ? McpSchema.ElicitResult.accept(Map.of("confirm", true)) : McpSchema.ElicitResult.decline());
        }
        return builder.build();
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

    private static String text(McpSchema.CallToolResult result) {
        return result.content().stream()
                .filter(McpSchema.TextContent.class::isInstance)
                .map(content -> ((McpSchema.TextContent) content).text())
                .reduce("", String::concat);
    }
}
