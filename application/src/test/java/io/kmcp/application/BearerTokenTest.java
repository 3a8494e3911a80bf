package io.kmcp.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A bearer token")
class BearerTokenTest {

    private static final Instant EXPIRY = Instant.parse("2026-11-23T13:00:00Z");
    private static final String SECRET = "eyJhbGciOiJSUzI1NiJ9.payload.signature";

    private final BearerToken token = new BearerToken(SECRET, EXPIRY);

    @Test
    @DisplayName("prints as redacted with its expiry, never the secret")
    void toStringIsRedacted() {
        assertThat(token.toString())
                .isEqualTo("BearerToken[redacted, expires 2026-11-23T13:00:00Z]")
                .doesNotContain(SECRET);
    }

    @Test
    @DisplayName("reveals the secret only when asked, for the call to the API server")
    void reveal() {
        assertThat(token.reveal()).isEqualTo(SECRET);
        assertThat(token.expiresAt()).isEqualTo(EXPIRY);
    }

    @Test
    @DisplayName("the fingerprint is the SHA-256 of the token in hex: stable across instances and expiries")
    void fingerprintIsSha256() {
        assertThat(new BearerToken("abc", EXPIRY).fingerprint())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(new BearerToken(SECRET, EXPIRY.plusSeconds(60)).fingerprint())
                .isEqualTo(token.fingerprint());
    }

    @Test
    @DisplayName("the fingerprint does not contain the token, and different tokens have different fingerprints")
    void fingerprintHidesAndDistinguishes() {
        assertThat(token.fingerprint()).doesNotContain(SECRET).doesNotContain("payload");
        assertThat(new BearerToken(SECRET + "x", EXPIRY).fingerprint()).isNotEqualTo(token.fingerprint());
    }

    @Test
    @DisplayName("is expired from its expiry instant on, and valid until just before it")
    void expiry() {
        assertThat(token.isExpiredAt(EXPIRY.minusNanos(1))).isFalse();
        assertThat(token.isExpiredAt(EXPIRY)).isTrue();
        assertThat(token.isExpiredAt(EXPIRY.plus(Duration.ofHours(1)))).isTrue();
    }

    @Test
    @DisplayName("a blank or missing token or expiry is refused")
    void refusesBlankOrMissing() {
        assertThatThrownBy(() -> new BearerToken(" ", EXPIRY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> new BearerToken(null, EXPIRY)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new BearerToken(SECRET, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("two tokens are equal when secret and expiry are, and equal tokens hash alike")
    void equality() {
        BearerToken same = new BearerToken(SECRET, EXPIRY);
        BearerToken otherSecret = new BearerToken(SECRET + "x", EXPIRY);
        BearerToken otherExpiry = new BearerToken(SECRET, EXPIRY.plusSeconds(1));

        assertThat(token).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(token).isNotEqualTo(otherSecret).isNotEqualTo(otherExpiry).isNotEqualTo(SECRET);
        assertThat(token.hashCode()).isNotEqualTo(otherSecret.hashCode());
    }
}
