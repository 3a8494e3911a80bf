package io.kmcp.domain.diagnosis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything known about a workload and the objects around it at one moment.
 *
 * @param workload the Deployment, Job … asked about; empty when the target is a Pod or a Service
 * @param related ReplicaSets of a Deployment (newest first), Jobs of a CronJob, or a pod's owners
 */
public record WorkloadGraph(
        ObjectRef target,
        Optional<WorkloadSnapshot> workload,
        List<WorkloadSnapshot> related,
        Optional<ServiceSnapshot> service,
        List<EndpointSliceSnapshot> endpointSlices,
        List<PodSnapshot> pods,
        List<NodeSnapshot> nodes,
        List<ClaimSnapshot> claims,
        List<AutoscalerSnapshot> autoscalers,
        List<EventSnapshot> events,
        List<LogExcerpt> logs,
        Instant observedAt) {

    public WorkloadGraph {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(workload, "workload");
        related = List.copyOf(related);
        Objects.requireNonNull(service, "service");
        endpointSlices = List.copyOf(endpointSlices);
        pods = List.copyOf(pods);
        nodes = List.copyOf(nodes);
        claims = List.copyOf(claims);
        autoscalers = List.copyOf(autoscalers);
        events = List.copyOf(events);
        logs = List.copyOf(logs);
        Objects.requireNonNull(observedAt, "observedAt");
    }

    /** The workload asked about, then the related ones. */
    public List<WorkloadSnapshot> workloads() {
        List<WorkloadSnapshot> workloads = new ArrayList<>(workload.stream().toList());
        workloads.addAll(related);
        return workloads;
    }

    /** The ready endpoints of every EndpointSlice read. */
    public int readyEndpoints() {
        return endpointSlices.stream().mapToInt(EndpointSliceSnapshot::ready).sum();
    }

    /** The endpoints that are not ready, of every EndpointSlice read. */
    public int notReadyEndpoints() {
        return endpointSlices.stream().mapToInt(EndpointSliceSnapshot::notReady).sum();
    }
}
