package io.kmcp.adapters.mcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.adapters.mcp.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenClaimsValidatorTest {

    private static final Instant NOW = TestClock.NOW;

    private final TokenClaimsValidator validator =
            new TokenClaimsValidator("k-mcp", Duration.ofSeconds(30), TestClock.CLOCK);

    @Test
    @DisplayName("A token for the MCP audience, with a subject, within its validity, passes")
    void validTokenPasses() {
        assertThat(validate(jwt -> jwt).hasErrors()).isFalse();
    }

    @Test
    @DisplayName("A token without exp is refused: k-mcp accepts only tokens that expire")
    void expiryIsRequired() {
        assertThat(errors(jwt -> jwt.claims(claims -> claims.remove("exp"))))
                .containsExactly("the token has no expiry (exp); k-mcp accepts only tokens that expire");
    }

    @Test
    @DisplayName("A token expired for longer than the clock skew is refused; within the skew it passes")
    void expiryHonoursTheSkew() {
        assertThat(errors(jwt -> jwt.expiresAt(NOW.minusSeconds(31))))
                .containsExactly("the token expired at 2026-06-01T11:59:29Z; request a new one");
        assertThat(errors(jwt -> jwt.expiresAt(NOW.minusSeconds(30)))).isEmpty();
    }

    @Test
    @DisplayName("A token used before its nbf, beyond the skew, is refused")
    void notBeforeIsHonoured() {
        assertThat(errors(jwt -> jwt.notBefore(NOW.plusSeconds(31))))
                .containsExactly("the token is not valid before 2026-06-01T12:00:31Z");
        assertThat(errors(jwt -> jwt.notBefore(NOW.plusSeconds(30)))).isEmpty();
    }

    @Test
    @DisplayName("A token whose audience does not contain the MCP audience is refused, naming the audience to request")
    void audienceMustContainTheMcpAudience() {
        assertThat(errors(jwt -> jwt.audience(List.of("https://10.0.0.1:6443", "k-mcp-other"))))
                .singleElement()
                .asString()
                .startsWith("the token's audience does not include \"k-mcp\"")
                .contains("--audience k-mcp");
    }

    @Test
    @DisplayName("A token without a subject is refused")
    void subjectIsRequired() {
        assertThat(errors(jwt -> jwt.claims(claims -> claims.remove("sub"))))
                .containsExactly("the token has no subject (sub)");
    }

    @Test
    @DisplayName("The clock skew is bounded to five minutes and the audience cannot be blank")
    void settingsAreBounded() {
        assertThatThrownBy(() -> new TokenClaimsValidator("k-mcp", Duration.ofMinutes(6), TestClock.CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clock skew");
        assertThatThrownBy(() -> new TokenClaimsValidator(" ", Duration.ZERO, TestClock.CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<String> errors(UnaryOperator<Jwt.Builder> change) {
        return validate(change).getErrors().stream()
                .map(OAuth2Error::getDescription)
                .toList();
    }

    private OAuth2TokenValidatorResult validate(UnaryOperator<Jwt.Builder> change) {
        Jwt.Builder jwt = Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject("system:serviceaccount:team-a:agent")
                .audience(List.of("k-mcp", "https://10.0.0.1:6443"))
                .issuedAt(NOW.minusSeconds(7200))
                .notBefore(NOW.minusSeconds(60))
                .expiresAt(NOW.plusSeconds(3600));
        return validator.validate(change.apply(jwt).build());
    }
}
