package io.kmcp.adapters.mcp.security;

import io.kmcp.application.BearerToken;
import io.kmcp.application.Caller;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.ConfirmCaller;
import java.util.Objects;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/** Turns a verified, claim-checked token into the {@link Caller} the use cases take. */
final class CallerAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final ClusterSelector clusters;
    private final ConfirmCaller confirmation;

    /**
     * @param confirmation asked last, once the token is verified and routed; a refusal is a 401
     */
    CallerAuthenticationConverter(ClusterSelector clusters, ConfirmCaller confirmation) {
        this.clusters = Objects.requireNonNull(clusters, "clusters");
        this.confirmation = Objects.requireNonNull(confirmation, "confirmation");
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            throw new InvalidTokenException(TokenRejection.NO_SUBJECT, "the token has no subject (sub)");
        }
        if (jwt.getExpiresAt() == null) {
            throw new InvalidTokenException(
                    TokenRejection.NO_EXPIRY, "the token has no expiry (exp); k-mcp accepts only tokens that expire");
        }
        String cluster = clusters.clusterFor(jwt);
        BearerToken token = new BearerToken(jwt.getTokenValue(), jwt.getExpiresAt());
        Caller caller = new Caller(cluster, jwt.getSubject(), token);
        try {
            confirmation.confirm(caller);
        } catch (RequestFailedException refused) {
            throw new InvalidTokenException(TokenRejection.REFUSED_BY_API_SERVER, refused.getMessage());
        }
        return new CallerAuthentication(caller);
    }
}
