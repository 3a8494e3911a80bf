package io.kmcp.domain.diagnosis.rules.services;

import io.kmcp.domain.diagnosis.Condition;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.ServiceSnapshot;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.rules.DiagnosisRule;
import io.kmcp.domain.diagnosis.rules.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A Service whose selector matches pods, none of them ready: its traffic goes nowhere. */
public final class NoReadyEndpointsRule implements DiagnosisRule {

    @Override
    public List<Finding> findings(WorkloadGraph graph) {
        Optional<ServiceSnapshot> found = graph.service();
        List<PodSnapshot> selected =
                found.map(service -> Endpoints.selected(graph, service)).orElse(List.of());
        if (selected.isEmpty() || selected.stream().anyMatch(PodSnapshot::ready)) {
            return List.of();
        }
        ServiceSnapshot service = found.orElseThrow();
        List<String> evidence = new ArrayList<>();
        Endpoints.counts(graph).ifPresent(evidence::add);
        evidence.add("not ready: "
                + Wording.named(
                        selected.stream().map(NoReadyEndpointsRule::podState).toList()));
        return List.of(new Finding(
                Severity.CRITICAL,
                "NoReadyEndpoints",
                service.ref(),
                service.ref().display() + " selects " + Wording.count(selected.size(), "pod")
                        + " but none is ready, so its traffic goes nowhere; the pods' findings say why",
                evidence));
    }

    /** "web-a (CrashLoopBackOff)": what keeps a pod from being ready, in a word. */
    private static String podState(PodSnapshot pod) {
        String state = pod.containers().stream()
                .flatMap(container -> container.state().waitingReason().stream())
                .findFirst()
                .or(() -> pod.notScheduled().flatMap(Condition::reason))
                .orElse(pod.terminating() ? "Terminating" : pod.phase());
        return pod.ref().name() + " (" + state + ")";
    }
}
