package io.kmcp.adapters.kubernetes;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Caffeine's time read from a {@link Clock}, in nanoseconds since the epoch: what the caches compare
 * with token expiries and TTLs, and what tests move by hand.
 */
record ClockTicker(Clock clock) implements Ticker {

    ClockTicker {
        Objects.requireNonNull(clock, "clock");
    }

    @Override
    public long read() {
        return nanosOf(clock.instant());
    }

    static long nanosOf(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
