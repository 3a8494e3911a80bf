package io.kmcp.domain.diagnosis.rules.services;

import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.Labels;
import io.kmcp.domain.diagnosis.ServiceSnapshot;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.WorkloadSnapshot;
import io.kmcp.domain.diagnosis.rules.DiagnosisRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Service whose selector matches none of the pods sends its traffic nowhere. A Service without a
 * selector has endpoints managed by hand: told as INFO, since no pod can be checked behind it.
 */
public final class ServiceSelectsNothingRule implements DiagnosisRule {

    @Override
    public List<Finding> findings(WorkloadGraph graph) {
        Optional<ServiceSnapshot> found =
                graph.service().filter(service -> !service.type().equals("ExternalName"));
        if (found.isEmpty()) {
            return List.of();
        }
        ServiceSnapshot service = found.get();
        String display = service.ref().display();
        if (service.selector().isEmpty()) {
            return List.of(new Finding(
                    Severity.INFO,
                    "ServiceSelectsNothing",
                    service.ref(),
                    display + " has no selector: its endpoints are managed by hand, so no pod is checked behind it",
                    Endpoints.counts(graph).stream().toList()));
        }
        if (!Endpoints.selected(graph, service).isEmpty()) {
            return List.of();
        }
        String selector = Labels.selector(service.selector());
        List<String> evidence = new ArrayList<>();
        evidence.add("selector " + selector);
        Optional<WorkloadSnapshot> workload = graph.workload();
        workload.filter(snapshot -> !snapshot.templateLabels().isEmpty())
                .ifPresent(snapshot -> evidence.add("pod template labels of "
                        + snapshot.ref().display() + ": " + Labels.selector(snapshot.templateLabels())));
        Endpoints.counts(graph).ifPresent(evidence::add);
        return List.of(new Finding(
                Severity.CRITICAL,
                "ServiceSelectsNothing",
                service.ref(),
                workload.map(snapshot ->
                                display + " selects none of the " + graph.pods().size() + " pods of "
                                        + snapshot.ref().display() + ": they lack the labels " + selector)
                        .orElse(display + " selects no pod: no pod in namespace "
                                + service.ref().namespace() + " has the labels " + selector
                                + "; fix the selector or the pods' labels"),
                evidence));
    }
}
