package io.kmcp.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A bearer token and its expiry. The value is a secret: {@link #toString()} redacts it so that no
 * log line, exception message or debugger view prints it by accident.
 */
public final class BearerToken {

    private final String value;
    private final Instant expiresAt;

    public BearerToken(String value, Instant expiresAt) {
        this.value = Objects.requireNonNull(value, "value");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a bearer token cannot be blank");
        }
    }

    /** The secret itself, for the one place that sends it to the API server. */
    public String reveal() {
        return value;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean isExpiredAt(Instant instant) {
        return !instant.isBefore(expiresAt);
    }

    /** A stable, non-reversible identifier of the token, for keys of caches and pools. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BearerToken that && value.equals(that.value) && expiresAt.equals(that.expiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, expiresAt);
    }

    @Override
    public String toString() {
        return "BearerToken[redacted, expires " + expiresAt + "]";
    }
}
