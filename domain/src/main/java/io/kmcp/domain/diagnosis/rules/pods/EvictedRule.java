package io.kmcp.domain.diagnosis.rules.pods;

import java.util.Locale;
import java.util.Optional;

/**
 * Pods the kubelet evicted to reclaim a resource its node ran short of (node-pressure eviction), or
 * because they wrote more to their local storage than their limits allow.
 */
public final class EvictedRule extends PodFailureRule {

    public EvictedRule() {
        super("Evicted");
    }

    @Override
    boolean tells(String reason) {
        return reason.equals("Evicted");
    }

    @Override
    String problem(String reason, Optional<String> message) {
        return "evicted by the kubelet of its node: " + advice(message.orElse(""));
    }

    private static String advice(String message) {
        String text = message.toLowerCase(Locale.ROOT);
        if (text.contains("ephemeral") || text.contains("emptydir")) {
            return "it wrote more to the node's disk than it may or the node has (logs, emptyDir, writable"
                    + " layer): set ephemeral-storage requests and limits that match, or write less";
        }
        if (text.contains("memory")) {
            return "the node ran short of memory: set the pods' memory requests to what they really use, so"
                    + " the scheduler places them where they fit";
        }
        if (text.contains("pid")) {
            return "the node ran short of process IDs: find what starts too many processes";
        }
        return "its node ran short of a resource: see the node's pressure conditions";
    }
}
