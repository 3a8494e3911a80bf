package io.kmcp.adapters.mcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.adapters.mcp.observability.VerifiedTokenMetrics;
import io.kmcp.adapters.mcp.support.TestClock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** In the security package, to fill the cache as the verifier does. */
@DisplayName("The metrics of tokens remembered as verified")
class VerifiedTokenMetricsTest {

    private static final String TOKEN = "header.claims.signature";
    private static final KeySetVersion KEYS = new KeySetVersion(1, TestClock.NOW.plus(Duration.ofMinutes(15)));

    @Test
    @DisplayName("hits, misses and the number kept, labelled by result only: no token, no subject")
    void metrics() {
        VerifiedTokens tokens = new VerifiedTokens(16, Duration.ofSeconds(30), TestClock.CLOCK);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new VerifiedTokenMetrics(tokens).bindTo(registry);

        tokens.find("prod", TOKEN, KEYS);
        tokens.remember(
                "prod",
                TOKEN,
                Jwt.withTokenValue(TOKEN)
                        .header("alg", "RS256")
                        .subject("system:serviceaccount:team-a:agent")
                        .expiresAt(TestClock.NOW.plusSeconds(600))
                        .build(),
                KEYS);
        tokens.find("prod", TOKEN, KEYS);
        tokens.find("prod", TOKEN, KEYS);

        assertThat(registry.get("kmcp.verified.token.lookups")
                        .tag("result", "hit")
                        .functionCounter()
                        .count())
                .isEqualTo(2);
        assertThat(registry.get("kmcp.verified.token.lookups")
                        .tag("result", "miss")
                        .functionCounter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("kmcp.verified.tokens").gauge().value()).isEqualTo(1);
        List<String> labels = registry.getMeters().stream()
                .map(Meter::getId)
                .flatMap(id -> id.getTags().stream())
                .map(tag -> tag.getKey() + "=" + tag.getValue())
                .distinct()
                .toList();
        assertThat(labels).containsExactlyInAnyOrder("result=hit", "result=miss");
    }
}
