package io.kmcp.adapters.kubernetes;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a cluster's discovery is trusted.
 *
 * @param ttl how long a complete catalog is served from the cache (default 5 minutes)
 * @param minRefreshInterval a refresh asked for within this time of the last fetch returns that fetch
 *     (default 10 s), so a burst of unknown names cannot turn into a burst of discovery requests
 */
public record DiscoverySettings(Duration ttl, Duration minRefreshInterval) {

    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_MIN_REFRESH_INTERVAL = Duration.ofSeconds(10);

    public DiscoverySettings {
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(minRefreshInterval, "minRefreshInterval");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("The discovery cache TTL must be positive, was " + ttl);
        }
        if (minRefreshInterval.isNegative()) {
            throw new IllegalArgumentException(
                    "The minimum discovery refresh interval cannot be negative, was " + minRefreshInterval);
        }
    }

    public static DiscoverySettings defaults() {
        return new DiscoverySettings(DEFAULT_TTL, DEFAULT_MIN_REFRESH_INTERVAL);
    }

    /**
     * How long a catalog with failed group versions is kept: short, so that an aggregated API that
     * comes back is seen soon, but not so short that every call re-runs discovery against one that
     * stays down.
     */
    Duration partialTtl() {
        Duration partial = minRefreshInterval.multipliedBy(3);
        return partial.isZero() || partial.compareTo(ttl) > 0 ? ttl : partial;
    }
}
