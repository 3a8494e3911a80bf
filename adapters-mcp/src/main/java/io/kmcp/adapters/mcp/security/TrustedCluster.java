package io.kmcp.adapters.mcp.security;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * A cluster whose service-account tokens k-mcp accepts, as the operator configured it: the API server
 * URL a token's audience must name, the issuer its tokens carry, where its signing keys are published,
 * and the TLS trust to fetch them with (the cluster CA).
 *
 * @param apiServer exactly as tokens name it in their audience
 * @param issuer the {@code iss} of its tokens; empty: read from the cluster's OIDC discovery document
 * @param jwksUri the JSON Web Key Set; by default the API server's {@code /openid/v1/jwks}
 * @param tls trusts the cluster CA (and checks the TLS server name, if one is configured)
 * @param timeout for each request fetching discovery or keys
 */
public record TrustedCluster(
        String name, URI apiServer, Optional<String> issuer, URI jwksUri, SSLContext tls, Duration timeout) {

    public static final String JWKS_PATH = "/openid/v1/jwks";
    public static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

    public TrustedCluster {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(apiServer, "apiServer");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(jwksUri, "jwksUri");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(timeout, "timeout");
        if (!"https".equalsIgnoreCase(jwksUri.getScheme())) {
            throw new IllegalArgumentException("the signing keys of cluster \"" + name
                    + "\" must be fetched over https, not " + jwksUri.getScheme());
        }
    }

    /** Keys at the API server's own {@code /openid/v1/jwks}, issuer discovered from the API server. */
    public static TrustedCluster atApiServer(String name, URI apiServer, SSLContext tls, Duration timeout) {
        return new TrustedCluster(name, apiServer, Optional.empty(), under(apiServer, JWKS_PATH), tls, timeout);
    }

    public TrustedCluster withIssuer(String value) {
        return new TrustedCluster(name, apiServer, Optional.of(value), jwksUri, tls, timeout);
    }

    public TrustedCluster withJwksUri(URI value) {
        return new TrustedCluster(name, apiServer, issuer, value, tls, timeout);
    }

    URI discoveryUri() {
        return under(apiServer, DISCOVERY_PATH);
    }

    private static URI under(URI base, String path) {
        String root = base.toString();
        return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + path);
    }
}
