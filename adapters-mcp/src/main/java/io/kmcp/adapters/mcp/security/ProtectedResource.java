package io.kmcp.adapters.mcp.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where this server is, as RFC 9728 describes a protected resource: its identifier and the URL of
 * its metadata. Taken from the configured public base URL; without one, from the request (which is
 * only as trustworthy as its Host header, so operators behind a proxy configure the base URL).
 *
 * @param publicBaseUrl e.g. {@code https://k-mcp.example.com}, without a trailing slash; empty to use
 *     the request's scheme, host and port
 * @param authorizationServers the issuers whose tokens this server accepts, as advertised in the
 *     metadata
 */
public record ProtectedResource(Optional<URI> publicBaseUrl, List<String> authorizationServers) {

    public static final String METADATA_PATH = "/.well-known/oauth-protected-resource";

    public ProtectedResource {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        authorizationServers = List.copyOf(Objects.requireNonNull(authorizationServers, "authorizationServers"));
        publicBaseUrl.ifPresent(ProtectedResource::requireBaseUrl);
    }

    private static void requireBaseUrl(URI url) {
        boolean http = "https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme());
        boolean bare = url.getRawQuery() == null && url.getRawFragment() == null && url.getRawUserInfo() == null;
        if (!http || url.getHost() == null || !bare) {
            throw new IllegalArgumentException(
                    "the public base URL must be an http(s) URL without query, fragment or user info, was " + url);
        }
    }

    /** The base URL of this server for the request, without a trailing slash. */
    public String baseUrl(HttpServletRequest request) {
        String base = publicBaseUrl
                .map(URI::toString)
                .orElseGet(() -> request.getScheme() + "://" + hostAndPort(request) + request.getContextPath());
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The URL a client fetches the metadata from, as {@code resource_metadata} advertises it. */
    public String metadataUrl(HttpServletRequest request) {
        return baseUrl(request) + METADATA_PATH;
    }

    private static String hostAndPort(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(request.getScheme()) && port == 80)
                || ("https".equals(request.getScheme()) && port == 443);
        String host = request.getServerName();
        String bracketed = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return defaultPort || port <= 0 ? bracketed : bracketed + ":" + port;
    }
}
