package io.kmcp.adapters.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.adapters.mcp.support.FakeKubernetes;
import io.kmcp.adapters.mcp.support.McpTestApplication;
import io.kmcp.adapters.mcp.support.RawHttp;
import io.kmcp.adapters.mcp.support.TestTokens;
import io.kmcp.adapters.mcp.support.Types;
import io.kmcp.application.port.in.ResourceList;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sessionless lane's requests as bytes on the wire: the revision is chosen by the request, and a
 * malformed or contradicting header or {@code _meta} gets the specification's JSON-RPC error, before
 * any tool runs.
 */
@SpringBootTest(classes = McpTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionlessHeadersTest {

    private static final String SUBJECT = "system:serviceaccount:team-a:agent";

    @LocalServerPort
    int port;

    @Autowired
    FakeKubernetes kubernetes;

    private RawHttp http;

    @BeforeEach
    void reset() {
        kubernetes.reset();
        http = new RawHttp(port);
    }

    @Test
    @DisplayName("A call that says 2026-07-28 is answered without any session or initialization")
    void noSessionNeeded() {
        kubernetes.onList((caller, query) ->
                new ResourceList(Types.PODS, Optional.empty(), List.of(), Optional.empty(), Optional.empty()));
        HttpResponse<String> response = post(call("2026-07-28"), headers("2026-07-28", "tools/call", "resource_list"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Mcp-Session-Id")).isEmpty();
        assertThat(response.body()).contains("\"resultType\":\"complete\"").contains("No pods.v1 found");
        assertThat(kubernetes.calls())
                .singleElement()
                .satisfies(call -> assertThat(call.caller().subject()).isEqualTo(SUBJECT));
    }

    @Test
    @DisplayName("Mcp-Method that contradicts the body is refused with -32020, and nothing runs")
    void contradictingMethod() {
        HttpResponse<String> response = post(call("2026-07-28"), headers("2026-07-28", "tools/list", "resource_list"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("-32020").contains("Mcp-Method header does not match");
        assertThat(kubernetes.calls()).isEmpty();
    }

    @Test
    @DisplayName("Mcp-Name that contradicts the tool called is refused with -32020, and nothing runs")
    void contradictingName() {
        HttpResponse<String> response = post(call("2026-07-28"), headers("2026-07-28", "tools/call", "resource_apply"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("-32020").contains("Mcp-Name header does not match");
        assertThat(kubernetes.calls()).isEmpty();
    }

    @Test
    @DisplayName("A protocol version header that contradicts _meta is refused with -32020")
    void contradictingVersion() {
        HttpResponse<String> response = post(call("2025-11-25"), headers("2026-07-28", "tools/call", "resource_list"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("-32020").contains("does not match _meta protocol version");
        assertThat(kubernetes.calls()).isEmpty();
    }

    @Test
    @DisplayName("A 2026-07-28 call without the version header is told the header is missing, not asked for a session")
    void missingVersionHeader() {
        Map<String, String> headers = headers("2026-07-28", "tools/call", "resource_list");
        headers.remove("MCP-Protocol-Version");

        HttpResponse<String> response = post(call("2026-07-28"), headers);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("-32020").contains("Missing required header: MCP-Protocol-Version");
    }

    @Test
    @DisplayName("A call without _meta is refused with -32602 naming what is missing")
    void missingMeta() {
        HttpResponse<String> response = post("""
                {"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"resource_list","arguments":{"resource":"pods"}}}""", headers("2026-07-28", "tools/call", "resource_list"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("-32602").contains("params._meta is required");
    }

    @Test
    @DisplayName("Without a token the sessionless lane answers 401 like the other lane, and nothing runs")
    void unauthenticated() {
        Map<String, String> headers = headers("2026-07-28", "tools/call", "resource_list");
        headers.remove("Authorization");

        HttpResponse<String> response = post(call("2026-07-28"), headers);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(kubernetes.calls()).isEmpty();
    }

    private HttpResponse<String> post(String body, Map<String, String> headers) {
        return http.post("/mcp", body, headers);
    }

    private static String call(String metaVersion) {
        return """
                {"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"resource_list","arguments":{"resource":"pods"},
                 "_meta":{"io.modelcontextprotocol/protocolVersion":"%s",
                          "io.modelcontextprotocol/clientCapabilities":{}}}}""".formatted(metaVersion);
    }

    private static Map<String, String> headers(String version, String method, String name) {
        Map<String, String> headers = new HashMap<>(RawHttp.bearer(TestTokens.valid(SUBJECT)));
        headers.put("MCP-Protocol-Version", version);
        headers.put("Mcp-Method", method);
        headers.put("Mcp-Name", name);
        return headers;
    }
}
