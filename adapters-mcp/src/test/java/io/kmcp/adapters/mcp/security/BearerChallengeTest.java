package io.kmcp.adapters.mcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class BearerChallengeTest {

    @Test
    @DisplayName("The description lists k-mcp's failed checks")
    void describesFailedChecks() {
        JwtValidationException validation = new JwtValidationException(
                "expired",
                List.of(
                        new OAuth2Error("invalid_token", "the token expired at X", null),
                        new OAuth2Error("invalid_token", "the token has no subject (sub)", null)));

        assertThat(BearerChallenge.describe(new InvalidBearerTokenException("ignored", validation)))
                .isEqualTo("the token expired at X; the token has no subject (sub)");
    }

    @Test
    @DisplayName("A decoder's own message, which may quote parts of the token, is replaced by a fixed sentence")
    void hidesParserMessages() {
        BadJwtException parser = new BadJwtException("Invalid JWS header: {\"alg\":\"none\",\"x\":\"eyJ...\"}");

        assertThat(BearerChallenge.describe(new InvalidBearerTokenException(parser.getMessage(), parser)))
                .isEqualTo(BearerChallenge.UNVERIFIABLE);
    }

    @Test
    @DisplayName("A description cannot break out of its quoted header parameter or add header lines")
    void sanitizesForTheHeader() {
        assertThat(BearerChallenge.sanitize("bad \"x\"\r\nSet-Cookie: a=b\\"))
                .isEqualTo("bad 'x'  Set-Cookie: a=b'")
                .hasSizeLessThan(300);
        assertThat(BearerChallenge.sanitize("y".repeat(1000))).hasSize(300);
    }
}
