package io.kmcp.adapters.mcp.http;

import io.kmcp.domain.Texts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 400 to an MCP request whose {@code MCP-Protocol-Version} header names a version this
 * server does not speak, as the Streamable HTTP transport requires (the SDK negotiates the version
 * at initialization but does not check the header). Without the header a client speaks 2025-03-26,
 * which is supported.
 */
public final class ProtocolVersionFilter extends OncePerRequestFilter {

    static final String HEADER = "MCP-Protocol-Version";

    private final McpPath mcpPath;
    private final List<String> supported;

    public ProtocolVersionFilter(String mcpPath, List<String> supportedVersions) {
        this.mcpPath = new McpPath(mcpPath);
        this.supported = List.copyOf(supportedVersions);
        if (supported.isEmpty()) {
            throw new IllegalArgumentException("at least one protocol version must be supported");
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !mcpPath.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
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
            JsonRpcErrors.write(
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    "Unsupported " + HEADER + " " + Texts.quote(versions.get(0)) + "; this server supports "
                            + String.join(", ", supported) + ".");
            return;
        }
        chain.doFilter(request, response);
    }
}
