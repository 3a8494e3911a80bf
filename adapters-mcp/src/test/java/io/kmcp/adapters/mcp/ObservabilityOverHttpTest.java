package io.kmcp.adapters.mcp;

import static io.kmcp.adapters.mcp.support.McpClients.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.adapters.mcp.support.FakeKubernetes;
import io.kmcp.adapters.mcp.support.McpClients;
import io.kmcp.adapters.mcp.support.McpTestApplication;
import io.kmcp.adapters.mcp.support.PrometheusScrape;
import io.kmcp.adapters.mcp.support.RawHttp;
import io.kmcp.adapters.mcp.support.SessionlessClients;
import io.kmcp.adapters.mcp.support.TestClock;
import io.kmcp.adapters.mcp.support.TestTokens;
import io.kmcp.adapters.mcp.support.Types;
import io.kmcp.application.Problem;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.ResourceList;
import io.kmcp.domain.apply.ApplyOutcome;
import io.kmcp.domain.apply.DocumentOutcome;
import io.kmcp.domain.apply.DocumentPreview;
import io.kmcp.domain.apply.Manifest;
import io.kmcp.domain.apply.PlannedChange;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
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

/**
 * The metrics of the MCP side as a Prometheus server scrapes them, from the server's own port and
 * without a token: each test scrapes, acts, scrapes again and compares numbers.
 */
@SpringBootTest(classes = McpTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayName("Metrics at /actuator/prometheus")
class ObservabilityOverHttpTest {

    private static final String SUBJECT = "system:serviceaccount:team-a:metrics-agent";
    private static final String CLUSTER = McpTestApplication.CLUSTER;
    private static final String YAML = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n";
    private static final Manifest NAMESPACE =
            Manifest.from(1, Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", "shop")));

    @LocalServerPort
    int port;

    @Autowired
    FakeKubernetes kubernetes;

    private final List<String> tokensUsed = new ArrayList<>();
    private final List<AutoCloseable> clients = new ArrayList<>();

    @BeforeEach
    void reset() {
        kubernetes.reset();
        kubernetes.onList((caller, query) ->
                new ResourceList(Types.PODS, Optional.empty(), List.of(), Optional.empty(), Optional.empty()));
        kubernetes.onGet((caller, query) -> {
            throw new RequestFailedException(Problem.Reason.NOT_FOUND, "pods \"web\" not found");
        });
        kubernetes.onApply(
                List.of(new DocumentPreview(NAMESPACE, new PlannedChange.Create())),
                List.of(new DocumentOutcome(NAMESPACE, new ApplyOutcome.Created())));
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
    }

    @Test
    @DisplayName("/actuator/prometheus answers without a token on the server's port; no other actuator endpoint does")
    void scrapeIsOpenAndAlone() {
        RawHttp http = new RawHttp(port);

        HttpResponse<String> scrape = http.get(McpTestApplication.PROMETHEUS, Map.of());

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        for (String closed : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/metrics")) {
            assertThat(http.get(closed, Map.of()).statusCode()).as(closed).isIn(401, 403, 404);
        }
    }

    @Test
    @DisplayName("Tool calls are counted by tool, cluster and outcome, each with one latency observation")
    void toolCallsByToolClusterAndOutcome() {
        McpSyncClient client = connect();
        PrometheusScrape before = scrape();

        call(client, "resource_list", Map.of("resource", "pods"));
        call(client, "resource_list", Map.of("resource", "pods", "namespace", "shop"));
        call(client, "resource_get", Map.of("resource", "pods", "name", "web", "namespace", "shop"));
        call(client, "resource_list", Map.of("resource", "pods", "limit", "many"));

        PrometheusScrape after = scrape();
        Map<String, String> listed = Map.of("tool", "resource_list", "cluster", CLUSTER, "outcome", "ok");
        Map<String, String> missing = Map.of("tool", "resource_get", "cluster", CLUSTER, "outcome", "not-found");
        Map<String, String> invalid =
                Map.of("tool", "resource_list", "cluster", CLUSTER, "outcome", "invalid-argument");
        assertThat(increase(before, after, "kmcp_tool_calls_total", listed)).isEqualTo(2);
        assertThat(increase(before, after, "kmcp_tool_calls_total", missing)).isEqualTo(1);
        assertThat(increase(before, after, "kmcp_tool_calls_total", invalid)).isEqualTo(1);
        assertThat(increase(before, after, "kmcp_tool_call_seconds_count", listed))
                .isEqualTo(2);
        assertThat(increase(before, after, "kmcp_tool_call_seconds_bucket", with(listed, "le", "+Inf")))
                .isEqualTo(2);
        assertThat(after.has("kmcp_tool_call_seconds_bucket", with(listed, "le", "0.1")))
                .as("a histogram with fixed buckets")
                .isTrue();
    }

    @Test
    @DisplayName("Refused tokens are counted by reason, and every reason is there from the start")
    void tokenRejectionsByReason() throws Exception {
        PrometheusScrape before = scrape();
        assertThat(before.has("kmcp_token_rejections_total", Map.of("reason", "audience")))
                .isTrue();
        RawHttp http = new RawHttp(port);
        String expired = token(TestTokens.with(
                SUBJECT,
                claims -> claims.issueTime(Date.from(TestClock.NOW.minusSeconds(7200)))
                        .expirationTime(Date.from(TestClock.NOW.minusSeconds(3600)))));
        String forged = token(TestTokens.signedByUntrustedKey(SUBJECT));

        http.post("/mcp", RawHttp.INITIALIZE, Map.of());
        http.post("/mcp", RawHttp.INITIALIZE, RawHttp.bearer(expired));
        http.post("/mcp", RawHttp.INITIALIZE, RawHttp.bearer(expired));
        http.post("/mcp", RawHttp.INITIALIZE, RawHttp.bearer(forged));
        postWithTwoAuthorizations(forged, expired);

        PrometheusScrape after = scrape();
        assertThat(increase(before, after, "kmcp_token_rejections_total", Map.of("reason", "missing")))
                .isEqualTo(1);
        assertThat(increase(before, after, "kmcp_token_rejections_total", Map.of("reason", "expired")))
                .isEqualTo(2);
        assertThat(increase(before, after, "kmcp_token_rejections_total", Map.of("reason", "unverifiable")))
                .isEqualTo(1);
        assertThat(increase(before, after, "kmcp_token_rejections_total", Map.of("reason", "invalid-request")))
                .isEqualTo(1);
        assertThat(increase(before, after, "kmcp_token_rejections_total", Map.of()))
                .isEqualTo(5);
    }

    @Test
    @DisplayName("Open sessions of the 2025-11-25 lane are a gauge; a request on an unknown session is a miss")
    void sessions() {
        RawHttp http = new RawHttp(port);
        String token = token(TestTokens.valid(SUBJECT));
        PrometheusScrape before = scrape();

        http.initializeSession(token);
        http.initializeSession(token);
        http.post("/mcp", RawHttp.LIST_TOOLS, RawHttp.session(token, "no-such-session"));

        PrometheusScrape after = scrape();
        assertThat(increase(before, after, "kmcp_sessions", Map.of())).isEqualTo(2);
        assertThat(increase(before, after, "kmcp_session_lookups_total", Map.of("result", "miss")))
                .isEqualTo(1);
    }

    @Test
    @DisplayName("An apply confirmed by the user counts asked and approved once, in either protocol lane")
    void confirmations() {
        McpSyncClient stateful =
                connect(request -> new ElicitResult(ElicitResult.Action.ACCEPT, Map.of("confirm", true)));
        io.modelcontextprotocol.modern.client.McpSyncClient sessionless = SessionlessClients.connect(
                port,
                token(TestTokens.valid(SUBJECT)),
                request -> McpSchema.ElicitResult.accept(Map.of("confirm", true)));
        McpSyncClient unable = connect();
        PrometheusScrape before = scrape();

        call(stateful, "resource_apply", Map.of("resourceYAML", YAML));
        sessionless
                .tool("resource_apply")
                .arguments(Map.of("resourceYAML", YAML))
                .call();
        call(unable, "resource_apply", Map.of("resourceYAML", YAML));
        call(unable, "resource_apply", Map.of("resourceYAML", YAML, "confirm", true));

        PrometheusScrape after = scrape();
        assertThat(confirmations(before, after, "asked")).isEqualTo(2);
        assertThat(confirmations(before, after, "approved")).isEqualTo(2);
        assertThat(confirmations(before, after, "declined")).isZero();
        assertThat(confirmations(before, after, "required")).isEqualTo(1);
        assertThat(confirmations(before, after, "confirmed-by-argument")).isEqualTo(1);
        Map<String, String> pending = Map.of("tool", "resource_apply", "cluster", CLUSTER, "outcome", "input-required");
        assertThat(increase(before, after, "kmcp_tool_calls_total", pending))
                .as("the sessionless lane's first round ends with the question")
                .isEqualTo(1);
    }

    @Test
    @DisplayName("No label value carries a caller's subject or token")
    void neitherSubjectNorTokenIsALabel() {
        McpSyncClient client = connect();
        call(client, "resource_list", Map.of("resource", "pods"));
        call(client, "resource_get", Map.of("resource", "pods", "name", "web", "namespace", "shop"));
        new RawHttp(port)
                .post("/mcp", RawHttp.INITIALIZE, RawHttp.bearer(token(TestTokens.signedByUntrustedKey(SUBJECT))));

        PrometheusScrape scrape = scrape();

        assertThat(scrape.has("kmcp_tool_calls_total", Map.of("tool", "resource_list")))
                .isTrue();
        assertThat(scrape.labelValues()).isNotEmpty().allSatisfy(value -> {
            assertThat(value).doesNotContain(SUBJECT).doesNotContain("metrics-agent");
            for (String token : tokensUsed) {
                assertThat(value).doesNotContain(token).doesNotContain(token.substring(token.length() - 16));
            }
        });
    }

    private McpSyncClient connect() {
        McpSyncClient client = McpClients.connect(port, token(TestTokens.valid(SUBJECT)));
        clients.add(client::closeGracefully);
        return client;
    }

    private McpSyncClient connect(
            java.util.function.Function<io.modelcontextprotocol.spec.McpSchema.ElicitFormRequest, ElicitResult> user) {
        McpSyncClient client = McpClients.connect(port, token(TestTokens.valid(SUBJECT)), user);
        clients.add(client::closeGracefully);
        return client;
    }

    private String token(String token) {
        tokensUsed.add(token);
        return token;
    }

    private PrometheusScrape scrape() {
        HttpResponse<String> response = new RawHttp(port).get(McpTestApplication.PROMETHEUS, Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        return PrometheusScrape.parse(response.body());
    }

    private static double increase(
            PrometheusScrape before, PrometheusScrape after, String name, Map<String, String> labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private static double confirmations(PrometheusScrape before, PrometheusScrape after, String outcome) {
        return increase(before, after, "kmcp_confirmations_total", Map.of("outcome", outcome));
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(labels);
        more.put(name, value);
        return more;
    }

    private void postWithTwoAuthorizations(String first, String second) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                                .header("Authorization", "Bearer " + first)
                                .header("Authorization", "Bearer " + second)
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json, text/event-stream")
                                .POST(HttpRequest.BodyPublishers.ofString(RawHttp.INITIALIZE))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isIn(400, 401);
    }
}
