package io.kmcp.domain.diagnosis.rules.pods;

import java.util.Optional;

/** Pods the kubelet stopped because they ran longer than their spec.activeDeadlineSeconds. */
public final class PodDeadlineExceededRule extends PodFailureRule {

    public PodDeadlineExceededRule() {
        super("DeadlineExceeded");
    }

    @Override
    boolean tells(String reason) {
        return reason.equals("DeadlineExceeded");
    }

    @Override
    String problem(String reason, Optional<String> message) {
        return "ran longer than its activeDeadlineSeconds: make it finish sooner or raise spec.activeDeadlineSeconds";
    }
}
