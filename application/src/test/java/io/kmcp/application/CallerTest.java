package io.kmcp.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A caller")
class CallerTest {

    private static final Instant EXPIRY = Instant.parse("2026-11-23T13:00:00Z");
    private static final BearerToken TOKEN = new BearerToken("header.payload.signature", EXPIRY);

    @Test
    @DisplayName("expires when its token does")
    void expiresWithItsToken() {
        assertThat(new Caller("dev", "system:serviceaccount:team:agent", TOKEN).expiresAt())
                .isEqualTo(EXPIRY);
    }

    @Test
    @DisplayName("printed in a log line, shows cluster and subject but never the token")
    void toStringHidesToken() {
        assertThat(new Caller("dev", "system:serviceaccount:team:agent", TOKEN).toString())
                .contains("dev", "system:serviceaccount:team:agent", "redacted")
                .doesNotContain("header.payload.signature");
    }

    @Test
    @DisplayName("needs a cluster, a subject and a token")
    void everythingRequired() {
        assertThatThrownBy(() -> new Caller(null, "subject", TOKEN)).hasMessage("cluster");
        assertThatThrownBy(() -> new Caller("dev", null, TOKEN)).hasMessage("subject");
        assertThatThrownBy(() -> new Caller("dev", "subject", null)).hasMessage("token");
    }
}
