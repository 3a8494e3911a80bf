package io.kmcp.domain.diagnosis.rules.routes;

import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.RouteSnapshot;
import io.kmcp.domain.diagnosis.RouteSnapshot.Backend;
import io.kmcp.domain.diagnosis.ServiceSnapshot;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.rules.DiagnosisRule;
import io.kmcp.domain.diagnosis.rules.Wording;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A route that sends traffic to a Service that does not exist (BackendServiceMissing), or to a port
 * the Service does not have (BackendPortMissing): those requests fail at the proxy, whatever the pods do.
 */
public final class BackendMissingRule implements DiagnosisRule {

    @Override
    public List<Finding> findings(WorkloadGraph graph) {
        if (graph.route().isEmpty()) {
            return List.of();
        }
        RouteSnapshot route = graph.route().get();
        List<Finding> findings = new ArrayList<>();
        Map<String, List<Backend>> byService = new LinkedHashMap<>();
        route.backends()
                .forEach(backend -> byService
                        .computeIfAbsent(backend.service(), name -> new ArrayList<>())
                        .add(backend));
        byService.forEach((name, backends) -> {
            Optional<ServiceSnapshot> service = graph.backends().stream()
                    .filter(candidate -> candidate.ref().name().equals(name))
                    .findFirst();
            if (service.isEmpty()) {
                findings.add(missingService(route, name, backends));
            } else {
                missingPort(route, service.get(), backends).ifPresent(findings::add);
            }
        });
        return findings;
    }

    private static Finding missingService(RouteSnapshot route, String name, List<Backend> backends) {
        String namespace = route.ref().namespace();
        return new Finding(
                Severity.CRITICAL,
                "BackendServiceMissing",
                new ObjectRef("Service", namespace, name, ""),
                route.ref().display() + " sends " + places(backends) + " to Service " + name
                        + ", which does not exist in namespace " + namespace
                        + ": create it or point the route at an existing Service",
                backends.stream().map(BackendMissingRule::line).toList());
    }

    private static Optional<Finding> missingPort(RouteSnapshot route, ServiceSnapshot service, List<Backend> backends) {
        List<Backend> wrong = backends.stream()
                .filter(backend -> backend.port().isPresent()
                        && !service.exposes(backend.port().get()))
                .toList();
        if (wrong.isEmpty()) {
            return Optional.empty();
        }
        List<String> evidence =
                new ArrayList<>(wrong.stream().map(BackendMissingRule::line).toList());
        evidence.add(service.ref().display() + " ports: "
                + (service.ports().isEmpty() ? "none" : String.join(", ", service.ports()))
                + (service.portNames().isEmpty() ? "" : " (named " + String.join(", ", service.portNames()) + ")"));
        return Optional.of(new Finding(
                Severity.CRITICAL,
                "BackendPortMissing",
                service.ref(),
                route.ref().display() + " sends " + places(wrong) + " to port "
                        + Wording.named(wrong.stream()
                                .map(backend -> backend.port().orElseThrow())
                                .distinct()
                                .toList())
                        + " of " + service.ref().display() + ", which has no such port",
                evidence));
    }

    private static String places(List<Backend> backends) {
        return Wording.named(backends.stream().map(Backend::where).distinct().toList());
    }

    private static String line(Backend backend) {
        return backend.where() + " → " + backend.display();
    }
}
