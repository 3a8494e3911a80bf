package io.kmcp.adapters.mcp;

import static io.kmcp.adapters.mcp.support.McpClients.call;
import static io.kmcp.adapters.mcp.support.McpClients.structured;
import static io.kmcp.adapters.mcp.support.McpClients.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.adapters.mcp.support.Diagnoses;
import io.kmcp.adapters.mcp.support.FakeKubernetes;
import io.kmcp.adapters.mcp.support.McpClients;
import io.kmcp.adapters.mcp.support.McpTestApplication;
import io.kmcp.adapters.mcp.support.TestTokens;
import io.kmcp.application.Problem;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.DiagnoseWorkloadQuery;
import io.kmcp.application.port.in.EventList;
import io.kmcp.application.port.in.EventsQuery;
import io.kmcp.application.port.in.PodLogs;
import io.kmcp.application.port.in.PodLogsQuery;
import io.kmcp.domain.diagnosis.EventGroup;
import io.kmcp.domain.diagnosis.LogLines;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The diagnosis tools through the real MCP client, which checks every structured answer against its schema. */
@SpringBootTest(classes = McpTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DiagnosisToolsOverHttpTest {

    private static final String SUBJECT = "system:serviceaccount:team-a:agent";

    @LocalServerPort
    int port;

    @Autowired
    FakeKubernetes kubernetes;

    private McpSyncClient client;

    @BeforeEach
    void connect() {
        kubernetes.reset();
        client = McpClients.connect(port, TestTokens.valid(SUBJECT));
    }

    @AfterEach
    void close() {
        client.closeGracefully();
    }

    private Tool tool(String name) {
        return client.listTools().tools().stream()
                .filter(tool -> tool.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    @DisplayName(
            "tools/list shows the diagnosis tools with their arguments, read-only, and workload_diagnose as the first call")
    void listsDiagnosisTools() {
        Map<String, List<String>> arguments = Map.of(
                "workload_diagnose", List.of("resource", "name", "namespace", "maxChars"),
                "namespace_overview", List.of("namespace", "maxChars"),
                "cluster_overview", List.of("maxChars"),
                "events_list", List.of("namespace", "involvedObject", "type", "sinceSeconds", "limit", "maxChars"),
                "pod_logs",
                        List.of(
                                "name",
                                "namespace",
                                "container",
                                "previous",
                                "tailLines",
                                "sinceSeconds",
                                "limitBytes",
                                "grep",
                                "maxChars"));

        arguments.forEach((name, expected) -> {
            Tool tool = tool(name);
            assertThat(tool.inputSchema().get("properties"))
                    .as(name)
                    .asInstanceOf(InstanceOfAssertFactories.MAP)
                    .containsOnlyKeys(expected.toArray());
            assertThat(tool.inputSchema()).containsEntry("additionalProperties", false);
            assertThat(tool.outputSchema()).containsEntry("type", "object");
            assertThat(tool.annotations().readOnlyHint()).isTrue();
            assertThat(tool.annotations().destructiveHint()).isFalse();
        });
        assertThat(tool("workload_diagnose").description())
                .contains("The FIRST call when something is not working")
                .contains("replaces the usual round trips");
        assertThat(tool("workload_diagnose").inputSchema()).containsEntry("required", List.of("name"));
        assertThat(client.getCurrentInitializationResult().instructions()).contains("call workload_diagnose first");
    }

    @Test
    @DisplayName(
            "workload_diagnose answers the diagnosis as text and compact structured content, with the caller's query")
    void diagnoses() {
        kubernetes.onDiagnose((caller, query) -> Diagnoses.crashLooping());

        CallToolResult result =
                call(client, "workload_diagnose", Map.of("resource", "deploy", "name", "web", "namespace", "shop"));

        assertThat(result.isError()).isFalse();
        assertThat(text(result))
                .startsWith("Deployment shop/web: 0/2 ready — 2 findings\n")
                .contains("[CRITICAL] CrashLoopBackOff — ");
        assertThat(structured(result)).containsEntry("healthy", false).containsEntry("apiRequests", 9);
        FakeKubernetes.Call call = kubernetes.calls().get(0);
        assertThat(call.query()).isEqualTo(new DiagnoseWorkloadQuery(Optional.of("deploy"), "web", "shop"));
        assertThat(call.caller().subject()).isEqualTo(SUBJECT);
    }

    @Test
    @DisplayName("workload_diagnose of a node takes no namespace, and passes none on")
    void withoutNamespace() {
        kubernetes.onDiagnose((caller, query) -> Diagnoses.healthy());

        CallToolResult result = call(client, "workload_diagnose", Map.of("resource", "node", "name", "kwok-node-0"));

        assertThat(result.isError()).isFalse();
        assertThat(kubernetes.calls().get(0).query())
                .isEqualTo(new DiagnoseWorkloadQuery(Optional.of("node"), "kwok-node-0", Optional.empty()));
    }

    @Test
    @DisplayName("workload_diagnose with a small maxChars answers within it, with the truncation marker")
    void diagnosisWithinBudget() {
        kubernetes.onDiagnose((caller, query) -> Diagnoses.crashLooping());

        CallToolResult result =
                call(client, "workload_diagnose", Map.of("name", "web", "namespace", "shop", "maxChars", 600));

        assertThat(text(result).length()).isLessThanOrEqualTo(600);
        assertThat(text(result))
                .startsWith("Deployment shop/web: 0/2 ready — 2 findings\n")
                .contains("left out to fit maxChars=600: Pods, Events, Logs");
        assertThat(structured(result)).containsEntry("truncated", true);
    }

    @Test
    @DisplayName(
            "A diagnosis the use case refuses (a workload that does not exist) is an isError result with its reason")
    void diagnosisRefused() {
        kubernetes.onDiagnose((caller, query) -> {
            throw new RequestFailedException(
                    Problem.Reason.NOT_FOUND, "No Deployment, StatefulSet … named 'web' in namespace 'shop'.");
        });

        CallToolResult result = call(client, "workload_diagnose", Map.of("name", "web", "namespace", "shop"));

        assertThat(result.isError()).isTrue();
        assertThat(result.meta()).containsEntry("io.kmcp/reason", "NOT_FOUND");
    }

    @Test
    @DisplayName("namespace_overview and cluster_overview answer their overviews")
    void overviews() {
        kubernetes.onNamespaceOverview((caller, namespace) -> Diagnoses.namespaceOverview());
        kubernetes.onClusterOverview(Diagnoses.clusterOverview());

        CallToolResult namespace = call(client, "namespace_overview", Map.of("namespace", "shop"));
        CallToolResult cluster = call(client, "cluster_overview", Map.of());

        assertThat(text(namespace)).startsWith("Namespace shop: 1 unhealthy workload");
        assertThat(structured(namespace)).containsEntry("namespace", "shop");
        assertThat(text(cluster)).startsWith("Cluster: 3 nodes (1 not ready)");
        assertThat(structured(cluster)).containsEntry("namespaces", 12);
        assertThat(kubernetes.calls()).extracting(FakeKubernetes.Call::query).containsExactly("shop", "cluster");
    }

    @Test
    @DisplayName("events_list passes the filters on and answers the groups")
    void events() {
        EventGroup backOff = Diagnoses.namespaceOverview().warnings().get(0);
        kubernetes.onEvents((caller, query) -> new EventList(Optional.of("shop"), List.of(backOff), 12, 0, false));

        CallToolResult result = call(
                client,
                "events_list",
                Map.of(
                        "namespace",
                        "shop",
                        "involvedObject",
                        "Pod/web-7d9f-abc",
                        "type",
                        "warning",
                        "sinceSeconds",
                        600,
                        "limit",
                        10));

        assertThat(result.isError()).isFalse();
        assertThat(text(result)).contains("Warning BackOff ×12 (last 30s ago) Pod web-7d9f-abc: Back-off");
        assertThat((List<?>) structured(result).get("groups")).hasSize(1);
        assertThat(kubernetes.calls().get(0).query())
                .isEqualTo(new EventsQuery(
                        Optional.of("shop"),
                        Optional.of("Pod/web-7d9f-abc"),
                        Optional.of("Warning"),
                        Optional.of(600),
                        Optional.of(10)));
    }

    @Test
    @DisplayName("pod_logs passes every argument on and answers the header and the lines")
    void logs() {
        kubernetes.onLogs((caller, query) -> new PodLogs(
                Diagnoses.POD_A,
                "app",
                true,
                new LogLines(List.of("panic: cannot connect to database at db:5432"), 1, 0, 80),
                List.of("app"),
                Optional.of("panic")));

        CallToolResult result = call(
                client,
                "pod_logs",
                Map.of(
                        "name",
                        "web-7d9f-abc",
                        "namespace",
                        "shop",
                        "container",
                        "app",
                        "previous",
                        true,
                        "tailLines",
                        50,
                        "sinceSeconds",
                        3600,
                        "limitBytes",
                        4096,
                        "grep",
                        "panic"));

        assertThat(result.isError()).isFalse();
        assertThat(text(result))
                .startsWith("Pod shop/web-7d9f-abc, container app, previous instance (the one that crashed)\n")
                .endsWith("\npanic: cannot connect to database at db:5432");
        assertThat(structured(result))
                .containsEntry("lines", List.of("panic: cannot connect to database at db:5432"))
                .containsEntry("truncated", false);
        assertThat(kubernetes.calls().get(0).query())
                .isEqualTo(new PodLogsQuery(
                        "web-7d9f-abc",
                        "shop",
                        Optional.of("app"),
                        true,
                        Optional.of(50),
                        Optional.of(3600),
                        Optional.of(4096),
                        Optional.of("panic")));
    }

    @Test
    @DisplayName("Bad arguments of the diagnosis tools are refused by name over HTTP, before any use case runs")
    void badArguments() {
        CallToolResult diagnose = call(client, "workload_diagnose", Map.of("namespace", "shop"));
        CallToolResult logs = call(client, "pod_logs", Map.of("name", "a", "namespace", "b", "tailLines", "all"));
        CallToolResult events = call(client, "events_list", Map.of("maxChars", 5));

        assertThat(text(diagnose)).contains("'name' is required");
        assertThat(text(logs)).contains("'tailLines' must be an integer, but a string was given");
        assertThat(text(events)).contains("'maxChars' must be between 200 and 200000, was 5");
        assertThat(List.of(diagnose, logs, events))
                .allSatisfy(result -> assertThat(result.isError()).isTrue());
        assertThat(kubernetes.calls()).isEmpty();
    }
}
