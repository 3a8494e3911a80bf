package io.kmcp.adapters.mcp.security;

import java.util.Objects;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;

/**
 * A verified token that k-mcp still refuses (no cluster for its audience, no subject …). The
 * description is shown to the client in {@code WWW-Authenticate}, so it must never quote the token.
 */
public class InvalidTokenException extends OAuth2AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final TokenRejection rejection;

    /** @param rejection why, in the few words metrics count refusals by */
    public InvalidTokenException(TokenRejection rejection, String description) {
        // RFC 6750 allows no double quote or backslash in a description; Spring would replace the whole
        // sentence by "Invalid token" rather than send one.
        super(invalidToken(BearerChallenge.sanitize(description)), BearerChallenge.sanitize(description));
        this.rejection = Objects.requireNonNull(rejection, "rejection");
    }

    public TokenRejection rejection() {
        return rejection;
    }

    private static BearerTokenError invalidToken(String description) {
        return BearerTokenErrors.invalidToken(description);
    }
}
