package io.kmcp.domain.diagnosis.rules.deletion;

import io.kmcp.domain.diagnosis.Condition;
import io.kmcp.domain.diagnosis.Deletion;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.NamespaceSnapshot;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.WorkloadSnapshot;
import io.kmcp.domain.diagnosis.rules.DiagnosisRule;
import io.kmcp.domain.diagnosis.rules.Wording;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Objects that were deleted and are still there past their deadline (the deletion timestamp, which
 * already includes the grace period): held by finalizers, or a pod whose kubelet never confirmed that
 * its containers stopped. Told as INFO for the first {@link #STUCK_AFTER} past the deadline, while a
 * finalizer's controller may still be doing its work, and as WARNING after. An object within its grace
 * period is still terminating as asked and is not told.
 */
public final class DeletionBlockedRule implements DiagnosisRule {

    static final String CAUSE = "DeletionBlocked";

    /** Past its deadline by this much, a deletion is no longer taken for cleanup in progress. */
    static final Duration STUCK_AFTER = Duration.ofMinutes(1);

    private static final String LEAVE_IT = "; removing a finalizer by hand skips its cleanup, so leave that to a human";

    /** What the finalizers Kubernetes itself sets wait for. */
    private static final Map<String, String> WAITS_FOR = Map.of(
            "kubernetes", "the namespace controller is still deleting the namespace's content",
            "foregroundDeletion", "the garbage collector deletes the dependents first",
            "orphan", "the garbage collector is orphaning the dependents",
            "kubernetes.io/pvc-protection", "kept while a pod uses the claim",
            "kubernetes.io/pv-protection", "kept while the volume is bound to a claim",
            "batch.kubernetes.io/job-tracking", "the Job controller has not counted the pod yet",
            "service.kubernetes.io/load-balancer-cleanup", "the cloud controller has not removed the load balancer");

    @Override
    public List<Finding> findings(WorkloadGraph graph) {
        Instant now = graph.observedAt();
        List<Finding> findings = new ArrayList<>();
        for (WorkloadSnapshot workload : graph.workloads()) {
            workload.deletion()
                    .flatMap(deletion -> finding(workload.ref(), deletion, now, List.of()))
                    .ifPresent(findings::add);
        }
        for (PodSnapshot pod : graph.pods()) {
            pod.deletion()
                    .flatMap(deletion -> finding(pod.ref(), deletion, now, kubelet(pod, deletion)))
                    .ifPresent(findings::add);
        }
        return findings;
    }

    /**
     * A namespace held past its deadline. What its controller says is left (content, and the finalizers
     * that hold the content) is told in the summary, since that is what keeps the namespace.
     */
    public static Optional<Finding> finding(NamespaceSnapshot namespace, Instant now) {
        List<Condition> holdups = namespace.deletionHoldups();
        // The finalizers of the content are what keeps it; the content that remains says less.
        Optional<String> left = holdups.stream()
                .filter(condition -> condition.type().equals("NamespaceFinalizersRemaining"))
                .findFirst()
                .or(() -> holdups.stream().findFirst())
                .flatMap(Condition::message)
                .map(Wording::brief);
        return namespace.deletion().flatMap(deletion -> {
            String advice = left.map(message -> "the namespace controller reports: " + message
                            + "; find the controllers that own them" + LEAVE_IT)
                    .orElseGet(() -> advice(namespace.ref(), deletion));
            return finding(namespace.ref(), deletion, now, advice, List.of());
        });
    }

    /** The finding about one deleted object, empty while its deadline has not passed. */
    static Optional<Finding> finding(ObjectRef subject, Deletion deletion, Instant now, List<String> more) {
        return finding(subject, deletion, now, advice(subject, deletion), more);
    }

    private static Optional<Finding> finding(
            ObjectRef subject, Deletion deletion, Instant now, String advice, List<String> more) {
        if (!deletion.overdue(now)) {
            return Optional.empty();
        }
        boolean stuck = deletion.pastDeadline(now).compareTo(STUCK_AFTER) >= 0;
        String waited = Wording.human(deletion.waited(now));
        String held = deletion.finalizers().isEmpty()
                ? "no finalizer holds it"
                : "held by finalizer" + (deletion.finalizers().size() == 1 ? " " : "s ")
                        + Wording.named(deletion.finalizers());
        String summary = stuck
                ? subject.display() + " was deleted " + waited + " ago and is still there, " + held + ": " + advice
                : subject.display() + " is being deleted (asked " + waited + " ago), " + held + "; if it stays, "
                        + advice;
        List<String> evidence = new ArrayList<>();
        evidence.add("deletionTimestamp " + deletion.deadline() + " (grace period "
                + deletion.gracePeriod().toSeconds() + "s), " + Wording.human(deletion.pastDeadline(now))
                + " past it");
        deletion.finalizers().stream()
                .filter(WAITS_FOR::containsKey)
                .forEach(finalizer -> evidence.add("finalizer " + finalizer + ": " + WAITS_FOR.get(finalizer)));
        evidence.addAll(more);
        return Optional.of(new Finding(stuck ? Severity.WARNING : Severity.INFO, CAUSE, subject, summary, evidence));
    }

    private static String advice(ObjectRef subject, Deletion deletion) {
        if (deletion.finalizers().isEmpty()) {
            return subject.kind().equals("Pod")
                    ? "its node's kubelet has not confirmed that the containers stopped; check the node, and ask a"
                            + " human before forcing the deletion"
                    : "the API server should have removed it; check the API server";
        }
        List<String> owners = deletion.finalizers().stream()
                .filter(finalizer -> !WAITS_FOR.containsKey(finalizer))
                .map(DeletionBlockedRule::owner)
                .distinct()
                .toList();
        String find = owners.isEmpty()
                ? "see what the finalizer waits for"
                : "find the controller that owns " + Wording.named(owners) + " and why it has not finished";
        return find + LEAVE_IT;
    }

    /** "example.com" of "example.com/hold": the domain of the controller that set it. */
    private static String owner(String finalizer) {
        return finalizer.split("/", 2)[0];
    }

    /** For a pod no finalizer holds: the kubelet that has to confirm, and where the pod runs. */
    private static List<String> kubelet(PodSnapshot pod, Deletion deletion) {
        if (!deletion.finalizers().isEmpty()) {
            return List.of();
        }
        return List.of(pod.nodeName()
                .map(node -> "waits for the kubelet of node " + node)
                .orElse("bound to no node"));
    }
}
