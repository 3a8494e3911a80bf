package io.kmcp.adapters.mcp.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Tokens whose signature a cluster's keys verified a moment ago, so that a caller's next calls skip
 * the signature check (see ADR 0015). What is kept is the verified headers and claims, under the
 * cluster's name and a SHA-256 digest of the token: never the token itself, which each request brings
 * again. An entry is used only while all of these hold, checked at every use:
 *
 * <ul>
 *   <li>the token has not expired ({@code exp}, without the clock skew the first check allows) and is
 *       valid already ({@code nbf}, with it);
 *   <li>the cluster's keys are the generation that verified it, and no older than the verifier would
 *       keep them before fetching them again: a key removed from the cluster stops working when it
 *       would without this cache;
 * </ul>
 *
 * A token without an expiry is never kept, nor one whose verification failed: only {@link #remember}
 * adds, after a success. The claim checks that depend on configuration (audience, subject policy,
 * issuer, cluster) run at every call before the cache is asked.
 */
public final class VerifiedTokens {

    /** Enough for the callers of a busy server; one entry is the claims of one token, about 2 KiB. */
    public static final int DEFAULT_MAX_SIZE = 1024;

    private final Cache<Key, Verified> entries;
    private final boolean enabled;
    private final Duration clockSkew;
    private final Clock clock;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /** @param maxSize the most tokens kept; 0 keeps none (every call verifies the signature) */
    public VerifiedTokens(int maxSize, Duration clockSkew, Clock clock) {
        if (maxSize < 0) {
            throw new IllegalArgumentException("the number of verified tokens kept cannot be negative, was " + maxSize);
        }
        this.enabled = maxSize > 0;
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(Expiry.creating((Key key, Verified verified) -> untilNow(verified.usableUntil())))
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .build();
    }

    /** The token's verified claims, if it was verified with {@code keys} and may still be used. */
    Optional<Jwt> find(String cluster, String token, KeySetVersion keys) {
        if (!enabled) {
            return Optional.empty();
        }
        Key key = new Key(cluster, digest(token));
        Verified verified = entries.getIfPresent(key);
        if (verified == null || !verified.usableAt(clock.instant(), clockSkew, keys)) {
            if (verified != null) {
                entries.invalidate(key);
            }
            misses.increment();
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(verified.as(token));
    }

    /**
     * Keeps what {@code keys} verified of the token, unless it has no expiry or cannot be used any
     * more. Call it only with the key set version read before the verification began.
     */
    void remember(String cluster, String token, Jwt jwt, KeySetVersion keys) {
        Instant expiresAt = jwt.getExpiresAt();
        if (!enabled || expiresAt == null || !keys.fetched()) {
            return;
        }
        Verified verified = new Verified(
                jwt.getHeaders(),
                jwt.getClaims(),
                expiresAt,
                jwt.getNotBefore(),
                keys.generation(),
                earlier(expiresAt, keys.trustedUntil()));
        if (verified.usableAt(clock.instant(), clockSkew, keys)) {
            entries.put(new Key(cluster, digest(token)), verified);
        }
    }

    /** Drops every token of the cluster: its keys changed. */
    void forget(String cluster) {
        entries.asMap().keySet().removeIf(key -> key.cluster().equals(cluster));
    }

    /** How many tokens are kept now. */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** Calls that found their token verified already, since start. */
    public long hits() {
        return hits.sum();
    }

    /** Calls that had to verify the signature, since start. */
    public long misses() {
        return misses.sum();
    }

    /** What is kept, as text: for tests that it holds no token. */
    String contents() {
        return entries.asMap().toString();
    }

    private Duration untilNow(Instant instant) {
        Duration left = Duration.between(clock.instant(), instant);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Instant earlier(Instant one, Instant other) {
        return one.isBefore(other) ? one : other;
    }

    private static String digest(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record Key(String cluster, String tokenDigest) {}

    /** What a verification established about a token, without the token. */
    private record Verified(
            Map<String, Object> headers,
            Map<String, Object> claims,
            Instant expiresAt,
            Instant notBefore,
            long keyGeneration,
            Instant usableUntil) {

        boolean usableAt(Instant now, Duration clockSkew, KeySetVersion keys) {
            return keys.generation() == keyGeneration
                    && now.isBefore(usableUntil)
                    && now.isBefore(expiresAt)
                    && (notBefore == null || !now.plus(clockSkew).isBefore(notBefore));
        }

        /** The verified token again, carrying the value of the request at hand. */
        Jwt as(String token) {
            return Jwt.withTokenValue(token)
                    .headers(all -> all.putAll(headers))
                    .claims(all -> all.putAll(claims))
                    .build();
        }
    }
}
