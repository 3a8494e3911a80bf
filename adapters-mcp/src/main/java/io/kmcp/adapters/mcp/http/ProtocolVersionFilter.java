package io.kmcp.adapters.mcp.http;

import io.kmcp.domain.Texts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers 400 to an MCP request whose {@code MCP-Protocol-Version} header names a version this
 * server does not speak, with MCP's UnsupportedProtocolVersionError ({@code -32022}, the request's
 * id, and the versions supported and requested), as the Streamable HTTP transport requires (the SDK negotiates the version
 * at initialization but does not check the header). Without the header a client speaks 2025-03-26,
 * which is supported.
 */
public final class ProtocolVersionFilter extends McpEndpointFilter {

    static final String HEADER = "MCP-Protocol-Version";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String> supported;

    public ProtocolVersionFilter(String mcpPath, List<String> supportedVersions) {
        super(mcpPath);
        this.supported = List.copyOf(supportedVersions);
        if (supported.isEmpty()) {
            throw new IllegalArgumentException("at least one protocol version must be supported");
        }
    }

    /**
     * The id of the refused request, so that the client can match the error to it: read from the body,
     * which the size limit filter has bounded, only on this refusal path.
     */
    private static Object requestId(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        try {
            JsonNode id = JSON.readTree(request.getInputStream()).path("id");
            return id.isNumber() ? id.numberValue() : id.isString() ? id.asString() : null;
        } catch (IOException | JacksonException | IllegalArgumentException unreadable) {
            return null;
        }
    }

    @Override
    void check(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> versions = Collections.list(request.getHeaders(HEADER)).stream()
                .map(String::strip)
                .distinct()
                .toList();
        if (versions.size() > 1) {
            JsonRpcErrors.write(
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    "The request names several MCP protocol versions; send one " + HEADER + " header.");
            return;
        }
        if (versions.size() == 1 && !supported.contains(versions.get(0))) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("supported", supported);
            data.put("requested", versions.get(0));
            JsonRpcErrors.write(
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    requestId(request),
                    JsonRpcErrors.UNSUPPORTED_PROTOCOL_VERSION,
                    "Unsupported " + HEADER + " " + Texts.quote(versions.get(0)) + "; this server supports "
                            + String.join(", ", supported) + ".",
                    data);
            return;
        }
        chain.doFilter(request, response);
    }
}
