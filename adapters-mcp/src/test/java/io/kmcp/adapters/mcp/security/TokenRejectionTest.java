package io.kmcp.adapters.mcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kmcp.adapters.mcp.support.TestClock;
import io.kmcp.adapters.mcp.support.TestTokens;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** Each check that refuses a token names its reason, whichever layer of Spring Security wraps it. */
class TokenRejectionTest {

    private static final String SUBJECT = "system:serviceaccount:team-a:agent";

    private final JwtDecoder decoder = new ClaimCheckingJwtDecoder(
            signatureOnly(), new TokenClaimsValidator(TestTokens.AUDIENCE, Duration.ofSeconds(30), TestClock.CLOCK));

    /** As the test application's decoder: every claim check is k-mcp's. */
    private static JwtDecoder signatureOnly() {
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withPublicKey(TestTokens.trustedPublicKey()).build();
        decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        return decoder;
    }

    @Test
    @DisplayName("A claim check's failure is named by the claim, through Spring's wrapping of the decoder's exception")
    void claimChecks() {
        assertThat(reasonOfDecoding(TestTokens.with(
                        SUBJECT,
                        claims -> claims.issueTime(Date.from(TestClock.NOW.minusSeconds(7200)))
                                .expirationTime(Date.from(TestClock.NOW.minusSeconds(3600))))))
                .isEqualTo(TokenRejection.EXPIRED);
        assertThat(reasonOfDecoding(TestTokens.with(
                        SUBJECT, claims -> claims.notBeforeTime(Date.from(TestClock.NOW.plusSeconds(3600))))))
                .isEqualTo(TokenRejection.NOT_YET_VALID);
        assertThat(reasonOfDecoding(
                        TestTokens.with(SUBJECT, claims -> claims.audience(List.of(TestTokens.API_SERVER)))))
                .isEqualTo(TokenRejection.AUDIENCE);
        assertThat(reasonOfDecoding(TestTokens.with(SUBJECT, claims -> claims.subject(null))))
                .isEqualTo(TokenRejection.NO_SUBJECT);
    }

    @Test
    @DisplayName("A token that does not verify is unverifiable, as the client is told")
    void unverifiable() {
        assertThat(reasonOfDecoding(TestTokens.signedByUntrustedKey(SUBJECT))).isEqualTo(TokenRejection.UNVERIFIABLE);
        assertThat(reasonOfDecoding("not-a-jwt")).isEqualTo(TokenRejection.UNVERIFIABLE);
    }

    @Test
    @DisplayName("k-mcp's own refusals carry their reason; no token is MISSING; two headers are INVALID_REQUEST")
    void ownRefusals() {
        assertThat(TokenRejection.of(new InvalidTokenException(TokenRejection.CLUSTER, "no cluster")))
                .isEqualTo(TokenRejection.CLUSTER);
        assertThat(TokenRejection.of(
                        wrapped(() -> new InvalidTokenException(TokenRejection.ISSUER, "issued elsewhere"))))
                .isEqualTo(TokenRejection.ISSUER);
        assertThat(TokenRejection.of(new InsufficientAuthenticationException("no token")))
                .isEqualTo(TokenRejection.MISSING);
        assertThat(TokenRejection.of(new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest("two"))))
                .isEqualTo(TokenRejection.INVALID_REQUEST);
    }

    @Test
    @DisplayName("Labels are lower case words joined by hyphens")
    void labels() {
        assertThat(TokenRejection.NOT_YET_VALID.label()).isEqualTo("not-yet-valid");
        assertThat(TokenRejection.REFUSED_BY_API_SERVER.label()).isEqualTo("refused-by-api-server");
    }

    /** As Spring Security's JwtAuthenticationProvider reports a decoder's refusal to the entry point. */
    private TokenRejection reasonOfDecoding(String token) {
        BadJwtException refused = catchThrowableOfType(BadJwtException.class, () -> decoder.decode(token));
        assertThat(refused).as("the decoder refuses the token").isNotNull();
        return TokenRejection.of(new InvalidBearerTokenException(refused.getMessage(), refused));
    }

    private static AuthenticationException wrapped(Supplier<AuthenticationException> cause) {
        return new InvalidBearerTokenException("wrapped", cause.get());
    }
}
