package io.kmcp.adapters.mcp.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * {@code GET /health} as the original server answered it, without authentication: {@code
 * {"status":"healthy","time":"<RFC 3339>"}}. It says the process serves HTTP, nothing about clusters.
 */
public final class HealthServlet extends HttpServlet {

    /** Where the health check is served. */
    public static final String PATH = "/health";

    private static final long serialVersionUID = 1L;

    private final transient Clock clock;

    public HealthServlet(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter()
                .write("{\"status\":\"healthy\",\"time\":\"" + clock.instant().truncatedTo(ChronoUnit.SECONDS) + "\"}");
    }
}
