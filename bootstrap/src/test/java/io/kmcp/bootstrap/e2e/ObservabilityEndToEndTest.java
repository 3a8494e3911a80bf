package io.kmcp.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.kmcp.adapters.kubernetes.testbed.Eventually;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess.ServiceAccountRef;
import io.kmcp.adapters.mcp.support.PrometheusScrape;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator watching k-mcp sees: the Prometheus scrape on the management port, the spans a
 * collector receives over OTLP, and the JSON log lines; with k-mcp started as a process with the
 * flags and variables an operator sets, against a real API server.
 */
@DisplayName("Observability, end to end: metrics, traces and JSON logs of a running server")
class ObservabilityEndToEndTest {

    private static final String NAMESPACE = "e2e-obs";
    private static final String CLUSTER = "default";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<String> tokens = new CopyOnWriteArrayList<>();
    private static ServiceAccountRef reader;
    private static ServiceAccountRef nobody;
    private static OtlpReceiver collector;
    private static KmcpProcess server;
    private static int port;
    private static int managementPort;

    @BeforeAll
    static void start() {
        var access = ClusterUnderTest.access();
        access.namespace(NAMESPACE);
        reader = access.serviceAccount(NAMESPACE, "watched-reader");
        nobody = access.serviceAccount(NAMESPACE, "watched-nobody");
        access.clusterRole("e2e-obs-configmap-reader", "", List.of("configmaps"), List.of("get", "list"))
                .grantInNamespace(reader, NAMESPACE, "e2e-obs-configmap-reader");
        ClusterUnderTest.awaitAllowed(
                reader, client -> client.configMaps().inNamespace(NAMESPACE).list());
        ClusterUnderTest.CLUSTER
                .adminClient()
                .configMaps()
                .inNamespace(NAMESPACE)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("settings")
                        .withNamespace(NAMESPACE)
                        .endMetadata()
                        .addToData("mode", "fast")
                        .build())
                .serverSideApply();
        collector = new OtlpReceiver();
        port = KmcpProcess.freePort();
        managementPort = KmcpProcess.freePort();
        server = KmcpProcess.start(
                List.of(
                        "--port",
                        Integer.toString(port),
                        "--management-port",
                        Integer.toString(managementPort),
                        "--api-server",
                        ClusterUnderTest.CLUSTER.apiServerUrl(),
                        "--certificate-authority",
                        ClusterUnderTest.CLUSTER.caFile().toString(),
                        "--log-format",
                        "json",
                        // Export within a fraction of a second rather than Spring Boot's five.
                        "--management.opentelemetry.tracing.export.schedule-delay=200ms"),
                Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint()),
                managementPort);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    @DisplayName("The scrape counts tool calls, API requests by verb and code, and refused tokens, exactly")
    void metricsCountWhatHappened() throws Exception {
        PrometheusScrape before = scrape();

        try (McpOverHttp agent = new McpOverHttp(port, token(reader))) {
            agent.call("resource_list", Map.of("resource", "configmaps", "namespace", NAMESPACE));
            agent.call("resource_list", Map.of("resource", "configmaps", "namespace", NAMESPACE));
        }
        try (McpOverHttp agent = new McpOverHttp(port, token(nobody))) {
            agent.call("resource_list", Map.of("resource", "configmaps", "namespace", NAMESPACE));
        }
        assertThat(post(port, "/mcp", "not-a-jwt").statusCode()).isEqualTo(401);

        PrometheusScrape after = scrape();
        assertThat(increase(before, after, "kmcp_tool_calls_total", toolCall("ok")))
                .isEqualTo(2);
        assertThat(increase(before, after, "kmcp_tool_calls_total", toolCall("forbidden")))
                .isEqualTo(1);
        assertThat(increase(before, after, "kmcp_tool_call_seconds_count", toolCall("ok")))
                .isEqualTo(2);
        assertThat(increase(before, after, "kmcp_api_requests_total", apiRequest("list", "200")))
                .isEqualTo(2);
        assertThat(increase(before, after, "kmcp_api_requests_total", apiRequest("list", "403")))
                .isEqualTo(1);
        assertThat(increase(before, after, "kmcp_api_request_seconds_count", apiRequest("list", "200")))
                .isEqualTo(2);
        assertThat(increase(before, after, "kmcp_token_rejections_total", Map.of("reason", "unverifiable")))
                .isEqualTo(1);
        assertThat(after.value("kmcp_kubernetes_clients", Map.of())).isGreaterThanOrEqualTo(2);
        assertThat(after.has("kmcp_sessions", Map.of())).isTrue();
        // Each agent's token came with several requests (initialize, then the calls): checked once, then found.
        assertThat(increase(before, after, "kmcp_verified_token_lookups_total", Map.of("result", "hit")))
                .isGreaterThanOrEqualTo(2);
        assertThat(after.value("kmcp_verified_tokens", Map.of())).isGreaterThanOrEqualTo(1);
    }

    @Test
    @DisplayName("No label value of the scrape carries a subject or a token")
    void noSubjectOrTokenInLabels() throws Exception {
        try (McpOverHttp agent = new McpOverHttp(port, token(reader))) {
            agent.call("resource_get", Map.of("resource", "configmaps", "name", "settings", "namespace", NAMESPACE));
        }

        PrometheusScrape scrape = scrape();

        assertThat(scrape.labelValues()).isNotEmpty().allSatisfy(value -> {
            assertThat(value).doesNotContain(reader.username(), nobody.username(), "watched-");
            tokens.forEach(token -> assertThat(value).doesNotContain(token.substring(token.length() - 24)));
        });
    }

    @Test
    @DisplayName("Only the probes and the scrape answer on the management port, without a token; the server's port"
            + " serves neither")
    void actuatorIsClosedButForProbesAndScrape() throws Exception {
        assertThat(get(managementPort, "/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/health/liveness").statusCode())
                .isEqualTo(200);
        for (String closed : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/health")) {
            assertThat(get(managementPort, closed).statusCode()).as(closed).isNotEqualTo(200);
        }
        assertThat(get(port, "/actuator/prometheus").statusCode()).isNotEqualTo(200);
    }

    @Test
    @DisplayName("The SBOM the jar carries is served without a token on the management port, not on the server's")
    void sbomOnTheManagementPort() throws Exception {
        HttpResponse<String> response = get(managementPort, "/actuator/sbom/application");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode sbom = JSON.readTree(response.body());
        assertThat(sbom.path("bomFormat").asString()).isEqualTo("CycloneDX");
        assertThat(sbom.path("metadata").path("component").path("name").asString())
                .isEqualTo("k-mcp-bootstrap");
        assertThat(get(port, "/actuator/sbom/application").statusCode()).isNotEqualTo(200);
    }

    @Test
    @DisplayName("A collector receives one span per tool call, and a child span for its API request")
    void toolCallSpanWithApiRequestChild() throws Exception {
        try (McpOverHttp agent = new McpOverHttp(port, token(reader))) {
            agent.call("resource_list", Map.of("resource", "configmaps", "namespace", NAMESPACE, "limit", 7));
        }

        Eventually.within(Duration.ofSeconds(20), () -> {
            List<Span> spans = collector.spans();
            List<Span> toolSpans = spans.stream()
                    .filter(span -> span.getName().equals("tools/call resource_list"))
                    .toList();
            assertThat(toolSpans).isNotEmpty();
            assertThat(toolSpans).anySatisfy(tool -> {
                assertThat(attribute(tool, "gen_ai.tool.name")).isEqualTo("resource_list");
                assertThat(attribute(tool, "kmcp.cluster")).isEqualTo(CLUSTER);
                assertThat(attribute(tool, "kmcp.outcome")).isEqualTo("ok");
                assertThat(spans)
                        .filteredOn(span -> span.getParentSpanId().equals(tool.getSpanId()))
                        .anySatisfy(child -> {
                            assertThat(child.getTraceId()).isEqualTo(tool.getTraceId());
                            assertThat(child.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
                            assertThat(child.getName()).isEqualTo("list configmaps");
                            assertThat(attribute(child, "http.response.status_code"))
                                    .isEqualTo("200");
                        });
            });
            return toolSpans;
        });
        assertThat(collector.spans())
                .as("probes and scrapes are not traced")
                .flatExtracting(Span::getAttributesList)
                .extracting(attribute -> attribute.getValue().getStringValue())
                .noneMatch(value -> value.contains("/actuator"));
        assertThat(collector.spans())
                .flatExtracting(Span::getAttributesList)
                .extracting(attribute -> attribute.getValue().getStringValue())
                .allSatisfy(value -> tokens.forEach(
                        token -> assertThat(value).doesNotContain(token.substring(token.length() - 24))));
    }

    @Test
    @DisplayName("--log-format json writes one JSON object a line, the audit line's facts as fields, never a token")
    void jsonLogs() throws Exception {
        try (McpOverHttp agent = new McpOverHttp(port, token(reader))) {
            agent.call("resource_list", Map.of("resource", "configmaps", "namespace", NAMESPACE));
        }

        List<JsonNode> audit = Eventually.within(Duration.ofSeconds(5), () -> {
            List<JsonNode> lines = server.output()
                    .lines()
                    .filter(line -> line.startsWith("{"))
                    .map(JSON::readTree)
                    .filter(line -> line.path("tool").asString("").equals("resource_list"))
                    .toList();
            assertThat(lines).isNotEmpty();
            return lines;
        });
        assertThat(audit).anySatisfy(line -> {
            assertThat(line.path("cluster").asString()).isEqualTo(CLUSTER);
            assertThat(line.path("subject").asString()).isEqualTo(reader.username());
            assertThat(line.path("outcome").asString()).isEqualTo("ok");
            assertThat(line.path("millis").isIntegralNumber())
                    .as("millis is a number")
                    .isTrue();
            assertThat(line.path("message").asString()).startsWith("tool=resource_list cluster=default");
        });
        assertThat(server.output().lines().filter(line -> !line.isBlank()))
                .as("every line of the console is a JSON object")
                .allSatisfy(line -> assertThat(JSON.readTree(line).isObject()).isTrue());
        tokens.forEach(token -> assertThat(server.output()).doesNotContain(token.substring(token.length() - 24)));
    }

    private static String token(ServiceAccountRef account) {
        String token = ClusterUnderTest.tokenFor(account);
        tokens.add(token);
        return token;
    }

    private static Map<String, String> toolCall(String outcome) {
        return Map.of("tool", "resource_list", "cluster", CLUSTER, "outcome", outcome);
    }

    private static Map<String, String> apiRequest(String verb, String code) {
        return Map.of("cluster", CLUSTER, "verb", verb, "code", code);
    }

    private static double increase(
            PrometheusScrape before, PrometheusScrape after, String name, Map<String, String> labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private static PrometheusScrape scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = get(managementPort, "/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return PrometheusScrape.parse(response.body());
    }

    private static String attribute(Span span, String key) {
        return span.getAttributesList().stream()
                .filter(attribute -> attribute.getKey().equals(key))
                .map(KeyValue::getValue)
                .map(value -> value.hasIntValue() ? Long.toString(value.getIntValue()) : value.getStringValue())
                .findFirst()
                .orElse(null);
    }

    private static HttpResponse<String> get(int at, String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + at + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(int at, String path, String bearer)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + at + path))
                        .header("Authorization", "Bearer " + bearer)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{}}"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
