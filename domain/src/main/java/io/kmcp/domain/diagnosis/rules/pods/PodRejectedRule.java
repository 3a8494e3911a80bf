package io.kmcp.domain.diagnosis.rules.pods;

import java.util.Optional;
import java.util.Set;

/**
 * Pods the kubelet refused to run when they reached its node (admission): the node lacked the
 * resources (OutOfcpu, OutOfmemory, OutOfpods …), did not match the pod (NodeAffinity, NodePorts), does
 * not allow its sysctls (SysctlForbidden), or a device or topology manager refused it
 * (UnexpectedAdmissionError, TopologyAffinityError).
 */
public final class PodRejectedRule extends PodFailureRule {

    static final Set<String> REASONS =
            Set.of("NodeAffinity", "NodePorts", "SysctlForbidden", "UnexpectedAdmissionError", "TopologyAffinityError");

    public PodRejectedRule() {
        super("PodRejected");
    }

    @Override
    boolean tells(String reason) {
        return reason.startsWith("OutOf") || REASONS.contains(reason);
    }

    @Override
    String problem(String reason, Optional<String> message) {
        return "rejected by the kubelet of its node, " + reason + ": " + advice(reason);
    }

    private static String advice(String reason) {
        if (reason.startsWith("OutOf")) {
            return "the node had no room left for it when it arrived (pods the scheduler does not know of,"
                    + " such as static pods, take room too); its controller makes a new pod, the rejected"
                    + " ones stay Failed until removed";
        }
        if (reason.equals("SysctlForbidden")) {
            return "the node's kubelet does not allow the sysctls the pod sets: drop them, or allow them on the"
                    + " kubelet (--allowed-unsafe-sysctls)";
        }
        if (reason.equals("UnexpectedAdmissionError") || reason.equals("TopologyAffinityError")) {
            return "a device plugin or the topology manager of the node could not give it what it asks"
                    + " for; check the node's devices and the kubelet's log";
        }
        return "the node's labels or ports changed after the pod was placed on it; its controller makes a"
                + " new pod, the rejected ones stay Failed until removed";
    }
}
