package io.kmcp.adapters.mcp.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The bearer token of a request, from exactly one Authorization header. Spring reads only the first
 * of several headers; two credentials in one request are ambiguous (a proxy and a client may each have
 * added one), so the request is refused instead. Tokens in the query string or a form body are never
 * read: URLs end up in logs.
 */
final class SingleBearerTokenResolver implements BearerTokenResolver {

    private final DefaultBearerTokenResolver delegate = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        if (Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION)).size() > 1) {
            throw new OAuth2AuthenticationException(
                    BearerTokenErrors.invalidRequest("send exactly one Authorization header"));
        }
        return delegate.resolve(request);
    }
}
