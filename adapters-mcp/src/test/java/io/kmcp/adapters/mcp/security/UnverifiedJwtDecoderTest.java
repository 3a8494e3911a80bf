package io.kmcp.adapters.mcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.PlainJWT;
import io.kmcp.adapters.mcp.support.TestClock;
import io.kmcp.adapters.mcp.support.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

class UnverifiedJwtDecoderTest {

    private final UnverifiedJwtDecoder decoder = new UnverifiedJwtDecoder();

    @Test
    @DisplayName("A signed token is read with its claims typed as Spring Security expects")
    void readsSignedTokens() {
        Jwt jwt = decoder.decode(TestTokens.valid("system:serviceaccount:a:b"));

        assertThat(jwt.getSubject()).isEqualTo("system:serviceaccount:a:b");
        assertThat(jwt.getAudience()).containsExactly(TestTokens.AUDIENCE, TestTokens.API_SERVER);
        assertThat(jwt.getExpiresAt()).isEqualTo(TestClock.NOW.plus(Duration.ofHours(1)));
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
    }

    @Test
    @DisplayName("Unsigned tokens (alg none) and text that is no JWT are refused")
    void refusesUnsignedAndMalformed() {
        String unsigned = new PlainJWT(TestTokens.claims("x").build()).serialize();

        assertThatThrownBy(() -> decoder.decode(unsigned))
                .isInstanceOf(BadJwtException.class)
                .hasMessage("the token is not signed");
        assertThatThrownBy(() -> decoder.decode("garbage"))
                .isInstanceOf(BadJwtException.class)
                .hasMessage("the token is not a JWT");
    }
}
