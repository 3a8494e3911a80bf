package io.kmcp.adapters.mcp;

import io.kmcp.adapters.mcp.security.CallerAuthentication;
import io.kmcp.application.Caller;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpTransportContextExtractor;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Carries the {@link Caller} that Spring Security authenticated on this very request into the tool
 * handler, in both protocol lanes. The SDKs may run handlers where Spring's security context is not,
 * so the caller is read on the request thread and put into the MCP transport context, which they hand
 * to each handler with its own request.
 */
public final class CallerContext implements McpTransportContextExtractor<HttpServletRequest> {

    static final String KEY = "io.kmcp.caller";

    @Override
    public McpTransportContext extract(HttpServletRequest request) {
        return callerOf(request)
                .map(caller -> McpTransportContext.create(Map.of(KEY, caller)))
                .orElse(McpTransportContext.EMPTY);
    }

    /** The caller a tool acts for; empty when the request was not authenticated as one. */
    public static Optional<Caller> callerOf(McpTransportContext context) {
        return context != null && context.get(KEY) instanceof Caller caller ? Optional.of(caller) : Optional.empty();
    }

    private static Optional<Caller> callerOf(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        if (principal instanceof CallerAuthentication authentication) {
            return Optional.of(authentication.caller());
        }
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        return current instanceof CallerAuthentication authentication && authentication.isAuthenticated()
                ? Optional.of(authentication.caller())
                : Optional.empty();
    }
}
