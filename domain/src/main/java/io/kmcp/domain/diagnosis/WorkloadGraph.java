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
 * @param route the Ingress or HTTPRoute asked about, whose backends are {@code backends}
 * @param backends the Services a route sends to that exist; a backend named and missing is not here
 * @param objects objects judged by their status conditions alone: an autoscaler asked about, a route,
 *     a custom resource
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
        Instant observedAt,
        Optional<RouteSnapshot> route,
        List<ServiceSnapshot> backends,
        List<ObjectSnapshot> objects) {

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
        Objects.requireNonNull(route, "route");
        backends = List.copyOf(backends);
        objects = List.copyOf(objects);
    }

    /** A graph around a workload, a pod or a Service: no route, nothing judged by its conditions alone. */
    public WorkloadGraph(
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
        this(
                target,
                workload,
                related,
                service,
                endpointSlices,
                pods,
                nodes,
                claims,
                autoscalers,
                events,
                logs,
                observedAt,
                Optional.empty(),
                List.of(),
                List.of());
    }

    /**
     * The same graph told from another object: the autoscaler, claim or route an agent started at,
     * with what is judged by its conditions alone.
     */
    public WorkloadGraph startingFrom(ObjectRef start, List<ObjectSnapshot> judged) {
        List<ObjectSnapshot> all = new ArrayList<>(objects);
        all.addAll(judged);
        return new WorkloadGraph(
                start,
                workload,
                related,
                service,
                endpointSlices,
                pods,
                nodes,
                claims,
                autoscalers,
                events,
                logs,
                observedAt,
                route,
                backends,
                all);
    }

    /** The workload asked about, then the related ones. */
    public List<WorkloadSnapshot> workloads() {
        List<WorkloadSnapshot> workloads = new ArrayList<>(workload.stream().toList());
        workloads.addAll(related);
        return workloads;
    }

    /** The ready and not ready endpoints of the EndpointSlices of one Service. */
    public int readyEndpoints(String serviceName) {
        return endpointSlices.stream()
                .filter(slice -> slice.serviceName().equals(serviceName))
                .mapToInt(EndpointSliceSnapshot::ready)
                .sum();
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
