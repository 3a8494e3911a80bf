package io.kmcp.domain.diagnosis.rules.routes;

import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.Labels;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.RouteSnapshot;
import io.kmcp.domain.diagnosis.RouteSnapshot.Backend;
import io.kmcp.domain.diagnosis.ServiceSnapshot;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.rules.DiagnosisRule;
import io.kmcp.domain.diagnosis.rules.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Service behind a route that has nowhere to send the traffic: it selects no pod
 * (ServiceSelectsNothing) or none of its pods is ready (NoReadyEndpoints), the same causes as when
 * the Service itself is diagnosed, each said with the places of the route that reach it.
 */
public final class BackendNotReadyRule implements DiagnosisRule {

    @Override
    public List<Finding> findings(WorkloadGraph graph) {
        if (graph.route().isEmpty()) {
            return List.of();
        }
        RouteSnapshot route = graph.route().get();
        List<Finding> findings = new ArrayList<>();
        for (ServiceSnapshot service : graph.backends()) {
            if (service.type().equals("ExternalName")) {
                continue;
            }
            finding(graph, route, service).ifPresent(findings::add);
        }
        return findings;
    }

    private static Optional<Finding> finding(WorkloadGraph graph, RouteSnapshot route, ServiceSnapshot service) {
        String name = service.ref().name();
        List<PodSnapshot> selected =
                graph.pods().stream().filter(service::selects).toList();
        int ready = graph.readyEndpoints(name);
        List<String> evidence = new ArrayList<>();
        evidence.add("routed from " + route.ref().display() + " at "
                + Wording.named(route.backends().stream()
                        .filter(backend -> backend.service().equals(name))
                        .map(Backend::where)
                        .distinct()
                        .toList()));
        evidence.add("endpoints of " + service.ref().display() + ": " + ready + " ready");
        if (service.selector().isEmpty()) {
            if (ready > 0) {
                return Optional.empty();
            }
            return Optional.of(new Finding(
                    Severity.CRITICAL,
                    "NoReadyEndpoints",
                    service.ref(),
                    service.ref().display() + " behind " + route.ref().display()
                            + " has no selector and no ready endpoint: its endpoints are managed by hand",
                    evidence));
        }
        if (selected.isEmpty()) {
            evidence.add("selector " + Labels.selector(service.selector()));
            return Optional.of(new Finding(
                    Severity.CRITICAL,
                    "ServiceSelectsNothing",
                    service.ref(),
                    service.ref().display() + " behind " + route.ref().display() + " selects no pod: no pod in"
                            + " namespace " + service.ref().namespace() + " has the labels "
                            + Labels.selector(service.selector()),
                    evidence));
        }
        if (selected.stream().anyMatch(PodSnapshot::ready)) {
            return Optional.empty();
        }
        evidence.add("not ready: "
                + Wording.named(selected.stream().map(pod -> pod.ref().name()).toList()));
        return Optional.of(new Finding(
                Severity.CRITICAL,
                "NoReadyEndpoints",
                service.ref(),
                service.ref().display() + " behind " + route.ref().display() + " selects "
                        + Wording.count(selected.size(), "pod")
                        + " but none is ready, so the route's traffic goes nowhere; the pods' findings say why",
                evidence));
    }
}
