package io.kmcp.domain.diagnosis.rules.scheduling;

import io.kmcp.domain.diagnosis.ClaimSnapshot;
import io.kmcp.domain.diagnosis.EventGroup;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.rules.DiagnosisRule;
import io.kmcp.domain.diagnosis.rules.Evidence;
import io.kmcp.domain.diagnosis.rules.Wording;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Claims of the pods whose volume could not be expanded (VolumeResizeFailed from the resizer,
 * FileSystemResizeFailed from the kubelet): the pods keep running on the old size. A WARNING.
 */
public final class ClaimResizeFailedRule implements DiagnosisRule {

    static final Set<String> REASONS = Set.of("VolumeResizeFailed", "FileSystemResizeFailed");

    @Override
    public List<Finding> findings(WorkloadGraph graph) {
        return graph.claims().stream()
                .flatMap(claim -> finding(graph, claim).stream())
                .toList();
    }

    private static Optional<Finding> finding(WorkloadGraph graph, ClaimSnapshot claim) {
        List<EventGroup> failures = Evidence.eventGroups(
                graph,
                claim.ref().kind(),
                Set.of(claim.ref().name()),
                group -> group.type().equals("Warning") && REASONS.contains(group.reason()));
        if (failures.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(
                Severity.WARNING,
                "ClaimResizeFailed",
                claim.ref(),
                claim.ref().display() + " could not be resized: its pods keep the old size; check that its storage"
                        + " class allows volume expansion and that its driver can expand it ("
                        + Wording.brief(failures.get(0).message()) + ")",
                Evidence.lines(failures)));
    }
}
