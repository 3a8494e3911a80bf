package io.kmcp.domain.diagnosis.rules.scheduling;

import io.kmcp.domain.diagnosis.Condition;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.rules.DiagnosisRule;
import io.kmcp.domain.diagnosis.rules.PodGroup;
import io.kmcp.domain.diagnosis.rules.PodGroups;
import io.kmcp.domain.diagnosis.rules.Wording;
import java.util.ArrayList;
import java.util.List;

/**
 * Pods the scheduler leaves alone because their spec.schedulingGates is not empty: whoever set the gates
 * (a queueing controller, an operator) has to remove them. A WARNING: holding pods back is what gates
 * are for, until it lasts.
 */
public final class SchedulingGatedRule implements DiagnosisRule {

    @Override
    public List<Finding> findings(WorkloadGraph graph) {
        return PodGroups.failing(
                        graph,
                        pod -> !pod.terminating() && pod.schedulingGated().isPresent())
                .stream()
                .map(SchedulingGatedRule::finding)
                .toList();
    }

    private static Finding finding(PodGroup group) {
        List<String> evidence = new ArrayList<>();
        group.podsLine().ifPresent(evidence::add);
        evidence.add("condition PodScheduled=False (SchedulingGated)"
                + group.pods()
                        .get(0)
                        .schedulingGated()
                        .flatMap(Condition::message)
                        .map(message -> ": " + Wording.brief(message))
                        .orElse(""));
        return new Finding(
                Severity.WARNING,
                "SchedulingGated",
                group.subject(),
                group.scope(group.pods().size()) + " waits for its scheduling gates to be removed: the scheduler"
                        + " does not consider it until whoever set spec.schedulingGates (a queueing controller,"
                        + " an operator) removes them",
                evidence);
    }
}
