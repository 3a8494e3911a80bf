package io.kmcp.application.service;

import static io.kmcp.application.service.WorkloadFixture.crashLoopingPod;
import static io.kmcp.application.service.WorkloadFixture.deployment;
import static io.kmcp.application.service.WorkloadFixture.metadata;
import static io.kmcp.application.service.WorkloadFixture.object;
import static io.kmcp.application.service.WorkloadFixture.runningPod;
import static io.kmcp.application.service.WorkloadFixture.service;
import static io.kmcp.application.service.WorkloadFixture.unschedulablePod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.application.port.in.PendingPod;
import io.kmcp.application.port.in.UnhealthyWorkload;
import io.kmcp.domain.diagnosis.ClaimSnapshot;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.Snapshots;
import io.kmcp.domain.diagnosis.WorkloadSnapshot;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Telling unhealthy workloads from one list of each kind")
class HealthAssessmentTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:06:00Z");

    @SafeVarargs
    private static List<PodSnapshot> pods(Map<String, Object>... objects) {
        return Stream.of(objects).map(Snapshots::pod).toList();
    }

    @SafeVarargs
    private static List<WorkloadSnapshot> workloads(Map<String, Object>... objects) {
        return Stream.of(objects).map(Snapshots::workload).toList();
    }

    private static Map<String, Object> statefulSet(String namespace, String name, int desired, int ready) {
        Map<String, Object> object = deployment(namespace, name, desired, ready);
        object.put("kind", "StatefulSet");
        metadata(object).put("uid", "uid-sts-" + name);
        return object;
    }

    /** A Deployment from before selectors were required: it selects nothing, so no pod is counted as its. */
    private static Map<String, Object> withoutSelector(Map<String, Object> object) {
        object.put("spec", Map.of("replicas", 1));
        return object;
    }

    private static Map<String, Object> usingClaim(Map<String, Object> pod, String claim) {
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) pod.get("spec");
        spec.put("volumes", List.of(Map.of("name", "data", "persistentVolumeClaim", Map.of("claimName", claim))));
        return pod;
    }

    private static ClaimSnapshot claim(String namespace, String name, String phase) {
        Map<String, Object> claim = object("v1", "PersistentVolumeClaim", namespace, name, "uid-pvc-" + name);
        claim.put("spec", Map.of("storageClassName", "standard"));
        claim.put("status", Map.of("phase", phase));
        return Snapshots.claim(claim);
    }

    private static Map<String, Object> rawPod(Map<String, Object> status) {
        Map<String, Object> pod = object("v1", "Pod", "shop", "web-1", "uid-web-1");
        pod.put("spec", Map.of("containers", List.of(Map.of("name", "app", "image", "web:1"))));
        pod.put("status", status);
        return pod;
    }

    private static String why(Map<String, Object> status) {
        return HealthAssessment.why(Snapshots.pod(rawPod(status)));
    }

    private static List<String> entries(List<UnhealthyWorkload> unhealthy) {
        return unhealthy.stream()
                .map(entry -> entry.severity() + " " + entry.workload().display() + " " + entry.cause())
                .toList();
    }

    @Nested
    @DisplayName("The unhealthy ones")
    class Unhealthy {

        @Test
        @DisplayName("most severe first, then by namespace, kind and name")
        void order() {
            HealthAssessment health = new HealthAssessment(
                    pods(
                            crashLoopingPod("shop", "web", "7d9f", "a"),
                            crashLoopingPod("shop", "db", "0000", "a"),
                            crashLoopingPod("shop", "queue", "0000", "a"),
                            crashLoopingPod("admin", "cache", "0000", "a"),
                            runningPod("admin", "api", "5c5c", "a")),
                    List.of(),
                    NOW);

            List<UnhealthyWorkload> unhealthy = health.unhealthy(
                    workloads(
                            deployment("admin", "api", 2, 1),
                            statefulSet("shop", "queue", 1, 0),
                            statefulSet("shop", "db", 1, 0),
                            deployment("shop", "web", 1, 0),
                            statefulSet("admin", "cache", 1, 0)),
                    List.of());

            assertThat(entries(unhealthy))
                    .containsExactly(
                            "CRITICAL StatefulSet admin/cache CrashLoopBackOff",
                            "CRITICAL Deployment shop/web CrashLoopBackOff",
                            "CRITICAL StatefulSet shop/db CrashLoopBackOff",
                            "CRITICAL StatefulSet shop/queue CrashLoopBackOff",
                            "WARNING Deployment admin/api ReplicasUnavailable");
            assertThat(unhealthy.get(4).summary()).contains("1/2 replicas ready");
        }

        @Test
        @DisplayName("a workload's pods are those of its namespace with its labels; healthy workloads are left out")
        void podsByNamespaceAndLabels() {
            HealthAssessment health = new HealthAssessment(
                    pods(crashLoopingPod("shop", "web", "7d9f", "a"), runningPod("admin", "web", "5c5c", "a")),
                    List.of(),
                    NOW);

            List<UnhealthyWorkload> unhealthy = health.unhealthy(
                    workloads(
                            deployment("admin", "web", 1, 1),
                            deployment("shop", "web", 1, 0),
                            withoutSelector(deployment("shop", "legacy", 1, 1))),
                    List.of());

            assertThat(entries(unhealthy)).containsExactly("CRITICAL Deployment shop/web CrashLoopBackOff");
        }

        @Test
        @DisplayName("the one-line cause is the most specific finding, not the replica count it explains")
        void specificCauseOverReplicaCount() {
            Map<String, Object> rollingOut = deployment("shop", "web", 2, 1);
            metadata(rollingOut).put("generation", 2);

            List<UnhealthyWorkload> unhealthy = new HealthAssessment(
                            pods(runningPod("shop", "web", "7d9f", "a")), List.of(), NOW)
                    .unhealthy(workloads(rollingOut), List.of());

            assertThat(entries(unhealthy)).containsExactly("WARNING Deployment shop/web RolloutStuck");
        }

        @Test
        @DisplayName("Services with a selector are checked; those without one have no pod to check")
        void services() {
            Map<String, Object> manual = service("shop", "external-db", Map.of());
            HealthAssessment health =
                    new HealthAssessment(pods(runningPod("shop", "web", "7d9f", "a")), List.of(), NOW);

            List<UnhealthyWorkload> unhealthy = health.unhealthy(
                    List.of(),
                    Stream.of(
                                    service("shop", "web", Map.of("app", "web")),
                                    service("shop", "orders", Map.of("app", "orders")),
                                    manual)
                            .map(Snapshots::service)
                            .toList());

            assertThat(entries(unhealthy)).containsExactly("CRITICAL Service shop/orders ServiceSelectsNothing");
        }

        @Test
        @DisplayName("a pod without owner is judged on its own; an owned pod through its workload")
        void ownerlessPods() {
            Map<String, Object> bare = crashLoopingPod("shop", "debug", "0000", "a");
            metadata(bare).remove("ownerReferences");
            HealthAssessment health =
                    new HealthAssessment(pods(bare, crashLoopingPod("shop", "web", "7d9f", "a")), List.of(), NOW);

            List<UnhealthyWorkload> unhealthy = health.unhealthy(List.of(), List.of());

            assertThat(entries(unhealthy)).containsExactly("CRITICAL Pod shop/debug-0000-a CrashLoopBackOff");
        }

        @Test
        @DisplayName("only the claims of the workload's own pods, in its namespace, are judged")
        void claims() {
            HealthAssessment health = new HealthAssessment(
                    pods(
                            usingClaim(unschedulablePod("shop", "db", "0000", "a"), "db-data"),
                            usingClaim(runningPod("shop", "web", "7d9f", "a"), "cache")),
                    List.of(
                            claim("shop", "db-data", "Pending"),
                            claim("shop", "cache", "Bound"),
                            claim("admin", "cache", "Pending"),
                            claim("shop", "unused", "Pending")),
                    NOW);

            List<UnhealthyWorkload> unhealthy = health.unhealthy(
                    workloads(deployment("shop", "db", 1, 0), deployment("shop", "web", 1, 1)), List.of());

            assertThat(entries(unhealthy)).containsExactly("CRITICAL Deployment shop/db ClaimPending");
            assertThat(unhealthy.get(0).summary()).contains("db-data");
        }
    }

    @Nested
    @DisplayName("The pending pods")
    class Pending {

        @Test
        @DisplayName("are the pods in phase Pending, by namespace then name, with what holds them")
        void pending() {
            HealthAssessment health = new HealthAssessment(
                    pods(
                            unschedulablePod("shop", "web", "7d9f", "b"),
                            runningPod("shop", "web", "7d9f", "c"),
                            unschedulablePod("admin", "web", "7d9f", "z"),
                            unschedulablePod("shop", "web", "7d9f", "a")),
                    List.of(),
                    NOW);

            assertThat(health.pending())
                    .extracting(pending ->
                            pending.pod().namespace() + "/" + pending.pod().name())
                    .containsExactly("admin/web-7d9f-z", "shop/web-7d9f-a", "shop/web-7d9f-b");
            assertThat(health.pending())
                    .extracting(PendingPod::why)
                    .containsOnly("Unschedulable: 0/3 nodes are available: 3 Insufficient cpu.");
        }

        @Test
        @DisplayName("the scheduler's word comes first, even without reason or message")
        void notScheduled() {
            assertThat(why(Map.of(
                            "phase",
                            "Pending",
                            "conditions",
                            List.of(Map.of("type", "PodScheduled", "status", "False")),
                            "containerStatuses",
                            List.of(Map.of("name", "app", "state", Map.of("waiting", Map.of("reason", "X")))))))
                    .isEqualTo("not scheduled: no message");
        }

        @Test
        @DisplayName("then the first container waiting with a reason, with the kubelet's message if any")
        void waitingContainer() {
            Map<String, Object> creating = new LinkedHashMap<>();
            creating.put("phase", "Pending");
            creating.put("conditions", List.of(Map.of("type", "PodScheduled", "status", "True")));
            creating.put(
                    "containerStatuses",
                    List.of(Map.of(
                            "name",
                            "app",
                            "state",
                            Map.of(
                                    "waiting",
                                    Map.of("reason", "ContainerCreating", "message", "pulling image web:1")))));

            assertThat(why(creating)).isEqualTo("container app ContainerCreating: pulling image web:1");
            assertThat(why(Map.of(
                            "phase",
                            "Pending",
                            "containerStatuses",
                            List.of(Map.of(
                                    "name",
                                    "app",
                                    "state",
                                    Map.of("waiting", Map.of("reason", "ContainerCreating")))))))
                    .isEqualTo("container app ContainerCreating");
        }

        @Test
        @DisplayName("else the pod's own reason and message, or plainly Pending")
        void podReason() {
            assertThat(why(Map.of(
                            "phase",
                            "Pending",
                            "reason",
                            "SchedulingGated",
                            "message",
                            "waiting for quota",
                            "containerStatuses",
                            List.of(Map.of("name", "app", "state", Map.of("waiting", Map.of()))))))
                    .isEqualTo("SchedulingGated: waiting for quota");
            assertThat(why(Map.of("phase", "Pending", "reason", "SchedulingGated")))
                    .isEqualTo("SchedulingGated");
            assertThat(why(Map.of("phase", "Pending"))).isEqualTo("Pending");
        }
    }

    @Test
    @DisplayName("Severity of an unhealthy entry is that of its finding")
    void severityCarried() {
        List<UnhealthyWorkload> unhealthy = new HealthAssessment(
                        pods(crashLoopingPod("shop", "web", "7d9f", "a")), List.of(), NOW)
                .unhealthy(workloads(deployment("shop", "web", 1, 0)), List.of());

        assertThat(unhealthy).singleElement().satisfies(entry -> {
            assertThat(entry.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(entry.summary()).contains("keeps crashing");
        });
    }
}
