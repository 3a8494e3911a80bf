package io.kmcp.adapters.mcp;

import io.kmcp.adapters.mcp.http.HealthServlet;
import io.kmcp.adapters.mcp.http.OriginFilter;
import io.kmcp.adapters.mcp.http.ProtocolVersionFilter;
import io.kmcp.adapters.mcp.http.RequestSizeLimitFilter;
import io.kmcp.adapters.mcp.http.SessionOwners;
import io.kmcp.adapters.mcp.http.SessionOwnershipFilter;
import io.kmcp.adapters.mcp.security.BearerAuthentication;
import io.kmcp.adapters.mcp.security.CallerAuthentication;
import io.kmcp.adapters.mcp.security.ClusterSelector;
import io.kmcp.adapters.mcp.security.ProtectedResource;
import io.kmcp.adapters.mcp.security.TokenRejectionObserver;
import io.kmcp.application.port.in.ConfirmCaller;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Everything in front of the MCP endpoint, added to the wiring's Spring Security filter chain by
 * {@link #applyTo(HttpSecurity)}. In order, for requests to the endpoint:
 *
 * <ol>
 *   <li>Origin check (403), body size limit (413), {@code MCP-Protocol-Version} check (400), before
 *       the token is looked at;
 *   <li>bearer authentication (OAuth2 resource server with the given decoder, then k-mcp's claim
 *       checks): 401 with {@code WWW-Authenticate} otherwise, and no request goes further;
 *   <li>session ownership (404 on a session of another subject), after authorization.
 * </ol>
 *
 * <p>{@code /health} and the protected-resource metadata are open; the endpoint requires an
 * authenticated caller. The chain is stateless (no HTTP session, no CSRF token: nothing is
 * authenticated by a cookie). Rules for other paths are the wiring's to add after this, ending with
 * {@code anyRequest()}.
 */
public final class McpHttpSecurity {

    private final McpEndpoint endpoint;
    private final McpSecuritySettings settings;
    private final BearerAuthentication bearer;
    private final SessionOwners sessionOwners;

    /**
     * @param decoder verifies the token (signature, issuer); k-mcp's claim checks run after it whatever
     *     it checks itself
     * @param clusters chooses the configured cluster a token is for
     */
    public McpHttpSecurity(
            McpEndpoint endpoint, JwtDecoder decoder, ClusterSelector clusters, McpSecuritySettings settings) {
        this(endpoint, decoder, clusters, settings, Clock.systemUTC());
    }

    public McpHttpSecurity(
            McpEndpoint endpoint,
            JwtDecoder decoder,
            ClusterSelector clusters,
            McpSecuritySettings settings,
            Clock clock) {
        this(endpoint, decoder, clusters, settings, clock, caller -> {}, TokenRejectionObserver.NONE);
    }

    /**
     * @param confirmation a last check of every verified caller with its API server (for
     *     {@code --verify-with-apiserver}); a refusal is a 401
     * @param rejections told the reason of every request refused for its token, for metrics
     */
    public McpHttpSecurity(
            McpEndpoint endpoint,
            JwtDecoder decoder,
            ClusterSelector clusters,
            McpSecuritySettings settings,
            Clock clock,
            ConfirmCaller confirmation,
            TokenRejectionObserver rejections) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.bearer = new BearerAuthentication(
                decoder,
                clusters,
                settings.audience(),
                settings.clockSkew(),
                settings.protectedResource(),
                clock,
                confirmation,
                rejections);
        // The transport ends a session idle for one to two sweep intervals; the binding must outlive it.
        Duration idle = endpoint.settings().sessionIdleTimeout().multipliedBy(2).plusMinutes(1);
        this.sessionOwners = new SessionOwners(idle, endpoint.settings().maxSessionsPerCaller(), clock);
    }

    /** Who owns each session of the 2025-11-25 lane, for the metrics of sessions. */
    public SessionOwners sessionOwners() {
        return sessionOwners;
    }

    public HttpSecurity applyTo(HttpSecurity http) throws Exception {
        String path = endpoint.path();
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.csrf(csrf -> csrf.ignoringRequestMatchers(paths.matcher(path)))
                .cors(cors -> cors.configurationSource(corsFor(path, settings.allowedOrigins())))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(bearer.entryPoint()))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationEntryPoint(bearer.entryPoint())
                        .bearerTokenResolver(bearer.tokenResolver())
                        .jwt(jwt -> jwt.decoder(bearer.decoder()).jwtAuthenticationConverter(bearer.converter()))
                        .protectedResourceMetadata(
                                metadata -> metadata.protectedResourceMetadataCustomizer(bearer.metadataCustomizer())))
                .authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(paths.matcher(HttpMethod.GET, HealthServlet.PATH))
                        .permitAll()
                        .requestMatchers(paths.matcher(HttpMethod.GET, ProtectedResource.METADATA_PATH + "/**"))
                        .permitAll()
                        .requestMatchers(paths.matcher(path))
                        .authenticated())
                .addFilterBefore(new OriginFilter(path, settings.allowedOrigins()), DisableEncodeUrlFilter.class)
                .addFilterBefore(
                        new RequestSizeLimitFilter(path, endpoint.settings().maxRequestBytes()),
                        DisableEncodeUrlFilter.class)
                .addFilterBefore(
                        new ProtocolVersionFilter(path, endpoint.protocolVersions()), DisableEncodeUrlFilter.class)
                .addFilterAfter(
                        new SessionOwnershipFilter(path, sessionOwners, McpHttpSecurity::ownerOf),
                        AuthorizationFilter.class);
        return http;
    }

    /**
     * Browsers ask before they send a bearer token across origins: the preflight ({@code OPTIONS}) of an
     * allowed origin is answered before authentication, which it cannot carry, and the answers let the
     * page read the session id and the authentication challenge. Origins not allowed never get this
     * far: the Origin filter refuses them first.
     */
    static CorsConfigurationSource corsFor(String path, List<String> allowedOrigins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (allowedOrigins.isEmpty()) {
            return source;
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(allowedOrigins.stream()
                .map(origin -> origin.endsWith(":*") ? origin.substring(0, origin.length() - 1) + "[*]" : origin)
                .toList());
        cors.setAllowedMethods(List.of("GET", "POST", "DELETE"));
        // Mcp-Param-* headers are named by the tool's arguments, so they cannot be listed in advance.
        cors.setAllowedHeaders(List.of("*"));
        cors.setExposedHeaders(List.of("Mcp-Session-Id", "WWW-Authenticate"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofMinutes(10));
        source.registerCorsConfiguration(path, cors);
        return source;
    }

    private static Optional<String> ownerOf(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof CallerAuthentication caller && caller.isAuthenticated()
                ? Optional.of(caller.owner())
                : Optional.empty();
    }
}
