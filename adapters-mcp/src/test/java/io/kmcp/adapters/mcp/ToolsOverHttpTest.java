package io.kmcp.adapters.mcp;

import static io.kmcp.adapters.mcp.support.McpClients.call;
import static io.kmcp.adapters.mcp.support.McpClients.structured;
import static io.kmcp.adapters.mcp.support.McpClients.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.adapters.mcp.support.FakeKubernetes;
import io.kmcp.adapters.mcp.support.McpClients;
import io.kmcp.adapters.mcp.support.McpTestApplication;
import io.kmcp.adapters.mcp.support.TestTokens;
import io.kmcp.adapters.mcp.support.Types;
import io.kmcp.application.Problem;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.GetResourceQuery;
import io.kmcp.application.port.in.ListResourcesQuery;
import io.kmcp.application.port.in.ResourceDetail;
import io.kmcp.application.port.in.ResourceList;
import io.kmcp.application.port.in.ResourceTypesQuery;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(classes = McpTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ToolsOverHttpTest {

    private static final String SUBJECT = "system:serviceaccount:team-a:agent";

    @LocalServerPort
    int port;

    @Autowired
    FakeKubernetes kubernetes;

    private String token;
    private McpSyncClient client;

    @BeforeEach
    void connect() {
        kubernetes.reset();
        token = TestTokens.valid(SUBJECT);
        client = McpClients.connect(port, token);
    }

    @AfterEach
    void close() {
        client.closeGracefully();
    }

    @Test
    @DisplayName("The server introduces itself as k-mcp, speaks protocol 2025-11-25 and offers tools")
    void introducesItself() {
        InitializeResult initialized = client.getCurrentInitializationResult();

        assertThat(initialized.serverInfo().name()).isEqualTo("k-mcp");
        assertThat(initialized.protocolVersion()).isEqualTo("2025-11-25");
        assertThat(initialized.capabilities().tools()).isNotNull();
        assertThat(initialized.instructions()).contains("resource_types");
    }

    @Test
    @DisplayName(
            "tools/list shows the read tools with closed input schemas, output schemas and read-only, open-world annotations")
    void listsReadTools() {
        List<Tool> tools = client.listTools().tools();

        assertThat(tools)
                .extracting(Tool::name)
                .containsExactly(
                        "resource_list",
                        "resource_get",
                        "resource_types",
                        "workload_diagnose",
                        "namespace_overview",
                        "cluster_overview",
                        "events_list",
                        "pod_logs",
                        "resource_apply",
                        "access_review");
        List<Tool> readTools = new java.util.ArrayList<>(tools.subList(0, 8));
        readTools.add(tools.get(9));
        assertThat(readTools).allSatisfy(tool -> {
            assertThat(tool.inputSchema()).containsEntry("type", "object").containsEntry("additionalProperties", false);
            assertThat(tool.outputSchema()).containsEntry("type", "object");
            assertThat(tool.annotations().readOnlyHint()).isTrue();
            assertThat(tool.annotations().destructiveHint()).isFalse();
            assertThat(tool.annotations().openWorldHint()).isTrue();
        });
        assertThat(tools.get(0).inputSchema().get("properties"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsOnlyKeys(
                        "resource",
                        "namespace",
                        "labelSelector",
                        "fieldSelector",
                        "limit",
                        "continue",
                        "summary",
                        "maxChars");
        assertThat(tools)
                .allSatisfy(tool -> assertThat(tool.inputSchema().get("properties"))
                        .as(tool.name())
                        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                        .extractingByKey("maxChars")
                        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                        .containsEntry("type", "integer")
                        .containsEntry("minimum", 200)
                        .containsEntry("maximum", 200_000));
    }

    @Test
    @DisplayName(
            "tools/list shows resource_apply as writing and idempotent, with an output schema and a description that says how to confirm")
    void listsApplyTool() {
        Tool apply = client.listTools().tools().stream()
                .filter(tool -> tool.name().equals("resource_apply"))
                .findFirst()
                .orElseThrow();

        assertThat(apply.inputSchema().get("properties"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsOnlyKeys("resourceYAML", "dryRun", "confirm", "wait", "timeoutSeconds", "maxChars");
        assertThat(apply.outputSchema()).containsEntry("required", List.of("status", "applied", "documents"));
        assertThat(apply.annotations().readOnlyHint()).isFalse();
        assertThat(apply.annotations().idempotentHint()).isTrue();
        assertThat(apply.description())
                .contains("server-side apply")
                .contains("field manager k-mcp")
                .contains("never forced")
                .contains("dry-run")
                .contains("elicitation the user is asked, and confirm: true does not skip that question")
                .contains("call again with the same resourceYAML and confirm: true")
                .contains("restricted")
                .contains("Nothing is ever deleted")
                .contains("wait: true then follows what was applied until it is ready")
                .contains("timeoutSeconds (default 60, at most 300)");
        assertThat(client.getCurrentInitializationResult().instructions()).contains("resource_apply");
    }

    @Test
    @DisplayName(
            "resource_list of all namespaces answers a pod table with NAMESPACE, the continue token, and the page as structured content")
    void listsPodsOfAllNamespaces() {
        kubernetes.onList((caller, query) -> new ResourceList(
                Types.PODS,
                Optional.empty(),
                List.of(pod("team-a", "web-1", true, 0), pod("team-b", "worker-7", false, 3)),
                Optional.of("next-page-token"),
                Optional.of(40L)));

        CallToolResult result =
                call(client, "resource_list", Map.of("resource", "po", "labelSelector", "app=web", "limit", 2));

        assertThat(result.isError()).isFalse();
        assertThat(text(result))
                .contains("pods.v1 in all namespaces: 2 objects")
                .containsPattern("NAMESPACE +NAME +READY +STATUS +RESTARTS +AGE")
                .containsPattern("team-a +web-1 +1/1 +Running +0 +2d")
                .containsPattern("team-b +worker-7 +0/1 +CrashLoopBackOff +3 +2d")
                .contains("(about 40 more)")
                .contains("continue=\"next-page-token\"");
        assertThat(structured(result))
                .containsEntry("resource", "pods.v1")
                .containsEntry("apiVersion", "v1")
                .containsEntry("kind", "Pod")
                .containsEntry("continue", "next-page-token")
                .containsEntry("remainingItemCount", 40)
                .doesNotContainKey("namespace");
        assertThat((List<?>) structured(result).get("items")).hasSize(2);

        FakeKubernetes.Call call = kubernetes.calls().get(0);
        assertThat(call.query())
                .isEqualTo(new ListResourcesQuery(
                        "po",
                        Optional.empty(),
                        Optional.of("app=web"),
                        Optional.empty(),
                        Optional.of(2),
                        Optional.empty()));
        assertThat(call.caller().subject()).isEqualTo(SUBJECT);
        assertThat(call.caller().cluster()).isEqualTo(McpTestApplication.CLUSTER);
        assertThat(call.caller().token().reveal()).isEqualTo(token);
    }

    @Test
    @DisplayName(
            "resource_list of deployments in one namespace shows READY, UP-TO-DATE and AVAILABLE, and no NAMESPACE column")
    void listsDeploymentsOfOneNamespace() {
        Map<String, Object> deployment = object("team-a", "api");
        deployment.put("spec", Map.of("replicas", 3));
        deployment.put("status", Map.of("readyReplicas", 2, "updatedReplicas", 3, "availableReplicas", 2));
        kubernetes.onList((caller, query) -> new ResourceList(
                Types.DEPLOYMENTS, Optional.of("team-a"), List.of(deployment), Optional.empty(), Optional.empty()));

        CallToolResult result =
                call(client, "resource_list", Map.of("resource", "deployments.apps", "namespace", "team-a"));

        assertThat(text(result))
                .startsWith("deployments.v1.apps in namespace team-a: 1 object\n")
                .containsPattern("NAME +READY +UP-TO-DATE +AVAILABLE +AGE")
                .containsPattern("api +2/3 +3 +2 +2d")
                .doesNotContain("NAMESPACE")
                .doesNotContain("continue");
        assertThat(structured(result)).containsEntry("namespace", "team-a").doesNotContainKey("continue");
    }

    @Test
    @DisplayName("resource_get answers the object as YAML and as structured content")
    void getsOneObject() {
        Map<String, Object> pod = pod("team-a", "web-1", true, 0);
        kubernetes.onGet((caller, query) -> new ResourceDetail(Types.PODS, pod));

        CallToolResult result =
                call(client, "resource_get", Map.of("resource", "pod", "name", "web-1", "namespace", "team-a"));

        assertThat(result.isError()).isFalse();
        assertThat(text(result))
                .contains("kind: Pod")
                .contains("name: web-1")
                .contains("namespace: team-a")
                .doesNotStartWith("---");
        assertThat(structured(result)).containsEntry("resource", "pods.v1").containsEntry("object", pod);
        assertThat(kubernetes.calls().get(0).query())
                .isEqualTo(new GetResourceQuery("pod", "web-1", Optional.of("team-a")));
    }

    @Test
    @DisplayName("resource_types answers a table like kubectl api-resources and the types as structured content")
    void describesTypes() {
        kubernetes.onTypes((caller, query) -> List.of(Types.PODS, Types.DEPLOYMENTS, Types.NODES));

        CallToolResult result = call(client, "resource_types", Map.of("group", "apps", "namespaced", true));

        assertThat(result.isError()).isFalse();
        assertThat(text(result))
                .startsWith("3 resource types\n")
                .containsPattern("NAME +SHORTNAMES +APIVERSION +NAMESPACED +KIND +VERBS")
                .containsPattern("deployments +deploy +apps/v1 +true +Deployment +get,list,watch,create,update,patch")
                .containsPattern("nodes +no +v1 +false +Node +get,list,watch");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> types =
                (List<Map<String, Object>>) structured(result).get("types");
        assertThat(types).hasSize(3);
        assertThat(types.get(1))
                .containsEntry("resource", "deployments.v1.apps")
                .containsEntry("apiVersion", "apps/v1")
                .containsEntry("namespaced", true);
        assertThat(kubernetes.calls().get(0).query())
                .isEqualTo(new ResourceTypesQuery(Optional.of("apps"), Optional.of(true)));
    }

    @Test
    @DisplayName("A refusal of the use case is an isError result whose text is the problem's message")
    void refusalIsAnErrorResult() {
        String message = "secrets are restricted by this server's policy";
        kubernetes.onGet((caller, query) -> {
            throw new RequestFailedException(Problem.Reason.RESTRICTED, message);
        });

        CallToolResult result =
                call(client, "resource_get", Map.of("resource", "secrets", "name", "db", "namespace", "team-a"));

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).isEqualTo(message);
        assertThat(result.meta()).containsEntry("io.kmcp/reason", "RESTRICTED");
    }

    @Test
    @DisplayName(
            "Arguments of the wrong type, unknown arguments and oversize strings are refused by name, before any use case runs")
    void invalidArgumentsAreRefused() {
        CallToolResult wrongType = call(client, "resource_list", Map.of("resource", "pods", "limit", "ten"));
        CallToolResult unknown = call(client, "resource_list", Map.of("resource", "pods", "namespaces", "a"));
        CallToolResult tooLong = call(client, "resource_get", Map.of("resource", "pods", "name", "x".repeat(300)));
        CallToolResult missing = call(client, "resource_get", Map.of("resource", "pods"));
        CallToolResult outOfRange = call(client, "resource_list", Map.of("resource", "pods", "limit", 100_000));

        assertThat(List.of(wrongType, unknown, tooLong, missing, outOfRange))
                .allSatisfy(result -> assertThat(result.isError()).isTrue());
        assertThat(text(wrongType)).contains("'limit' must be an integer, but a string was given");
        assertThat(text(unknown)).contains("Unknown argument 'namespaces'").contains("resource_list accepts");
        assertThat(text(tooLong)).contains("'name' is too long (300 characters)");
        assertThat(text(missing)).contains("'name' is required");
        assertThat(text(outOfRange)).contains("'limit' must be between 1 and 500");
        assertThat(kubernetes.calls()).isEmpty();
    }

    @Test
    @DisplayName(
            "An unexpected exception is an isError result with a reference to the server log, not a protocol error")
    void unexpectedExceptionIsAnErrorResult() {
        kubernetes.onTypes((caller, query) -> {
            throw new IllegalStateException("connection pool exhausted at 10.0.0.7");
        });

        CallToolResult result = call(client, "resource_types", Map.of());

        assertThat(result.isError()).isTrue();
        assertThat(text(result))
                .matches("internal error; the server log has details \\(reference [0-9a-f]{12}\\)")
                .doesNotContain("10.0.0.7");
    }

    private static Map<String, Object> object(String namespace, String name) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        metadata.put("creationTimestamp", "2026-05-30T11:00:00Z");
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("metadata", metadata);
        return object;
    }

    private static Map<String, Object> pod(String namespace, String name, boolean healthy, int restarts) {
        Map<String, Object> pod = new LinkedHashMap<>();
        pod.put("apiVersion", "v1");
        pod.put("kind", "Pod");
        pod.putAll(object(namespace, name));
        pod.put("spec", Map.of("containers", List.of(Map.of("name", "main", "image", "nginx:1.27"))));
        Map<String, Object> state = healthy
                ? Map.of("running", Map.of("startedAt", "2026-05-30T11:00:05Z"))
                : Map.of("waiting", Map.of("reason", "CrashLoopBackOff"));
        pod.put(
                "status",
                Map.of(
                        "phase",
                        "Running",
                        "containerStatuses",
                        List.of(Map.of("name", "main", "ready", healthy, "restartCount", restarts, "state", state))));
        return pod;
    }
}
