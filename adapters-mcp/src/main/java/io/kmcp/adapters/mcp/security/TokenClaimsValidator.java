package io.kmcp.adapters.mcp.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The claim checks k-mcp owns, whichever decoder verified the signature: an expiry is required and
 * honoured, so is a not-before, both with a small bounded clock skew; the audience must contain the
 * MCP audience; there must be a subject. Each failure says what was wrong in words a client can act
 * on, and never quotes the token.
 */
public final class TokenClaimsValidator implements OAuth2TokenValidator<Jwt> {

    /** Clocks of a cluster and of this server agree within seconds; minutes would hide real expiry. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private final String audience;
    private final Duration clockSkew;
    private final Clock clock;

    public TokenClaimsValidator(String audience, Duration clockSkew, Clock clock) {
        this.audience = Objects.requireNonNull(audience, "audience");
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (audience.isBlank()) {
            throw new IllegalArgumentException("the MCP audience cannot be blank");
        }
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("the clock skew must be between 0 and " + MAX_CLOCK_SKEW.toSeconds()
                    + " seconds, was " + clockSkew);
        }
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        Instant now = clock.instant();
        List<OAuth2Error> errors = new ArrayList<>();
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            errors.add(invalid(
                    TokenRejection.NO_EXPIRY, "the token has no expiry (exp); k-mcp accepts only tokens that expire"));
        } else if (now.minus(clockSkew).isAfter(expiresAt)) {
            errors.add(invalid(TokenRejection.EXPIRED, "the token expired at " + expiresAt + "; request a new one"));
        }
        Instant notBefore = jwt.getNotBefore();
        if (notBefore != null && now.plus(clockSkew).isBefore(notBefore)) {
            errors.add(invalid(TokenRejection.NOT_YET_VALID, "the token is not valid before " + notBefore));
        }
        List<String> audiences = jwt.getAudience() == null ? List.of() : jwt.getAudience();
        if (!audiences.contains(audience)) {
            errors.add(invalid(
                    TokenRejection.AUDIENCE,
                    "the token's audience does not include \"" + audience
                            + "\"; request a token for that audience, e.g. kubectl create token NAME --audience "
                            + audience
                            + " --audience <API server URL>"));
        }
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            errors.add(invalid(TokenRejection.NO_SUBJECT, "the token has no subject (sub)"));
        }
        return errors.isEmpty() ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(errors);
    }

    private static OAuth2Error invalid(TokenRejection rejection, String description) {
        return new TokenRejection.RejectedClaim(rejection, description);
    }
}
