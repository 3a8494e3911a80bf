package io.kmcp.adapters.mcp.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The fixed "now" of the tests, so that ages and expiries are exact. */
public final class TestClock {

    public static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private TestClock() {}
}
