package io.kmcp.domain.diagnosis.rules.pods;

import java.util.Optional;
import java.util.Set;

/**
 * Pods the kubelet ended because their node was shutting down (graceful node shutdown: reason
 * Terminated), or refused for the same reason (NodeShutdown).
 */
public final class NodeShutdownRule extends PodFailureRule {

    static final Set<String> REASONS = Set.of("Terminated", "NodeShutdown");

    public NodeShutdownRule() {
        super("NodeShutdown");
    }

    @Override
    boolean tells(String reason) {
        return REASONS.contains(reason);
    }

    @Override
    String problem(String reason, Optional<String> message) {
        return "its node shut down: a controller runs its pods elsewhere; a pod without one must be created again";
    }
}
