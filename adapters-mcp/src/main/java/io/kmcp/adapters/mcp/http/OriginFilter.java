package io.kmcp.adapters.mcp.http;

import io.kmcp.domain.Texts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Refuses MCP requests from web pages of origins the operator did not allow, with 403: the defence
 * against DNS rebinding, where a page of any site reaches a server on the user's machine under the
 * site's own name (so its Host header proves nothing). Requests without an {@code Origin} header come
 * from programs, not browsers, and pass. Allowed origins are {@code scheme://host[:port]}, or
 * {@code scheme://host:*} for any port.
 */
public final class OriginFilter extends McpEndpointFilter {

    private final List<String> allowedOrigins;

    public OriginFilter(String mcpPath, List<String> allowedOrigins) {
        super(mcpPath);
        this.allowedOrigins =
                allowedOrigins.stream().map(OriginFilter::normalize).toList();
    }

    @Override
    void check(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String origin : Collections.list(request.getHeaders("Origin"))) {
            if (!isAllowed(origin)) {
                JsonRpcErrors.write(
                        response,
                        HttpServletResponse.SC_FORBIDDEN,
                        "Origin " + Texts.quote(origin) + " is not allowed to use this MCP server; the operator"
                                + " can add it to the allowed origins.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    boolean isAllowed(String origin) {
        String candidate = origin.strip().toLowerCase(Locale.ROOT);
        for (String allowed : allowedOrigins) {
            if (allowed.equals(candidate)) {
                return true;
            }
            if (allowed.endsWith(":*")) {
                String prefix = allowed.substring(0, allowed.length() - 1);
                String rest = candidate.startsWith(prefix) ? candidate.substring(prefix.length()) : "";
                if (!rest.isEmpty() && rest.chars().allMatch(Character::isDigit)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String normalize(String allowed) {
        String origin = allowed.strip().toLowerCase(Locale.ROOT);
        if (origin.equals("null")) {
            return origin;
        }
        String checkable = origin.endsWith(":*") ? origin.substring(0, origin.length() - 2) : origin;
        try {
            URI uri = new URI(checkable);
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null;
            if (web && uri.getHost() != null && bare) {
                return origin;
            }
        } catch (URISyntaxException malformed) {
            // reported below
        }
        throw new IllegalArgumentException(
                "an allowed origin must be scheme://host[:port] or scheme://host:*, was " + Texts.quote(allowed));
    }
}
