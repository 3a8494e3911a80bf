package io.kmcp.adapters.kubernetes;

import java.time.Duration;
import java.util.Objects;

/**
 * How many clients the pool keeps at most, and for how long one nobody uses. Each client holds an
 * HTTP client with its own connections and selector thread, so the bound is a bound on threads and
 * sockets too.
 *
 * @param maxClients at most this many (cluster, token) clients
 * @param idleTimeout a client not used for this long is closed, even if its token is still valid
 */
public record PoolSettings(int maxClients, Duration idleTimeout) {

    public static final int DEFAULT_MAX_CLIENTS = 64;

    /** Long enough to span an agent's pauses between tool calls, short enough to let go of one that left. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(15);

    public PoolSettings {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxClients < 1) {
            throw new IllegalArgumentException("The client pool needs room for at least one client, was " + maxClients);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "The idle timeout of pooled clients must be positive, was " + idleTimeout);
        }
    }

    public PoolSettings(int maxClients) {
        this(maxClients, DEFAULT_IDLE_TIMEOUT);
    }

    public static PoolSettings defaults() {
        return new PoolSettings(DEFAULT_MAX_CLIENTS);
    }
}
