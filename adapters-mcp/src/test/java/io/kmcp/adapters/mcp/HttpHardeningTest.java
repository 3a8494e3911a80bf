package io.kmcp.adapters.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.adapters.mcp.support.FakeKubernetes;
import io.kmcp.adapters.mcp.support.McpTestApplication;
import io.kmcp.adapters.mcp.support.RawHttp;
import io.kmcp.adapters.mcp.support.TestTokens;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(classes = McpTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpHardeningTest {

    private static final String ALICE = "system:serviceaccount:team-a:alice";
    private static final String MALLORY = "system:serviceaccount:team-b:mallory";

    @LocalServerPort
    int port;

    @Autowired
    FakeKubernetes kubernetes;

    private RawHttp http;

    @BeforeEach
    void setUp() {
        kubernetes.reset();
        http = new RawHttp(port);
    }

    @Test
    @DisplayName("A request from a foreign Origin gets 403, before and regardless of its token")
    void foreignOriginIsRefused() {
        Map<String, String> withToken = with(RawHttp.bearer(TestTokens.valid(ALICE)), "Origin", "http://evil.example");

        HttpResponse<String> authenticated = http.post("/mcp", RawHttp.INITIALIZE, withToken);
        HttpResponse<String> anonymous = http.post("/mcp", RawHttp.INITIALIZE, Map.of("Origin", "http://evil.example"));

        assertThat(authenticated.statusCode()).isEqualTo(403);
        assertThat(authenticated.body()).contains("Origin 'http://evil.example' is not allowed");
        assertThat(anonymous.statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("An allowed Origin, and a request without Origin, pass")
    void allowedOriginPasses() {
        String token = TestTokens.valid(ALICE);

        assertThat(http.post(
                                "/mcp",
                                RawHttp.INITIALIZE,
                                with(RawHttp.bearer(token), "Origin", McpTestApplication.ALLOWED_ORIGIN))
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.post("/mcp", RawHttp.INITIALIZE, RawHttp.bearer(token)).statusCode())
                .isEqualTo(200);
    }

    @Test
    @DisplayName(
            "A browser's preflight from an allowed origin is answered without a token; from another origin it is refused")
    void corsPreflight() {
        Map<String, String> preflight = Map.of(
                "Origin", McpTestApplication.ALLOWED_ORIGIN,
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization, content-type, mcp-protocol-version");

        HttpResponse<String> allowed = http.options("/mcp", preflight);
        HttpResponse<String> foreign = http.options("/mcp", with(preflight, "Origin", "https://evil.example.com"));

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue(McpTestApplication.ALLOWED_ORIGIN);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValueSatisfying(methods -> assertThat(methods).contains("POST"));
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValueSatisfying(headers -> assertThat(headers.toLowerCase()).contains("authorization"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    @DisplayName("An allowed origin's page may read the session id and the authentication challenge")
    void corsExposesHeaders() {
        HttpResponse<String> response = http.post(
                "/mcp",
                RawHttp.INITIALIZE,
                with(RawHttp.bearer(TestTokens.valid(ALICE)), "Origin", McpTestApplication.ALLOWED_ORIGIN));

        assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue(McpTestApplication.ALLOWED_ORIGIN);
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers"))
                .hasValueSatisfying(exposed -> assertThat(exposed).contains("Mcp-Session-Id"));
    }

    @Test
    @DisplayName(
            "An unsupported MCP-Protocol-Version gets 400 with -32022, the request's id and the supported versions")
    void unsupportedProtocolVersionIsRefused() {
        String token = TestTokens.valid(ALICE);
        String session = http.initializeSession(token);

        HttpResponse<String> response = http.post(
                "/mcp",
                RawHttp.LIST_TOOLS,
                with(RawHttp.session(token, session), "MCP-Protocol-Version", "1999-01-01"));
        HttpResponse<String> supported = http.post(
                "/mcp",
                RawHttp.LIST_TOOLS,
                with(RawHttp.session(token, session), "MCP-Protocol-Version", "2025-06-18"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("\"code\":-32022")
                .contains("\"id\":2")
                .contains("Unsupported MCP-Protocol-Version '1999-01-01'")
                .contains("\"data\":{\"supported\":[\"2026-07-28\",\"2025-11-25\",\"2025-06-18\",\"2025-03-26\"],"
                        + "\"requested\":\"1999-01-01\"}");
        assertThat(supported.statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("A message over the size limit gets 413 with a message saying so, and reaches no tool")
    void oversizedMessageIsRefused() {
        String token = TestTokens.valid(ALICE);
        String session = http.initializeSession(token);
        String huge = """
                {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"resource_types","arguments":{"group":"%s"}}}""".formatted("a".repeat(McpTestApplication.MAX_REQUEST_BYTES));

        HttpResponse<String> response = http.post("/mcp", huge, RawHttp.session(token, session));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body())
                .contains("this server accepts at most " + McpTestApplication.MAX_REQUEST_BYTES + " bytes");
        assertThat(kubernetes.calls()).isEmpty();
    }

    @Test
    @DisplayName(
            "Another subject cannot post to, listen on or end a session, which answers as unknown; its owner still can")
    void sessionIsBoundToItsSubject() {
        String alice = TestTokens.valid(ALICE);
        String mallory = TestTokens.valid(MALLORY);
        String session = http.initializeSession(alice);

        HttpResponse<String> post = http.post("/mcp", RawHttp.LIST_TOOLS, RawHttp.session(mallory, session));
        HttpResponse<String> listen =
                http.get("/mcp", with(RawHttp.session(mallory, session), "Accept", "text/event-stream"));
        HttpResponse<String> end = http.delete("/mcp", RawHttp.session(mallory, session));

        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(listen.statusCode()).isEqualTo(404);
        assertThat(end.statusCode()).isEqualTo(404);
        assertThat(post.body()).contains("Session not found");

        HttpResponse<String> owners = http.post("/mcp", RawHttp.LIST_TOOLS, RawHttp.session(alice, session));
        assertThat(owners.statusCode()).isEqualTo(200);
        assertThat(owners.body()).contains("resource_list");
    }

    @Test
    @DisplayName("The owner can listen on its session while another subject cannot")
    void ownerListens() throws Exception {
        String alice = TestTokens.valid(ALICE);
        String session = http.initializeSession(alice);

        HttpResponse<java.io.InputStream> stream = http.listen(RawHttp.session(alice, session));
        try (java.io.InputStream body = stream.body()) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        }
        HttpResponse<java.io.InputStream> refused = http.listen(RawHttp.session(TestTokens.valid(MALLORY), session));
        refused.body().close();
        assertThat(refused.statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("A session the owner ended is unknown afterwards, to the owner too")
    void endedSessionIsForgotten() {
        String alice = TestTokens.valid(ALICE);
        String session = http.initializeSession(alice);

        HttpResponse<String> end = http.delete("/mcp", RawHttp.session(alice, session));
        HttpResponse<String> after = http.post("/mcp", RawHttp.LIST_TOOLS, RawHttp.session(alice, session));

        assertThat(end.statusCode()).isEqualTo(200);
        assertThat(after.statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("/health answers healthy with an RFC 3339 time, without authentication")
    void health() {
        HttpResponse<String> response = http.get("/health", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"status\":\"healthy\",\"time\":\"2026-06-01T12:00:00Z\"}");
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return more;
    }
}
