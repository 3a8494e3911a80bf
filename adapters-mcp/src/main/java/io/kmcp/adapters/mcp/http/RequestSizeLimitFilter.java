package io.kmcp.adapters.mcp.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Refuses MCP messages larger than the limit with 413 and a message saying so, before the body is
 * read or the token checked. A body sent without {@code Content-Length} is cut at the same limit by the
 * MCP transport, whose bare 413 this filter words the same way.
 */
public final class RequestSizeLimitFilter extends McpEndpointFilter {

    private final long maxBytes;

    public RequestSizeLimitFilter(String mcpPath, long maxBytes) {
        super(mcpPath);
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the request size limit must be positive, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    @Override
    void check(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > maxBytes) {
            JsonRpcErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, message(length));
            return;
        }
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendError(int status) throws IOException {
                if (status == SC_REQUEST_ENTITY_TOO_LARGE && !isCommitted()) {
                    JsonRpcErrors.write((HttpServletResponse) getResponse(), status, message(-1));
                } else {
                    super.sendError(status);
                }
            }
        });
    }

    private String message(long length) {
        String size = length < 0 ? "larger than " + maxBytes + " bytes" : length + " bytes";
        return "The MCP message is " + size + "; this server accepts at most " + maxBytes
                + " bytes per message. Send less data at once (a smaller manifest, fewer documents).";
    }
}
