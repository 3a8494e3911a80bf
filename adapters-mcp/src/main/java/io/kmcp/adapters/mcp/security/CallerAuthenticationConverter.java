package io.kmcp.adapters.mcp.security;

import io.kmcp.application.BearerToken;
import io.kmcp.application.Caller;
import java.util.Objects;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/** Turns a verified, claim-checked token into the {@link Caller} the use cases take. */
final class CallerAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final ClusterSelector clusters;

    CallerAuthenticationConverter(ClusterSelector clusters) {
        this.clusters = Objects.requireNonNull(clusters, "clusters");
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            throw new InvalidTokenException("the token has no subject (sub)");
        }
        if (jwt.getExpiresAt() == null) {
            throw new InvalidTokenException("the token has no expiry (exp); k-mcp accepts only tokens that expire");
        }
        String cluster = clusters.clusterFor(jwt);
        BearerToken token = new BearerToken(jwt.getTokenValue(), jwt.getExpiresAt());
        return new CallerAuthentication(new Caller(cluster, jwt.getSubject(), token));
    }
}
