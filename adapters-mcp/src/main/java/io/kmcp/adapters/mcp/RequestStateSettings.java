package io.kmcp.adapters.mcp;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How the sessionless lane signs the {@code requestState} of a question it asks (an apply's
 * confirmation): with keys every replica shares, so that the answer may reach any of them.
 *
 * @param keys the first signs, every one is accepted: add the new key first, drop the old one once
 *     every state signed with it has expired
 * @param ttl how long a question may wait for its answer
 * @param shared false when the keys were made up by this process, so that confirmations work only
 *     on the replica that asked
 */
public record RequestStateSettings(List<byte[]> keys, Duration ttl, boolean shared) {

    /** An HMAC-SHA256 key shorter than its output weakens it. */
    public static final int MIN_KEY_BYTES = 32;

    public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);

    public RequestStateSettings {
        Objects.requireNonNull(ttl, "ttl");
        keys = keys.stream().map(key -> Arrays.copyOf(key, key.length)).toList();
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one request-state key is needed");
        }
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("request-state key " + (i + 1) + " has " + keys.get(i).length
                        + " bytes; at least " + MIN_KEY_BYTES + " are needed");
            }
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the request-state lifetime must be positive, was " + ttl);
        }
    }

    /** Keys every replica shares, the signing one first. */
    public static RequestStateSettings shared(List<byte[]> keys, Duration ttl) {
        return new RequestStateSettings(keys, ttl, true);
    }

    /** A random key of this process alone: a question asked here can be answered only here. */
    public static RequestStateSettings ofThisProcess(Duration ttl) {
        byte[] key = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return new RequestStateSettings(List.of(key), ttl, false);
    }

    @Override
    public List<byte[]> keys() {
        return keys.stream().map(key -> Arrays.copyOf(key, key.length)).toList();
    }

    @Override
    public String toString() {
        return "RequestStateSettings[keys=" + keys.size() + ", ttl=" + ttl + ", shared=" + shared + "]";
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
