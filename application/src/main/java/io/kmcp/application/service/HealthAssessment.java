package io.kmcp.application.service;

import io.kmcp.application.port.in.PendingPod;
import io.kmcp.application.port.in.UnhealthyWorkload;
import io.kmcp.domain.diagnosis.ClaimSnapshot;
import io.kmcp.domain.diagnosis.Condition;
import io.kmcp.domain.diagnosis.ContainerSnapshot;
import io.kmcp.domain.diagnosis.ContainerState;
import io.kmcp.domain.diagnosis.DiagnosisRules;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.ServiceSnapshot;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.WorkloadSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells, from one list of each kind, which workloads are unhealthy and why, without a read per
 * workload: pods are matched to workloads by selector and namespace, and the domain's diagnosis
 * rules run on each small graph. The one-line cause is the most severe, most specific finding.
 */
final class HealthAssessment {

    /** The finding that only repeats what the replica counts say; a more specific one is preferred. */
    private static final String GENERIC_CAUSE = "ReplicasUnavailable";

    private final List<PodSnapshot> pods;
    private final List<ClaimSnapshot> claims;
    private final Instant now;

    HealthAssessment(List<PodSnapshot> pods, List<ClaimSnapshot> claims, Instant now) {
        this.pods = List.copyOf(pods);
        this.claims = List.copyOf(claims);
        this.now = now;
    }

    /** The unhealthy ones among the workloads, services and ownerless pods, most severe first. */
    List<UnhealthyWorkload> unhealthy(List<WorkloadSnapshot> workloads, List<ServiceSnapshot> services) {
        List<UnhealthyWorkload> unhealthy = new ArrayList<>();
        for (WorkloadSnapshot workload : workloads) {
            List<PodSnapshot> matched = workload.selector().isEmpty()
                    ? List.of()
                    : matching(workload.ref().namespace(), workload.selector());
            worst(graph(workload.ref(), Optional.of(workload), Optional.empty(), matched))
                    .ifPresent(unhealthy::add);
        }
        for (ServiceSnapshot service : services) {
            if (!service.selector().isEmpty()) {
                worst(graph(
                                service.ref(),
                                Optional.empty(),
                                Optional.of(service),
                                matching(service.ref().namespace(), service.selector())))
                        .ifPresent(unhealthy::add);
            }
        }
        for (PodSnapshot pod : pods) {
            if (pod.owners().isEmpty()) {
                worst(graph(pod.ref(), Optional.empty(), Optional.empty(), List.of(pod)))
                        .ifPresent(unhealthy::add);
            }
        }
        unhealthy.sort(Comparator.comparing(UnhealthyWorkload::severity)
                .thenComparing(entry -> entry.workload().namespace())
                .thenComparing(entry -> entry.workload().kind())
                .thenComparing(entry -> entry.workload().name()));
        return unhealthy;
    }

    /** Pods that are not running yet, with what the cluster says holds them back. */
    List<PendingPod> pending() {
        return pods.stream()
                .filter(pod -> pod.phase().equals("Pending"))
                .sorted(Comparator.comparing((PodSnapshot pod) -> pod.ref().namespace())
                        .thenComparing(pod -> pod.ref().name()))
                .map(pod -> new PendingPod(pod.ref(), why(pod)))
                .toList();
    }

    static String why(PodSnapshot pod) {
        Optional<Condition> scheduled = pod.condition("PodScheduled").filter(Condition::isFalse);
        if (scheduled.isPresent()) {
            return scheduled.get().reason().orElse("not scheduled") + ": "
                    + scheduled.get().message().orElse("no message");
        }
        for (ContainerSnapshot container : pod.containers()) {
            ContainerState state = container.state();
            if (state.phase() == ContainerState.Phase.WAITING && state.reason().isPresent()) {
                return "container " + container.name() + " " + state.reason().get()
                        + state.message().map(message -> ": " + message).orElse("");
            }
        }
        return pod.reason().orElse("Pending")
                + pod.message().map(message -> ": " + message).orElse("");
    }

    private List<PodSnapshot> matching(String namespace, Map<String, String> selector) {
        return pods.stream()
                .filter(pod -> pod.ref().namespace().equals(namespace))
                .filter(pod -> pod.labels().entrySet().containsAll(selector.entrySet()))
                .toList();
    }

    private WorkloadGraph graph(
            ObjectRef target,
            Optional<WorkloadSnapshot> workload,
            Optional<ServiceSnapshot> service,
            List<PodSnapshot> matched) {
        Set<String> claimNames =
                matched.stream().flatMap(pod -> pod.claimNames().stream()).collect(Collectors.toSet());
        List<ClaimSnapshot> involvedClaims = claims.stream()
                .filter(claim -> claim.ref().namespace().equals(target.namespace()))
                .filter(claim -> claimNames.contains(claim.ref().name()))
                .toList();
        return new WorkloadGraph(
                target,
                workload,
                List.of(),
                service,
                List.of(),
                matched,
                List.of(),
                involvedClaims,
                List.of(),
                List.of(),
                List.of(),
                now);
    }

    private static Optional<UnhealthyWorkload> worst(WorkloadGraph graph) {
        List<Finding> findings = DiagnosisRules.findings(graph);
        return findings.stream()
                .filter(finding -> !finding.cause().equals(GENERIC_CAUSE))
                .findFirst()
                .or(() -> findings.stream().findFirst())
                .map(finding ->
                        new UnhealthyWorkload(graph.target(), finding.severity(), finding.cause(), finding.summary()));
    }
}
