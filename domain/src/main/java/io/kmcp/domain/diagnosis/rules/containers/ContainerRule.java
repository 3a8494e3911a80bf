package io.kmcp.domain.diagnosis.rules.containers;

import io.kmcp.domain.diagnosis.ContainerSnapshot;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.rules.DiagnosisRule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The shape every container rule shares, so that they all read alike: one finding per subject,
 * "container app of 2/3 pods of Deployment shop/web …", the failing pods first in the evidence and the
 * other failing containers last.
 */
abstract class ContainerRule implements DiagnosisRule {

    private final String cause;

    ContainerRule(String cause) {
        this.cause = cause;
    }

    /**
     * Which containers fail the rule. Facts about the whole graph, such as which pods have events, are
     * gathered here once per diagnosis rather than once per container.
     */
    abstract BiPredicate<PodSnapshot, ContainerSnapshot> failing(WorkloadGraph graph);

    /** What the finding says about the container its summary names. */
    abstract Told tell(WorkloadGraph graph, ContainerGroup group);

    /** What "also container proxy (1 pod): …" says of a container that fails alike beside it. */
    abstract String detail(ContainerFailure other);

    /**
     * @param problem the end of the summary, after "container app of 2/3 pods of Deployment shop/web"
     * @param evidence the lines between the failing pods and the other failing containers
     */
    record Told(Severity severity, String problem, List<String> evidence) {}

    @Override
    public final List<Finding> findings(WorkloadGraph graph) {
        return ContainerGroup.of(graph, failing(graph)).stream()
                .map(group -> finding(group, tell(graph, group)))
                .toList();
    }

    private Finding finding(ContainerGroup group, Told told) {
        List<String> evidence = new ArrayList<>();
        group.pods().podsLine().ifPresent(evidence::add);
        evidence.addAll(told.evidence());
        evidence.addAll(group.others(this::detail));
        return new Finding(
                told.severity(),
                cause,
                group.subject(),
                ContainerWording.phrase(group.sample()) + " of " + group.scope() + " " + told.problem(),
                evidence);
    }
}
