package io.kmcp.adapters.mcp;

import io.kmcp.adapters.mcp.security.ProtectedResource;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How MCP requests are authenticated and screened.
 *
 * @param audience the audience every token must carry, {@code k-mcp} by default
 * @param clockSkew tolerance on {@code exp} and {@code nbf}, at most five minutes
 * @param allowedOrigins web origins allowed to call the endpoint ({@code scheme://host[:port]} or
 *     {@code scheme://host:*}); requests from other origins get 403, requests without an origin pass
 * @param protectedResource the public base URL and the authorization servers the RFC 9728 metadata
 *     advertises
 */
public record McpSecuritySettings(
        String audience, Duration clockSkew, List<String> allowedOrigins, ProtectedResource protectedResource) {

    public static final String DEFAULT_AUDIENCE = "k-mcp";
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);

    public McpSecuritySettings {
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(clockSkew, "clockSkew");
        allowedOrigins = List.copyOf(Objects.requireNonNull(allowedOrigins, "allowedOrigins"));
        Objects.requireNonNull(protectedResource, "protectedResource");
    }

    public static McpSecuritySettings defaults() {
        return new McpSecuritySettings(
                DEFAULT_AUDIENCE, DEFAULT_CLOCK_SKEW, List.of(), new ProtectedResource(Optional.empty(), List.of()));
    }

    public McpSecuritySettings withAudience(String value) {
        return new McpSecuritySettings(value, clockSkew, allowedOrigins, protectedResource);
    }

    public McpSecuritySettings withClockSkew(Duration value) {
        return new McpSecuritySettings(audience, value, allowedOrigins, protectedResource);
    }

    public McpSecuritySettings withAllowedOrigins(List<String> value) {
        return new McpSecuritySettings(audience, clockSkew, value, protectedResource);
    }

    public McpSecuritySettings withPublicBaseUrl(URI value) {
        return new McpSecuritySettings(
                audience,
                clockSkew,
                allowedOrigins,
                new ProtectedResource(Optional.of(value), protectedResource.authorizationServers()));
    }

    public McpSecuritySettings withAuthorizationServers(List<String> issuers) {
        return new McpSecuritySettings(
                audience, clockSkew, allowedOrigins, new ProtectedResource(protectedResource.publicBaseUrl(), issuers));
    }
}
