package io.kmcp.domain.diagnosis.rules.workloads;

import io.kmcp.domain.diagnosis.Condition;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.WorkloadSnapshot;
import io.kmcp.domain.diagnosis.rules.DiagnosisRule;
import io.kmcp.domain.diagnosis.rules.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rollout that stopped: a Deployment past its progress deadline (CRITICAL), or a workload whose
 * controller has not acted on its latest change (observedGeneration behind generation; WARNING).
 */
public final class RolloutStuckRule implements DiagnosisRule {

    @Override
    public List<Finding> findings(WorkloadGraph graph) {
        return graph.workload().stream()
                .flatMap(workload -> finding(graph, workload).stream())
                .toList();
    }

    private static Optional<Finding> finding(WorkloadGraph graph, WorkloadSnapshot workload) {
        Optional<Condition> deadline = workload.progressDeadlineExceeded();
        if (deadline.isPresent()) {
            return Optional.of(deadlineExceeded(graph, workload, deadline.get()));
        }
        if (workload.generationNotObserved()) {
            return Optional.of(new Finding(
                    Severity.WARNING,
                    "RolloutStuck",
                    workload.ref(),
                    workload.ref().display() + ": its controller has not acted on generation "
                            + workload.generation() + " yet (observed " + workload.observedGeneration()
                            + "); if this lasts, the controller manager is down or failing",
                    List.of("metadata.generation " + workload.generation() + ", status.observedGeneration "
                            + workload.observedGeneration())));
        }
        return Optional.empty();
    }

    private static Finding deadlineExceeded(WorkloadGraph graph, WorkloadSnapshot workload, Condition deadline) {
        List<String> evidence = new ArrayList<>();
        deadline.message().ifPresent(message -> evidence.add("condition Progressing: " + Wording.brief(message)));
        graph.related().stream()
                .filter(related -> related.kind().equals("ReplicaSet"))
                .limit(2)
                .forEach(replicaSet -> evidence.add(replicaSet.ref().display()
                        + replicaSet
                                .revision()
                                .map(revision -> " (revision " + revision + ")")
                                .orElse("")
                        + ": " + replicaSet.ready() + "/" + replicaSet.desired().orElse(0) + " ready"));
        return new Finding(
                Severity.CRITICAL,
                "RolloutStuck",
                workload.ref(),
                workload.ref().display() + " rollout"
                        + workload.revision()
                                .map(revision -> " of revision " + revision)
                                .orElse("")
                        + " exceeded its progress deadline: the new pods never became available; the pods'"
                        + " findings say why",
                evidence);
    }
}
