package io.kmcp.adapters.mcp.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals at the HTTP level, written as the MCP transport specification allows: the status code,
 * and a JSON-RPC error without an id whose message says what was wrong.
 */
final class JsonRpcErrors {

    /** JSON-RPC's "Invalid Request". */
    static final int INVALID_REQUEST = -32600;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonRpcErrors() {}

    /** MCP's "Unsupported protocol version". */
    static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

    static void write(HttpServletResponse response, int status, String message) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", INVALID_REQUEST);
        error.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("error", error);
        send(response, status, body);
    }

    /**
     * An error about one request, with its id when the request had one, and the error's data, as
     * MCP's typed errors carry it.
     */
    static void write(
            HttpServletResponse response, int status, Object id, int code, String message, Map<String, Object> data)
            throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("data", data);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        if (id != null) {
            body.put("id", id);
        }
        body.put("error", error);
        send(response, status, body);
    }

    private static void send(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(body));
        response.getWriter().flush();
    }
}
