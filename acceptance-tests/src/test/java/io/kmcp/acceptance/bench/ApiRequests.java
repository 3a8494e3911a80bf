package io.kmcp.acceptance.bench;

import io.kmcp.acceptance.driver.AuditLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests the API server's audit log recorded from one service account after a position: what a
 * server sent to kube-apiserver on the agent's behalf, whatever its user agent. A long-running request
 * (a log) is recorded twice under one audit id and counted once.
 */
final class ApiRequests {

    private static final long MAX_WAIT_NANOS = 5_000_000_000L;
    private static final long QUIET_NANOS = 400_000_000L;

    private ApiRequests() {}

    /**
     * @param total every request
     * @param discovery of those, discovery ({@code /api}, {@code /apis/...}, {@code /version}), not about objects
     * @param requests each request, {@code verb requestURI}, in the order the log recorded them
     */
    record Count(int total, int discovery, List<String> requests) {
        Count {
            requests = List.copyOf(requests);
        }
    }

    /**
     * The requests since the position, read once the log has stopped growing for that account for a
     * moment (it may lag behind the answer a little), at most a few seconds after the call.
     */
    static Count since(AuditLog log, long position, String username) {
        long deadline = System.nanoTime() + MAX_WAIT_NANOS;
        Count last = read(log, position, username);
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            sleep(100);
            Count now = read(log, position, username);
            if (!now.equals(last)) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= QUIET_NANOS) {
                break;
            }
        }
        return last;
    }

    private static Count read(AuditLog log, long position, String username) {
        Map<String, AuditLog.Entry> byId = new LinkedHashMap<>();
        log.since(position).stream()
                .filter(entry -> entry.username().equals(username))
                .forEach(entry -> byId.putIfAbsent(entry.auditId(), entry));
        int discovery = (int)
                byId.values().stream().filter(entry -> !entry.isAboutObjects()).count();
        return new Count(
                byId.size(),
                discovery,
                byId.values().stream()
                        .map(entry -> entry.verb() + " " + entry.requestUri())
                        .toList());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
