package io.kmcp.adapters.mcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.adapters.mcp.support.MutableClock;
import io.kmcp.adapters.mcp.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

@DisplayName("Tokens remembered as verified")
class VerifiedTokensTest {

    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final String PROD = "prod";
    private static final String STAGING = "staging";
    private static final String TOKEN = "header.claims-of-agent.signature";
    private static final Instant EXPIRY = TestClock.NOW.plus(Duration.ofHours(1));
    private static final KeySetVersion KEYS = new KeySetVersion(1, TestClock.NOW.plus(Duration.ofMinutes(15)));

    private final MutableClock clock = new MutableClock();
    private final VerifiedTokens tokens = new VerifiedTokens(16, SKEW, clock);

    @Test
    @DisplayName(
            "a token verified by the cluster's current keys is found with its claims, carrying the request's token")
    void found() {
        tokens.remember(PROD, TOKEN, jwt(TOKEN, EXPIRY), KEYS);

        String sameTokenOfAnotherRequest = new String(TOKEN.toCharArray());
        Jwt found = tokens.find(PROD, sameTokenOfAnotherRequest, KEYS).orElseThrow();

        assertThat(found.getTokenValue()).isSameAs(sameTokenOfAnotherRequest);
        assertThat(found.getSubject()).isEqualTo("system:serviceaccount:team-a:agent");
        assertThat(found.getAudience()).containsExactly("k-mcp", "https://prod.example:6443");
        assertThat(found.getExpiresAt()).isEqualTo(EXPIRY);
        assertThat(found.getHeaders()).containsEntry("kid", "k1");
        assertThat(tokens.hits()).isEqualTo(1);
        assertThat(tokens.misses()).isZero();
    }

    @Test
    @DisplayName("a token never verified is a miss, and so is another token of the same caller")
    void unknown() {
        tokens.remember(PROD, TOKEN, jwt(TOKEN, EXPIRY), KEYS);

        assertThat(tokens.find(PROD, TOKEN + "x", KEYS)).isEmpty();
        assertThat(tokens.misses()).isEqualTo(1);
    }

    @Test
    @DisplayName("what is kept is a digest of the token and its claims, never the token")
    void noTokenKept() {
        tokens.remember(PROD, TOKEN, jwt(TOKEN, EXPIRY), KEYS);

        assertThat(tokens.size()).isEqualTo(1);
        assertThat(tokens.contents()).doesNotContain(TOKEN).contains("system:serviceaccount:team-a:agent");
    }

    @Test
    @DisplayName("tokens are kept apart by cluster: verified for one, a miss for another")
    void byCluster() {
        tokens.remember(PROD, TOKEN, jwt(TOKEN, EXPIRY), KEYS);

        assertThat(tokens.find(STAGING, TOKEN, KEYS)).isEmpty();
        assertThat(tokens.find(PROD, TOKEN, KEYS)).isPresent();
    }

    @Test
    @DisplayName("an entry ends at the token's expiry, checked at the use itself")
    void expiry() {
        tokens.remember(PROD, TOKEN, jwt(TOKEN, TestClock.NOW.plusSeconds(60)), KEYS);

        clock.advance(Duration.ofSeconds(59));
        assertThat(tokens.find(PROD, TOKEN, KEYS)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.find(PROD, TOKEN, KEYS)).isEmpty();
    }

    @Test
    @DisplayName("a token without an expiry is never kept")
    void noExpiry() {
        tokens.remember(PROD, TOKEN, jwt(TOKEN, null), KEYS);

        assertThat(tokens.find(PROD, TOKEN, KEYS)).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    @DisplayName("a token not valid yet, beyond the clock skew, is not kept")
    void notYetValid() {
        Jwt early = Jwt.withTokenValue(TOKEN)
                .header("alg", "RS256")
                .subject("system:serviceaccount:team-a:agent")
                .expiresAt(EXPIRY)
                .notBefore(TestClock.NOW.plus(SKEW).plusSeconds(1))
                .build();

        tokens.remember(PROD, TOKEN, early, KEYS);

        assertThat(tokens.size()).isZero();
    }

    @Test
    @DisplayName("an entry lasts no longer than the key set that verified it would be kept")
    void keySetLifetime() {
        tokens.remember(PROD, TOKEN, jwt(TOKEN, EXPIRY), KEYS);

        clock.advance(Duration.ofMinutes(15));

        assertThat(tokens.find(PROD, TOKEN, KEYS)).isEmpty();
    }

    @Test
    @DisplayName("a token verified by keys of an older generation is not trusted with the new keys")
    void olderKeys() {
        tokens.remember(PROD, TOKEN, jwt(TOKEN, EXPIRY), KEYS);

        KeySetVersion rotated = new KeySetVersion(2, KEYS.trustedUntil());

        assertThat(tokens.find(PROD, TOKEN, rotated)).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    @DisplayName("nothing is kept from a verification begun before any key set was fetched")
    void noKeysYet() {
        tokens.remember(PROD, TOKEN, jwt(TOKEN, EXPIRY), KeySetVersion.NONE);

        assertThat(tokens.size()).isZero();
    }

    @Test
    @DisplayName("forgetting a cluster drops its tokens and keeps the others'")
    void forget() {
        tokens.remember(PROD, TOKEN, jwt(TOKEN, EXPIRY), KEYS);
        tokens.remember(STAGING, TOKEN, jwt(TOKEN, EXPIRY), KEYS);

        tokens.forget(PROD);

        assertThat(tokens.find(PROD, TOKEN, KEYS)).isEmpty();
        assertThat(tokens.find(STAGING, TOKEN, KEYS)).isPresent();
    }

    @Test
    @DisplayName("the number of tokens kept is bounded")
    void bounded() {
        VerifiedTokens two = new VerifiedTokens(2, SKEW, clock);
        for (int i = 0; i < 5; i++) {
            two.remember(PROD, TOKEN + i, jwt(TOKEN + i, EXPIRY), KEYS);
        }

        assertThat(two.size()).isEqualTo(2);
    }

    @Test
    @DisplayName("a bound of 0 keeps nothing: every call verifies the signature; a negative bound is refused")
    void off() {
        VerifiedTokens none = new VerifiedTokens(0, SKEW, clock);
        none.remember(PROD, TOKEN, jwt(TOKEN, EXPIRY), KEYS);

        assertThat(none.find(PROD, TOKEN, KEYS)).isEmpty();
        assertThatThrownBy(() -> new VerifiedTokens(-1, SKEW, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be negative, was -1");
    }

    private static Jwt jwt(String token, Instant expiresAt) {
        Jwt.Builder builder = Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .header("kid", "k1")
                .issuer("https://kubernetes.default.svc.cluster.local")
                .subject("system:serviceaccount:team-a:agent")
                .audience(List.of("k-mcp", "https://prod.example:6443"))
                .issuedAt(TestClock.NOW.minusSeconds(60))
                .notBefore(TestClock.NOW.minusSeconds(60));
        return expiresAt == null
                ? builder.build()
                : builder.expiresAt(expiresAt).build();
    }
}
