package io.kmcp.adapters.mcp.security;

import io.kmcp.application.port.in.ConfirmCaller;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadata;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The pieces of bearer authentication for Spring Security's resource server: the decoder with
 * k-mcp's claim checks after the given one, the conversion of a token to a caller, the 401 challenge
 * and the protected-resource metadata.
 */
public final class BearerAuthentication {

    /** Spring Security advertises mTLS-bound tokens by default; k-mcp does not bind tokens to certificates. */
    static final String TLS_BOUND_TOKENS = "tls_client_certificate_bound_access_tokens";

    private final JwtDecoder decoder;
    private final CallerAuthenticationConverter converter;
    private final BearerChallenge entryPoint;
    private final ProtectedResource resource;

    /**
     * @param confirmation a last check of the verified caller with its API server, or none
     * @param rejections told why each refused request was refused
     */
    public BearerAuthentication(
            JwtDecoder decoder,
            ClusterSelector clusters,
            String audience,
            Duration clockSkew,
            ProtectedResource resource,
            Clock clock,
            ConfirmCaller confirmation,
            TokenRejectionObserver rejections) {
        this.decoder = new ClaimCheckingJwtDecoder(
                Objects.requireNonNull(decoder, "decoder"), new TokenClaimsValidator(audience, clockSkew, clock));
        this.converter = new CallerAuthenticationConverter(clusters, confirmation);
        this.resource = Objects.requireNonNull(resource, "resource");
        this.entryPoint = new BearerChallenge(resource, rejections);
    }

    public JwtDecoder decoder() {
        return decoder;
    }

    public Converter<Jwt, AbstractAuthenticationToken> converter() {
        return converter;
    }

    /** Reads the token from exactly one Authorization header, never from the query string. */
    public BearerTokenResolver tokenResolver() {
        return new SingleBearerTokenResolver();
    }

    public AuthenticationEntryPoint entryPoint() {
        return entryPoint;
    }

    /** Fills the RFC 9728 metadata: resource, authorization servers, bearer in the header only. */
    public Consumer<OAuth2ProtectedResourceMetadata.Builder> metadataCustomizer() {
        return metadata -> {
            resource.publicBaseUrl().ifPresent(base -> metadata.resource(withoutTrailingSlash(base.toString())));
            if (!resource.authorizationServers().isEmpty()) {
                metadata.authorizationServers(servers -> servers.addAll(resource.authorizationServers()));
            }
            metadata.bearerMethods(methods -> {
                methods.clear();
                methods.add("header");
            });
            metadata.resourceName("k-mcp");
            metadata.claims(claims -> claims.remove(TLS_BOUND_TOKENS));
        };
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
