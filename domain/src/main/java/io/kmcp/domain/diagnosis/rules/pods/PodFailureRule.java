package io.kmcp.domain.diagnosis.rules.pods;

import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.rules.DiagnosisRule;
import io.kmcp.domain.diagnosis.rules.PodGroup;
import io.kmcp.domain.diagnosis.rules.PodGroups;
import io.kmcp.domain.diagnosis.rules.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shape every rule about a pod that failed as a whole shares (its status says Failed and why:
 * Evicted, DeadlineExceeded, OutOfcpu …), so that they all read alike: one finding per subject, "2/3
 * pods of Deployment shop/web failed: …", with the kubelet's message and the nodes in the evidence.
 */
abstract class PodFailureRule implements DiagnosisRule {

    private final String cause;

    PodFailureRule(String cause) {
        this.cause = cause;
    }

    /** Whether the rule tells a pod that failed for that reason. */
    abstract boolean tells(String reason);

    /**
     * What follows "failed: ", for the reason and message of the pod the summary names: the cause and
     * the next step. The message is quoted after it, since a long message must not cut the next step off.
     */
    abstract String problem(String reason, Optional<String> message);

    @Override
    public final List<Finding> findings(WorkloadGraph graph) {
        return PodGroups.failing(
                        graph, pod -> pod.failureReason().filter(this::tells).isPresent())
                .stream()
                .map(this::finding)
                .toList();
    }

    private Finding finding(PodGroup group) {
        PodSnapshot sample = group.pods().get(0);
        String reason = sample.failureReason().orElseThrow();
        List<String> evidence = new ArrayList<>();
        group.podsLine().ifPresent(evidence::add);
        evidence.add("pod status: Failed, reason " + reason
                + sample.message().map(message -> ": " + Wording.brief(message)).orElse(""));
        List<String> nodes = group.pods().stream()
                .flatMap(pod -> pod.nodeName().stream())
                .distinct()
                .toList();
        if (!nodes.isEmpty()) {
            evidence.add((nodes.size() == 1 ? "on node " : "on nodes ") + Wording.named(nodes));
        }
        return new Finding(
                severity(group),
                cause,
                group.subject(),
                group.scope(group.pods().size()) + " failed: " + problem(reason, sample.message())
                        + quoted(sample.message()),
                evidence);
    }

    /** A pod that a controller replaces is a WARNING; one on its own is gone for good. */
    private static Severity severity(PodGroup group) {
        boolean replaced =
                group.pods().stream().allMatch(pod -> pod.controller().isPresent());
        return replaced ? Severity.WARNING : Severity.CRITICAL;
    }

    /** The message, or nothing, in the words of a summary: " (message)". */
    static String quoted(Optional<String> message) {
        return message.map(text -> " (" + Wording.brief(text) + ")").orElse("");
    }
}
