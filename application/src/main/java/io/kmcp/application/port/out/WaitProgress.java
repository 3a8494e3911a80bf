package io.kmcp.application.port.out;

import java.time.Duration;
import java.util.List;

/**
 * Hears how a wait for readiness goes, between two looks at the cluster: the inbound adapter passes it
 * on to its client (MCP progress notifications).
 */
public interface WaitProgress {

    WaitProgress NONE = (look, elapsed, timeout, pending) -> {};

    /**
     * @param look how many looks at the cluster were made so far, 1 after the first
     * @param pending one line per object still awaited, with what the last look said
     */
    void waiting(int look, Duration elapsed, Duration timeout, List<String> pending);
}
