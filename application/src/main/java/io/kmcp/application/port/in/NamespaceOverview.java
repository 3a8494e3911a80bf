package io.kmcp.application.port.in;

import io.kmcp.domain.diagnosis.EventGroup;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A namespace at a glance.
 *
 * @param counts objects per kind (Deployment, Pod …), in a stable order
 * @param unhealthy the workloads that are not as asked, most severe first
 * @param pendingPods pods not running yet, with why
 * @param warnings recent warning events, grouped and counted, newest first
 * @param quotas the namespace's quota usage
 * @param gaps what could not be read and why
 */
public record NamespaceOverview(
        String namespace,
        Map<String, Integer> counts,
        List<UnhealthyWorkload> unhealthy,
        List<PendingPod> pendingPods,
        List<EventGroup> warnings,
        List<QuotaUsage> quotas,
        List<String> gaps,
        int apiRequests) {

    public NamespaceOverview {
        Objects.requireNonNull(namespace, "namespace");
        counts = Map.copyOf(counts);
        unhealthy = List.copyOf(unhealthy);
        pendingPods = List.copyOf(pendingPods);
        warnings = List.copyOf(warnings);
        quotas = List.copyOf(quotas);
        gaps = List.copyOf(gaps);
    }
}
