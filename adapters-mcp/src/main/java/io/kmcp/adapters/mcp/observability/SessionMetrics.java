package io.kmcp.adapters.mcp.observability;

import io.kmcp.adapters.mcp.http.SessionOwners;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;

/**
 * The sessions of the 2025-11-25 lane: how many are open ({@code kmcp_sessions}), how many ended idle
 * ({@code kmcp_sessions_expired_total}), and how requests found their session ({@code
 * kmcp_session_lookups_total{result="hit|miss"}}; a miss is a request on a session unknown or not the
 * caller's). Read from the owners' Caffeine statistics when scraped.
 */
public final class SessionMetrics implements MeterBinder {

    private final SessionOwners sessions;

    public SessionMetrics(SessionOwners sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("kmcp.sessions", sessions, SessionOwners::size)
                .description("MCP sessions (2025-11-25 protocol) open now")
                .strongReference(true)
                .register(registry);
        FunctionCounter.builder(
                        "kmcp.sessions.expired",
                        sessions,
                        owners -> owners.stats().evictionCount())
                .description("MCP sessions ended because no request used them for the idle timeout")
                .register(registry);
        FunctionCounter.builder(
                        "kmcp.session.lookups",
                        sessions,
                        owners -> owners.stats().hitCount())
                .description("Requests on an MCP session, by whether the session was found as the caller's")
                .tag("result", "hit")
                .register(registry);
        FunctionCounter.builder(
                        "kmcp.session.lookups",
                        sessions,
                        owners -> owners.stats().missCount())
                .description("Requests on an MCP session, by whether the session was found as the caller's")
                .tag("result", "miss")
                .register(registry);
    }
}
