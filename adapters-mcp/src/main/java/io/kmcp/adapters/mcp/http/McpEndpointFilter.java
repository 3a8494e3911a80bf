package io.kmcp.adapters.mcp.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A filter of the MCP endpoint's requests only: health probes, metadata and metrics pass untouched.
 * A subclass says what it checks in {@link #check}.
 */
abstract class McpEndpointFilter extends OncePerRequestFilter {

    private final McpPath mcpPath;

    McpEndpointFilter(String mcpPath) {
        this.mcpPath = new McpPath(mcpPath);
    }

    @Override
    protected final boolean shouldNotFilter(HttpServletRequest request) {
        return !mcpPath.matches(request);
    }

    @Override
    protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        check(request, response, chain);
    }

    /** Answers the request itself (a refusal), or passes it on along the chain. */
    abstract void check(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException;
}
