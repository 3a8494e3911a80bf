package io.kmcp.acceptance.driver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Plain HTTP to k-mcp, for what an MCP client library does not let a caller do on purpose: no token,
 * a forged token, someone else's session id, a health check from a load balancer.
 */
public final class RawHttp {

    static final String PROTOCOL_VERSION = "2025-11-25";

    public static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"%s",\
            "capabilities":{},"clientInfo":{"name":"k-mcp-acceptance-raw","version":"1"}}}""".formatted(PROTOCOL_VERSION);

    public static final String INITIALIZED = """
            {"jsonrpc":"2.0","method":"notifications/initialized"}""";

    public static final String LIST_TOOLS = """
            {"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}""";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI base;

    public RawHttp(URI base) {
        this.base = base;
    }

    /** What came back: status, the bearer challenge and session id if any, and the body. */
    public record Answer(int status, Optional<String> challenge, Optional<String> sessionId, String body) {}

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /**
     * POSTs one JSON-RPC message to /mcp as a Streamable HTTP client would.
     *
     * @param token empty for a request without an Authorization header
     * @param sessionId empty before a session exists
     */
    public Answer post(Optional<String> token, Optional<String> sessionId, String message) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(message));
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        sessionId.ifPresent(
                id -> request.header("Mcp-Session-Id", id).header("MCP-Protocol-Version", PROTOCOL_VERSION));
        return send(request);
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("WWW-Authenticate"),
                    response.headers().firstValue("Mcp-Session-Id"),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException("k-mcp did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
