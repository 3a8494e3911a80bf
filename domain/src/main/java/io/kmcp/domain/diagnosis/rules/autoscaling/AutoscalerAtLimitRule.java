package io.kmcp.domain.diagnosis.rules.autoscaling;

import io.kmcp.domain.diagnosis.AutoscalerSnapshot;
import io.kmcp.domain.diagnosis.Condition;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.rules.DiagnosisRule;
import io.kmcp.domain.diagnosis.rules.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An autoscaler at its maximum that would scale further (AutoscalerAtLimit), or one that cannot scale
 * at all because it reads no metrics (AutoscalerInactive, condition ScalingActive False).
 */
public final class AutoscalerAtLimitRule implements DiagnosisRule {

    @Override
    public List<Finding> findings(WorkloadGraph graph) {
        return graph.autoscalers().stream()
                .flatMap(autoscaler -> finding(autoscaler).stream())
                .toList();
    }

    private static Optional<Finding> finding(AutoscalerSnapshot autoscaler) {
        String display = autoscaler.ref().display();
        String replicas = "replicas: current " + autoscaler.currentReplicas() + ", desired "
                + autoscaler.desiredReplicas() + ", min " + autoscaler.minReplicas() + ", max "
                + autoscaler.maxReplicas();
        Optional<Condition> inactive = autoscaler.condition("ScalingActive").filter(Condition::isFalse);
        Optional<Condition> limited = autoscaler
                .condition("ScalingLimited")
                .filter(condition -> condition.isTrue()
                        && condition.reason().filter("TooManyReplicas"::equals).isPresent());
        if (inactive.isPresent()) {
            return Optional.of(new Finding(
                    Severity.WARNING,
                    "AutoscalerInactive",
                    autoscaler.ref(),
                    display + " cannot scale: " + inactive.get().reason().orElse("ScalingActive is False")
                            + "; check that the metrics it uses are served (metrics-server, custom metrics)",
                    List.of(conditionLine(inactive.get()), replicas)));
        }
        if (limited.isPresent() || autoscaler.wantsMaximum()) {
            List<String> evidence = new ArrayList<>();
            evidence.add(replicas);
            limited.map(AutoscalerAtLimitRule::conditionLine).ifPresent(evidence::add);
            return Optional.of(new Finding(
                    Severity.WARNING,
                    "AutoscalerAtLimit",
                    autoscaler.ref(),
                    display + " is at its maximum of " + autoscaler.maxReplicas() + " replicas for "
                            + autoscaler.targetKind() + " " + autoscaler.targetName()
                            + ": raise maxReplicas or make each pod handle more",
                    evidence));
        }
        return Optional.empty();
    }

    private static String conditionLine(Condition condition) {
        return "condition " + condition.type() + " " + condition.status()
                + condition.reason().map(reason -> " (" + reason + ")").orElse("")
                + condition
                        .message()
                        .map(message -> ": " + Wording.brief(message))
                        .orElse("");
    }
}
