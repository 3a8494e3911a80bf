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

    static void write(HttpServletResponse response, int status, String message) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", INVALID_REQUEST);
        error.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("error", error);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(body));
        response.getWriter().flush();
    }
}
