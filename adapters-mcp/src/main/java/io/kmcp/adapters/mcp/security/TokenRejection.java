package io.kmcp.adapters.mcp.security;

import java.util.Locale;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;

/**
 * Why a request's bearer token was refused, in a few fixed words: each check that refuses a token
 * names its reason, so that the count of refusals per reason shows a misconfigured client (wrong
 * audience, expired tokens) apart from an attack (forged signatures). A reason never carries the
 * token, its subject or its claims.
 */
public enum TokenRejection {
    /** No bearer token at all. */
    MISSING,
    /** The request is malformed: several Authorization headers. */
    INVALID_REQUEST,
    /** Not a JWT, or a signature that does not verify, or keys that cannot be had now. */
    UNVERIFIABLE,
    /** A JWT without a signature. */
    UNSIGNED,
    /** Signed with an algorithm k-mcp does not accept (none, HMAC …). */
    ALGORITHM,
    /** No {@code exp}. */
    NO_EXPIRY,
    EXPIRED,
    NOT_YET_VALID,
    /** The audience lacks the MCP audience. */
    AUDIENCE,
    /** The audience names no configured cluster, or several. */
    CLUSTER,
    /** Not issued by the issuer of the cluster its audience names. */
    ISSUER,
    /** No {@code sub}. */
    NO_SUBJECT,
    /** A subject the operator does not accept (not a service account, or of another namespace). */
    SUBJECT_NOT_ALLOWED,
    /** Its API server no longer accepts it ({@code --verify-with-apiserver}). */
    REFUSED_BY_API_SERVER,
    /** Anything else. */
    OTHER;

    /** {@code not-yet-valid}: the form used in metrics. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The reason of a failed authentication, from the check that failed. */
    static TokenRejection of(AuthenticationException failure) {
        if (failure instanceof InsufficientAuthenticationException) {
            return MISSING;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidTokenException invalid) {
                return invalid.rejection();
            }
            if (cause instanceof JwtValidationException validation) {
                return validation.getErrors().stream()
                        .filter(RejectedClaim.class::isInstance)
                        .map(error -> ((RejectedClaim) error).rejection())
                        .findFirst()
                        .orElse(UNVERIFIABLE);
            }
            if (cause instanceof JwtException) {
                return UNVERIFIABLE;
            }
        }
        if (failure instanceof OAuth2AuthenticationException oauth
                && BearerTokenErrorCodes.INVALID_REQUEST.equals(oauth.getError().getErrorCode())) {
            return INVALID_REQUEST;
        }
        return OTHER;
    }

    /** A claim check's error that names its reason. */
    static final class RejectedClaim extends OAuth2Error {

        private static final long serialVersionUID = 1L;

        private final TokenRejection rejection;

        RejectedClaim(TokenRejection rejection, String description) {
            super(BearerTokenErrorCodes.INVALID_TOKEN, description, null);
            this.rejection = rejection;
        }

        TokenRejection rejection() {
            return rejection;
        }
    }
}
