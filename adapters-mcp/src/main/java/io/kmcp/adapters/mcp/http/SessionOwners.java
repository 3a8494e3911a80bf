package io.kmcp.adapters.mcp.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Policy;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which authenticated owner created each MCP session of the 2025-11-25 lane. A session is bound
 * once, when the server hands out its id, and never to anyone else. Entries go when the session is
 * deleted, or when no request has used it for the idle timeout and none is open (a listening stream
 * counts as open), matching the transport's own eviction of idle sessions.
 *
 * <p>A Caffeine cache with a variable expiry: an entry never expires while a request is open on it,
 * and expires the idle timeout after the last one ends.
 */
public final class SessionOwners {

    private static final long NEVER = Long.MAX_VALUE;

    private final Duration idleTimeout;
    private final int maxPerOwner;
    private final Cache<String, Entry> sessions;
    private final Policy.VarExpiration<String, Entry> expiry;

    public SessionOwners(Duration idleTimeout, Clock clock) {
        this(idleTimeout, Integer.MAX_VALUE, clock);
    }

    /**
     * @param maxPerOwner how many sessions one owner may hold at once; one token cannot exhaust the
     *     server's memory by opening sessions in a loop
     */
    public SessionOwners(Duration idleTimeout, int maxPerOwner, Clock clock) {
        this.maxPerOwner = maxPerOwner;
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(clock, "clock");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive, was " + idleTimeout);
        }
        this.sessions = Caffeine.newBuilder()
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(new IdleExpiry(idleTimeout.toNanos()))
                .recordStats()
                .build();
        this.expiry = sessions.policy().expireVariably().orElseThrow();
    }

    /** Records the owner of a new session; a session id already bound keeps its first owner. */
    void bind(String sessionId, String owner) {
        sessions.asMap().putIfAbsent(sessionId, new Entry(owner));
    }

    /**
     * Starts a request of the owner on the session, or refuses it (empty) when the session is not
     * known as the owner's. The returned lease must be closed when the request ends.
     */
    Optional<Lease> enter(String sessionId, String owner) {
        Entry entry = sessions.getIfPresent(sessionId);
        if (entry == null || !entry.owner.equals(owner)) {
            return Optional.empty();
        }
        entry.inFlight.incrementAndGet();
        expiry.setExpiresAfter(sessionId, NEVER, TimeUnit.NANOSECONDS);
        return Optional.of(() -> {
            if (entry.inFlight.decrementAndGet() == 0) {
                expiry.setExpiresAfter(sessionId, idleTimeout);
            }
        });
    }

    /** True if the owner holds as many sessions as it may; sessions idle past the timeout no longer count. */
    boolean isFull(String owner) {
        sweep();
        return sessions.asMap().values().stream()
                        .filter(entry -> entry.owner.equals(owner))
                        .count()
                >= maxPerOwner;
    }

    void forget(String sessionId) {
        sessions.invalidate(sessionId);
    }

    /** How many sessions are bound now; those idle past the timeout no longer count. */
    public int size() {
        sweep();
        return sessions.asMap().size();
    }

    /** Drops the sessions whose idle time is up now, rather than at the cache's next maintenance. */
    void sweep() {
        sessions.cleanUp();
    }

    /** Hits, misses and evictions, for the metrics of sessions. */
    public CacheStats stats() {
        return sessions.stats();
    }

    /** One request on a session, open until closed. */
    @FunctionalInterface
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Entry {
        final String owner;
        final AtomicInteger inFlight = new AtomicInteger();

        Entry(String owner) {
            this.owner = owner;
        }
    }

    /** Idle for the timeout after creation; reads keep the expiry their lease gave them. */
    private record IdleExpiry(long idleNanos) implements Expiry<String, Entry> {
        @Override
        public long expireAfterCreate(String key, Entry entry, long now) {
            return idleNanos;
        }

        @Override
        public long expireAfterUpdate(String key, Entry entry, long now, long current) {
            return current;
        }

        @Override
        public long expireAfterRead(String key, Entry entry, long now, long current) {
            return entry.inFlight.get() > 0 ? current : idleNanos;
        }
    }
}
