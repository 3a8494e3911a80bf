package io.kmcp.adapters.mcp.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Plain HTTP requests, for what an MCP client would never send. */
public final class RawHttp {

    public static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25",\
            "capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";
    public static final String INITIALIZED = """
            {"jsonrpc":"2.0","method":"notifications/initialized"}""";
    public static final String LIST_TOOLS = """
            {"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}""";

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    public HttpResponse<String> post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, headers)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request.build());
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) {
        return send(request(path, headers).GET().build());
    }

    /** Opens a listening stream; the caller closes its body. */
    public HttpResponse<java.io.InputStream> listen(Map<String, String> headers) {
        HttpRequest request = request("/mcp", headers)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> options(String path, Map<String, String> headers) {
        return send(request(path, headers)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());
    }

    public HttpResponse<String> delete(String path, Map<String, String> headers) {
        return send(request(path, headers).DELETE().build());
    }

    /** Initializes a session as the token's subject and returns its id. */
    public String initializeSession(String token) {
        HttpResponse<String> response = post("/mcp", INITIALIZE, bearer(token));
        if (response.statusCode() != 200) {
            throw new AssertionError("initialize failed: " + response.statusCode() + " " + response.body());
        }
        String sessionId = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
        Map<String, String> headers = new LinkedHashMap<>(bearer(token));
        headers.put("Mcp-Session-Id", sessionId);
        HttpResponse<String> initialized = post("/mcp", INITIALIZED, headers);
        if (initialized.statusCode() != 202) {
            throw new AssertionError("initialized failed: " + initialized.statusCode() + " " + initialized.body());
        }
        return sessionId;
    }

    public static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    public static Map<String, String> session(String token, String sessionId) {
        return Map.of("Authorization", "Bearer " + token, "Mcp-Session-Id", sessionId);
    }

    private HttpRequest.Builder request(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        return request;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
