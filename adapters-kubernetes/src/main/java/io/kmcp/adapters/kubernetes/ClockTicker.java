package io.kmcp.adapters.kubernetes;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Caffeine's time read from a {@link Clock}, in nanoseconds since the epoch, so that the caches'
 * expiries are measured on the same clock as token expiries and TTLs, and tests move it by hand.
 */
record ClockTicker(Clock clock) implements Ticker {

    ClockTicker {
        Objects.requireNonNull(clock, "clock");
    }

    @Override
    public long read() {
        Instant now = clock.instant();
        return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
    }
}
