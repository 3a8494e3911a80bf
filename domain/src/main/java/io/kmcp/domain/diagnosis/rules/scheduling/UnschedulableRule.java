package io.kmcp.domain.diagnosis.rules.scheduling;

import io.kmcp.domain.diagnosis.Condition;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.WorkloadSnapshot;
import io.kmcp.domain.diagnosis.rules.DiagnosisRule;
import io.kmcp.domain.diagnosis.rules.Evidence;
import io.kmcp.domain.diagnosis.rules.PodGroup;
import io.kmcp.domain.diagnosis.rules.PodGroups;
import io.kmcp.domain.diagnosis.rules.Wording;
import java.util.ArrayList;
import java.util.List;

/**
 * Pods the scheduler cannot place on any node, in its words, with the next step for each obstacle it
 * names (see {@link SchedulerWords}).
 */
public final class UnschedulableRule implements DiagnosisRule {

    @Override
    public List<Finding> findings(WorkloadGraph graph) {
        return PodGroups.failing(
                        graph, pod -> !pod.terminating() && pod.unschedulable().isPresent())
                .stream()
                .map(group -> finding(graph, group))
                .toList();
    }

    private static Finding finding(WorkloadGraph graph, PodGroup group) {
        String message = group.pods()
                .get(0)
                .unschedulable()
                .flatMap(Condition::message)
                .map(Wording::brief)
                .orElse("the scheduler gave no message");
        String steps = SchedulerWords.steps(message);
        List<String> evidence = new ArrayList<>();
        group.podsLine().ifPresent(evidence::add);
        evidence.add("scheduler: " + message);
        evidence.addAll(Evidence.events(graph, "Pod", group.podNames(), Evidence.reason("FailedScheduling")));
        graph.workload()
                .flatMap(WorkloadSnapshot::storageOrNodeHint)
                .ifPresent(hint -> evidence.add("pod template: " + hint));
        return new Finding(
                Severity.CRITICAL,
                "Unschedulable",
                group.subject(),
                group.scope(group.pods().size())
                        + (steps.isEmpty()
                                ? " cannot be scheduled: " + message
                                : " cannot be scheduled: " + steps + " (" + message + ")"),
                evidence);
    }
}
