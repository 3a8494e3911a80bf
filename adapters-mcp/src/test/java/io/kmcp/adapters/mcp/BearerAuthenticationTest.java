package io.kmcp.adapters.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.adapters.mcp.support.FakeKubernetes;
import io.kmcp.adapters.mcp.support.McpTestApplication;
import io.kmcp.adapters.mcp.support.RawHttp;
import io.kmcp.adapters.mcp.support.TestClock;
import io.kmcp.adapters.mcp.support.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = McpTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BearerAuthenticationTest {

    private static final String SUBJECT = "system:serviceaccount:team-a:agent";

    @LocalServerPort
    int port;

    @Autowired
    FakeKubernetes kubernetes;

    private RawHttp http;
    private String metadataUrl;

    @BeforeEach
    void setUp() {
        kubernetes.reset();
        http = new RawHttp(port);
        metadataUrl = "http://localhost:" + port + "/.well-known/oauth-protected-resource";
    }

    @Test
    @DisplayName("A request without a token gets 401 with a bare Bearer challenge pointing at the resource metadata")
    void missingToken() {
        HttpResponse<String> response = http.post("/mcp", RawHttp.INITIALIZE, Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer resource_metadata=\"" + metadataUrl + "\"");
        assertThat(response.body()).contains("a bearer token is required");
    }

    @Test
    @DisplayName("An expired token gets 401 invalid_token saying it expired, and no tool call reaches a use case")
    void expiredToken() {
        Date twoHoursAgo = Date.from(TestClock.NOW.minus(Duration.ofHours(2)));
        String token = TestTokens.with(
                SUBJECT,
                claims -> claims.issueTime(twoHoursAgo)
                        .notBeforeTime(twoHoursAgo)
                        .expirationTime(Date.from(TestClock.NOW.minus(Duration.ofMinutes(5)))));

        assertRefused(token, "the token expired at 2026-06-01T11:55:00Z");
    }

    @Test
    @DisplayName("A token within the clock skew of its expiry is still accepted")
    void tokenWithinClockSkewIsAccepted() {
        String token = TestTokens.with(
                SUBJECT, claims -> claims.expirationTime(Date.from(TestClock.NOW.minus(Duration.ofSeconds(10)))));

        assertThat(http.post("/mcp", RawHttp.INITIALIZE, RawHttp.bearer(token)).statusCode())
                .isEqualTo(200);
    }

    @Test
    @DisplayName("A token without an expiry gets 401 invalid_token")
    void tokenWithoutExpiry() {
        String token = TestTokens.with(SUBJECT, claims -> claims.expirationTime(null));

        assertRefused(token, "the token has no expiry (exp)");
    }

    @Test
    @DisplayName("A token not valid yet gets 401 invalid_token")
    void tokenNotYetValid() {
        String token = TestTokens.with(
                SUBJECT, claims -> claims.notBeforeTime(Date.from(TestClock.NOW.plus(Duration.ofMinutes(10)))));

        assertRefused(token, "the token is not valid before 2026-06-01T12:10:00Z");
    }

    @Test
    @DisplayName("A token whose audience lacks the MCP audience gets 401 invalid_token naming the audience")
    void wrongAudience() {
        String token = TestTokens.with(SUBJECT, claims -> claims.audience(List.of(TestTokens.API_SERVER)));

        assertRefused(token, "the token's audience does not include 'k-mcp'");
    }

    @Test
    @DisplayName(
            "A token signed by an untrusted key, or no JWT at all, gets 401 invalid_token without the parser's words")
    void unverifiableTokens() {
        assertRefused(TestTokens.signedByUntrustedKey(SUBJECT), "signature could not be verified");
        assertRefused("not-a-jwt", "the token is malformed or its signature could not be verified");
    }

    @Test
    @DisplayName(
            "The protected-resource metadata names the resource, the authorization server and header bearer tokens, without authentication")
    void protectedResourceMetadata() {
        HttpResponse<String> response = http.get("/.well-known/oauth-protected-resource", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = JsonMapper.builder().build().readValue(response.body(), Map.class);
        assertThat(metadata.get("resource")).isEqualTo("http://localhost:" + port);
        assertThat(metadata.get("authorization_servers")).isEqualTo(List.of(TestTokens.ISSUER));
        assertThat(metadata.get("bearer_methods_supported")).isEqualTo(List.of("header"));
        assertThat(metadata).doesNotContainKey("tls_client_certificate_bound_access_tokens");
    }

    @Test
    @DisplayName("Paths other than the MCP endpoint, health and metadata are closed")
    void otherPathsAreClosed() {
        String token = TestTokens.valid(SUBJECT);

        assertThat(http.get("/actuator", RawHttp.bearer(token)).statusCode()).isEqualTo(403);
        assertThat(http.get("/anything", Map.of()).statusCode()).isEqualTo(401);
    }

    private void assertRefused(String token, String description) {
        HttpResponse<String> initialize = http.post("/mcp", RawHttp.INITIALIZE, RawHttp.bearer(token));
        HttpResponse<String> call = http.post("/mcp", """
                {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"resource_types","arguments":{}}}""", RawHttp.session(token, "any-session"));

        for (HttpResponse<String> response : List.of(initialize, call)) {
            assertThat(response.statusCode()).isEqualTo(401);
            String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
            assertThat(challenge)
                    .startsWith("Bearer error=\"invalid_token\", error_description=\"")
                    .contains(description.replace('"', '\''))
                    .endsWith("resource_metadata=\"" + metadataUrl + "\"")
                    .doesNotContain(token);
            assertThat(response.body()).doesNotContain(token);
        }
        assertThat(kubernetes.calls()).isEmpty();
    }
}
