package io.kmcp.acceptance.driver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests the API server's audit log recorded from k-mcp on behalf of one agent during one tool
 * call: those about objects and their logs, which k-mcp counts in its answers, and discovery, which
 * k-mcp does with the caller's token when its cached catalog of types is stale.
 *
 * @param entries every request from k-mcp for the agent, once each (a log read is recorded twice, when
 *     its response starts and when it completes), in the order the log recorded them
 */
public record CallCost(List<AuditLog.Entry> entries) {

    /** How long the audit log may lag behind the answer; it usually does not at all. */
    private static final long WAIT_NANOS = 5_000_000_000L;

    /** How long to keep looking after the expected count is reached, for requests beyond it. */
    private static final long SETTLE_NANOS = 300_000_000L;

    public CallCost {
        entries = List.copyOf(entries);
    }

    /**
     * The requests of the call that began after {@code position}, read once at least {@code expected} of
     * those about objects are in the log (or after a few seconds), and again a moment later so that
     * requests beyond the expected number are not missed.
     */
    public static CallCost since(AuditLog log, long position, String username, int expected) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        CallCost cost = read(log, position, username);
        while (cost.aboutObjects() < expected && System.nanoTime() < deadline) {
            Pause.briefly();
            cost = read(log, position, username);
        }
        long settled = System.nanoTime() + SETTLE_NANOS;
        while (System.nanoTime() < settled) {
            Pause.briefly();
        }
        return read(log, position, username);
    }

    private static CallCost read(AuditLog log, long position, String username) {
        Map<String, AuditLog.Entry> byId = new LinkedHashMap<>();
        log.since(position).stream()
                .filter(AuditLog.Entry::fromKmcp)
                .filter(entry -> entry.username().equals(username))
                .forEach(entry -> byId.putIfAbsent(entry.auditId(), entry));
        return new CallCost(List.copyOf(byId.values()));
    }

    /** Requests about objects and their logs: what k-mcp reports as {@code apiRequests}. */
    public int aboutObjects() {
        return (int) entries.stream().filter(AuditLog.Entry::isAboutObjects).count();
    }

    /** Discovery requests ({@code /api}, {@code /apis/...}). */
    public int discovery() {
        return entries.size() - aboutObjects();
    }

    /** One line per request, to show in a failed assertion. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        entries.forEach(entry -> text.append("  ").append(entry).append('\n'));
        return text.toString();
    }
}
