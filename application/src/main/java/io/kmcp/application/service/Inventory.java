package io.kmcp.application.service;

import io.kmcp.application.service.ClusterReads.Listed;
import io.kmcp.domain.diagnosis.ClaimSnapshot;
import io.kmcp.domain.diagnosis.EventDigest;
import io.kmcp.domain.diagnosis.EventGroup;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.ServiceSnapshot;
import io.kmcp.domain.diagnosis.Snapshots;
import io.kmcp.domain.diagnosis.WorkloadSnapshot;
import io.kmcp.domain.type.Verb;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The objects an overview is drawn from, one list per kind, all read at once: a namespace's or the
 * whole cluster's. Each list is bounded; counts still include what the API server says remains.
 */
final class Inventory {

    /** Objects read per kind at most; beyond that the counts come from the API server's estimate. */
    static final int MAX_PER_KIND = 1000;

    /** Warning events older than this are history, not the state of things. */
    static final Duration RECENT = Duration.ofHours(1);

    static final int MAX_WARNING_GROUPS = 20;

    private final Map<String, Listed> byKind;
    private final List<EventGroup> warnings;

    private Inventory(Map<String, Listed> byKind, List<EventGroup> warnings) {
        this.byKind = byKind;
        this.warnings = warnings;
    }

    /** Reads every kind of the scope concurrently; kinds that cannot be read become gaps. */
    static Inventory read(ClusterReads reads, Optional<String> namespace, Instant now) {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("Deployment", "deployments.apps");
        kinds.put("StatefulSet", "statefulsets.apps");
        kinds.put("DaemonSet", "daemonsets.apps");
        kinds.put("Job", "jobs.batch");
        kinds.put("CronJob", "cronjobs.batch");
        kinds.put("Pod", "pods.v1");
        kinds.put("Service", "services.v1");
        kinds.put("PersistentVolumeClaim", "persistentvolumeclaims.v1");
        String scope = namespace.map(ns -> " in namespace " + ns).orElse(" in all namespaces");
        Map<String, CompletableFuture<Listed>> reading = new LinkedHashMap<>();
        kinds.forEach((kind, reference) -> reading.put(
                kind,
                reads.list(kind + " objects" + scope, reads.type(reference, Verb.LIST), namespace, MAX_PER_KIND)));
        CompletableFuture<Listed> events = reads.list(
                "warning events" + scope,
                reads.type("events.v1", Verb.LIST),
                namespace,
                Optional.empty(),
                Optional.of("type=Warning"),
                MAX_PER_KIND);
        Map<String, Listed> byKind = new LinkedHashMap<>();
        reading.forEach((kind, read) -> byKind.put(kind, ClusterReads.await(read)));
        List<EventGroup> warnings = EventDigest.filter(
                        EventDigest.of(ClusterReads.await(events).items().stream()
                                .map(Snapshots::event)
                                .toList()),
                        Optional.of("Warning"),
                        Optional.of(now.minus(RECENT)))
                .stream()
                .limit(MAX_WARNING_GROUPS)
                .toList();
        return new Inventory(byKind, warnings);
    }

    /** Objects per kind, kinds with none left out. */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        byKind.forEach((kind, listed) -> {
            if (listed.total() > 0) {
                counts.put(kind, (int) Math.min(Integer.MAX_VALUE, listed.total()));
            }
        });
        return counts;
    }

    List<WorkloadSnapshot> workloads() {
        return Stream.of("Deployment", "StatefulSet", "DaemonSet", "Job")
                .flatMap(kind -> byKind.get(kind).items().stream())
                .map(Snapshots::workload)
                .toList();
    }

    List<PodSnapshot> pods() {
        return byKind.get("Pod").items().stream().map(Snapshots::pod).toList();
    }

    List<ServiceSnapshot> services() {
        return byKind.get("Service").items().stream().map(Snapshots::service).toList();
    }

    List<ClaimSnapshot> claims() {
        return byKind.get("PersistentVolumeClaim").items().stream()
                .map(Snapshots::claim)
                .toList();
    }

    List<EventGroup> warnings() {
        return warnings;
    }

    HealthAssessment health(Instant now) {
        return new HealthAssessment(pods(), claims(), now);
    }
}
