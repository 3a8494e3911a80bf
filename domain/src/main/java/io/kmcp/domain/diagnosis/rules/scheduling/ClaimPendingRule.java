package io.kmcp.domain.diagnosis.rules.scheduling;

import io.kmcp.domain.diagnosis.ClaimSnapshot;
import io.kmcp.domain.diagnosis.EventGroup;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.rules.DiagnosisRule;
import io.kmcp.domain.diagnosis.rules.Evidence;
import io.kmcp.domain.diagnosis.rules.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Claims of the pods that are not bound to a volume (Pending) or lost theirs (Lost). A claim that only
 * waits for its first pod to be scheduled (WaitForFirstConsumer) is told as INFO: the cause is whatever
 * keeps the pod from being scheduled.
 */
public final class ClaimPendingRule implements DiagnosisRule {

    @Override
    public List<Finding> findings(WorkloadGraph graph) {
        return graph.claims().stream()
                .filter(ClaimSnapshot::unbound)
                .map(claim -> finding(graph, claim))
                .toList();
    }

    private static Finding finding(WorkloadGraph graph, ClaimSnapshot claim) {
        String name = claim.ref().name();
        List<EventGroup> events = Evidence.eventGroups(graph, claim.ref().kind(), Set.of(name), group -> true);
        boolean waitsForConsumer =
                events.stream().anyMatch(event -> event.reason().equals("WaitForFirstConsumer"))
                        && events.stream().noneMatch(event -> event.type().equals("Warning"));
        String storageClass =
                claim.storageClass().map(value -> "storage class " + value).orElse("no storage class");
        List<String> evidence = new ArrayList<>();
        evidence.add("claim " + name + ": phase " + claim.phase() + ", " + storageClass
                + claim.volumeName().map(volume -> ", volume " + volume).orElse(""));
        List<String> users = graph.pods().stream()
                .filter(pod -> pod.claimNames().contains(name))
                .map(pod -> pod.ref().name())
                .toList();
        if (!users.isEmpty()) {
            evidence.add("used by " + Wording.named(users));
        }
        evidence.addAll(Evidence.lines(events));
        return new Finding(
                waitsForConsumer ? Severity.INFO : Severity.CRITICAL,
                "ClaimPending",
                claim.ref(),
                summary(claim, waitsForConsumer),
                evidence);
    }

    private static String summary(ClaimSnapshot claim, boolean waitsForConsumer) {
        String display = claim.ref().display();
        if (claim.lost()) {
            return display + " is Lost: its volume"
                    + claim.volumeName().map(volume -> " " + volume).orElse("")
                    + " is gone, so the pods using it cannot start; restore the volume or recreate the claim";
        }
        if (waitsForConsumer) {
            return display + " waits for its first pod to be scheduled before a volume is provisioned; see why"
                    + " the pod is not scheduled";
        }
        return display + " is Pending"
                + claim.storageClass()
                        .map(value -> " (storage class " + value + "), so the pods using it cannot start; check"
                                + " the provisioner of the storage class and the claim's events")
                        .orElse(" with no storage class, so it waits for a matching PersistentVolume; create one"
                                + " or set storageClassName");
    }
}
