package io.kmcp.adapters.kubernetes;

/**
 * How many clients the pool keeps at most. Each client holds an HTTP client with its own
 * connections and selector thread, so the bound is a bound on threads and sockets too.
 *
 * @param maxClients at most this many (cluster, token) clients; the least recently used goes first
 */
public record PoolSettings(int maxClients) {

    public static final int DEFAULT_MAX_CLIENTS = 64;

    public PoolSettings {
        if (maxClients < 1) {
            throw new IllegalArgumentException("The client pool needs room for at least one client, was " + maxClients);
        }
    }

    public static PoolSettings defaults() {
        return new PoolSettings(DEFAULT_MAX_CLIENTS);
    }
}
