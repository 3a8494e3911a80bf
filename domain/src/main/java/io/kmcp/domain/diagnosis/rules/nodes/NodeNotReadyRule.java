package io.kmcp.domain.diagnosis.rules.nodes;

import io.kmcp.domain.diagnosis.Condition;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.NodeSnapshot;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.rules.DiagnosisRule;
import io.kmcp.domain.diagnosis.rules.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Nodes of the workload's pods that are not ready (CRITICAL), under pressure (WARNING) or cordoned
 * (INFO: running pods stay, new ones go elsewhere).
 */
public final class NodeNotReadyRule implements DiagnosisRule {

    @Override
    public List<Finding> findings(WorkloadGraph graph) {
        return graph.nodes().stream()
                .filter(node -> !node.healthy())
                .map(node -> finding(graph, node))
                .toList();
    }

    private static Finding finding(WorkloadGraph graph, NodeSnapshot node) {
        List<String> evidence = new ArrayList<>();
        node.problems()
                .forEach(condition -> evidence.add(condition.type() + "=" + condition.status()
                        + condition.reason().map(reason -> " (" + reason + ")").orElse("")
                        + condition
                                .message()
                                .map(message -> ": " + Wording.brief(message))
                                .orElse("")));
        if (node.unschedulable()) {
            evidence.add("cordoned: spec.unschedulable is true");
        }
        if (!node.taints().isEmpty()) {
            evidence.add("taints: " + Wording.named(node.taints()));
        }
        List<String> pods = graph.pods().stream()
                .filter(pod -> pod.nodeName().filter(node.ref().name()::equals).isPresent())
                .map(pod -> pod.ref().name())
                .toList();
        if (!pods.isEmpty()) {
            evidence.add("runs " + Wording.named(pods));
        }
        String display = node.ref().display();
        if (!node.ready()) {
            return new Finding(
                    Severity.CRITICAL,
                    "NodeNotReady",
                    node.ref(),
                    display + " is not ready: its pods may be unreachable and will be evicted",
                    evidence);
        }
        if (!node.problems().isEmpty()) {
            return new Finding(
                    Severity.WARNING,
                    "NodeNotReady",
                    node.ref(),
                    display + " reports "
                            + node.problems().stream().map(Condition::type).collect(Collectors.joining(", "))
                            + ": its pods may be evicted",
                    evidence);
        }
        return new Finding(
                Severity.INFO,
                "NodeNotReady",
                node.ref(),
                display + " is cordoned: its pods keep running, new pods are scheduled elsewhere",
                evidence);
    }
}
