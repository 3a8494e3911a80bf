package io.kmcp.adapters.mcp.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which authenticated owner created each MCP session. A session is bound once, when the server hands
 * out its id, and never to anyone else. Entries go when the session is deleted, or when no request
 * has used it for the idle timeout and none is open (a listening stream counts as open), matching the
 * transport's own eviction of idle sessions.
 */
public final class SessionOwners {

    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final Duration idleTimeout;
    private final int maxPerOwner;
    private final Clock clock;
    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private volatile Instant lastSweep;

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
        this.clock = Objects.requireNonNull(clock, "clock");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive, was " + idleTimeout);
        }
        this.lastSweep = clock.instant();
    }

    /** Records the owner of a new session; a session id already bound keeps its first owner. */
    void bind(String sessionId, String owner) {
        sweepIfDue();
        sessions.putIfAbsent(sessionId, new Entry(owner, clock.instant()));
    }

    /**
     * Starts a request of the owner on the session, or refuses it (empty) when the session is not
     * known as the owner's. The returned lease must be closed when the request ends.
     */
    Optional<Lease> enter(String sessionId, String owner) {
        Entry entry = sessions.get(sessionId);
        if (entry == null || !entry.owner.equals(owner)) {
            return Optional.empty();
        }
        entry.inFlight.incrementAndGet();
        entry.lastSeen = clock.instant();
        return Optional.of(() -> {
            entry.lastSeen = clock.instant();
            entry.inFlight.decrementAndGet();
        });
    }

    /** True if the owner holds as many sessions as it may; sessions idle past the timeout are dropped first. */
    boolean isFull(String owner) {
        sweepIfDue();
        long held = sessions.values().stream()
                .filter(entry -> entry.owner.equals(owner))
                .count();
        if (held < maxPerOwner) {
            return false;
        }
        sweep();
        return sessions.values().stream()
                        .filter(entry -> entry.owner.equals(owner))
                        .count()
                >= maxPerOwner;
    }

    void forget(String sessionId) {
        sessions.remove(sessionId);
    }

    int size() {
        return sessions.size();
    }

    /** Drops sessions idle for longer than the timeout with no request open. */
    void sweep() {
        Instant now = clock.instant();
        lastSweep = now;
        sessions.entrySet()
                .removeIf(session -> session.getValue().inFlight.get() == 0
                        && session.getValue().lastSeen.plus(idleTimeout).isBefore(now));
    }

    private void sweepIfDue() {
        if (lastSweep.plus(SWEEP_EVERY).isBefore(clock.instant())) {
            sweep();
        }
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
        volatile Instant lastSeen;

        Entry(String owner, Instant now) {
            this.owner = owner;
            this.lastSeen = now;
        }
    }
}
