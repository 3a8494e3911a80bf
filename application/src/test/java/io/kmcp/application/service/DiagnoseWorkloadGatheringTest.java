package io.kmcp.application.service;

import static io.kmcp.application.service.TestTypes.CALLER;
import static io.kmcp.application.service.TestTypes.DEPLOYMENTS;
import static io.kmcp.application.service.TestTypes.PODS;
import static io.kmcp.application.service.WorkloadFixture.AUTOSCALERS;
import static io.kmcp.application.service.WorkloadFixture.CLAIMS;
import static io.kmcp.application.service.WorkloadFixture.CRON_JOBS;
import static io.kmcp.application.service.WorkloadFixture.ENDPOINT_SLICES;
import static io.kmcp.application.service.WorkloadFixture.EVENTS;
import static io.kmcp.application.service.WorkloadFixture.JOBS;
import static io.kmcp.application.service.WorkloadFixture.REPLICA_SETS;
import static io.kmcp.application.service.WorkloadFixture.SERVICES;
import static io.kmcp.application.service.WorkloadFixture.STATEFUL_SETS;
import static io.kmcp.application.service.WorkloadFixture.crashLoopingPod;
import static io.kmcp.application.service.WorkloadFixture.deployment;
import static io.kmcp.application.service.WorkloadFixture.event;
import static io.kmcp.application.service.WorkloadFixture.metadata;
import static io.kmcp.application.service.WorkloadFixture.object;
import static io.kmcp.application.service.WorkloadFixture.owner;
import static io.kmcp.application.service.WorkloadFixture.replicaSet;
import static io.kmcp.application.service.WorkloadFixture.runningPod;
import static io.kmcp.application.service.WorkloadFixture.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.application.port.in.DiagnoseWorkloadQuery;
import io.kmcp.application.port.in.WorkloadDiagnosis;
import io.kmcp.domain.diagnosis.AutoscalerSnapshot;
import io.kmcp.domain.diagnosis.EventGroup;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.WorkloadSnapshot;
import io.kmcp.domain.policy.AccessPolicy;
import io.kmcp.domain.resource.LabelSelector;
import io.kmcp.domain.resource.ResourceQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("What a diagnosis gathers around the object asked about")
class DiagnoseWorkloadGatheringTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:06:00Z");

    private final FakeCluster cluster = new FakeCluster(WorkloadFixture.CATALOG);
    private final DiagnoseWorkloadService service = new DiagnoseWorkloadService(
            new TypeLookup(cluster, AccessPolicy.builtIn()),
            cluster,
            (caller, request) -> "",
            Runnable::run,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private WorkloadDiagnosis diagnose(String resource, String name) {
        return service.diagnose(CALLER, new DiagnoseWorkloadQuery(Optional.ofNullable(resource), name, "shop"));
    }

    private static List<String> names(List<?> snapshots) {
        return snapshots.stream()
                .map(snapshot -> snapshot instanceof WorkloadSnapshot workload
                        ? workload.ref().name()
                        : ((PodSnapshot) snapshot).ref().name())
                .toList();
    }

    private List<ResourceQuery> listsOf(String plural) {
        return cluster.listRequests.stream()
                .filter(request -> request.type().plural().equals(plural))
                .toList();
    }

    private static Map<String, Object> ownedBy(Map<String, Object> object, String kind, String name, String uid) {
        metadata(object).put("ownerReferences", List.of(owner(kind, name, uid)));
        return object;
    }

    private static Map<String, Object> autoscaler(String name, String targetKind, String targetName) {
        Map<String, Object> hpa = object("autoscaling/v2", "HorizontalPodAutoscaler", "shop", name, "uid-hpa-" + name);
        hpa.put(
                "spec",
                Map.of(
                        "scaleTargetRef",
                        Map.of("kind", targetKind, "name", targetName),
                        "minReplicas",
                        1,
                        "maxReplicas",
                        4));
        hpa.put("status", Map.of("currentReplicas", 4, "desiredReplicas", 4));
        return hpa;
    }

    @Nested
    @DisplayName("A Deployment")
    class OfADeployment {

        @Test
        @DisplayName("has the replica sets it controls, newest revision first (by number, then by name)")
        void replicaSets() {
            Map<String, Object> unnumbered = replicaSet("shop", "web", "aaaa", 0);
            metadata(unnumbered).remove("annotations");
            Map<String, Object> garbled = replicaSet("shop", "web", "zzzz", 0);
            metadata(garbled).put("annotations", Map.of("deployment.kubernetes.io/revision", "x"));
            Map<String, Object> adopted = replicaSet("shop", "web", "bbbb", 11);
            metadata(adopted)
                    .put(
                            "ownerReferences",
                            List.of(Map.of(
                                    "kind",
                                    "Deployment",
                                    "name",
                                    "web",
                                    "uid",
                                    "uid-deploy-web",
                                    "controller",
                                    false)));
            cluster.with(DEPLOYMENTS, "shop", "web", deployment("shop", "web", 2, 2))
                    .with(REPLICA_SETS, "shop", "web-zzzz", garbled)
                    .with(REPLICA_SETS, "shop", "web-7d9f", replicaSet("shop", "web", "7d9f", 3))
                    .with(REPLICA_SETS, "shop", "web-aaaa", unnumbered)
                    .with(REPLICA_SETS, "shop", "web-9c9c", replicaSet("shop", "web", "9c9c", 10))
                    .with(REPLICA_SETS, "shop", "web-bbbb", adopted)
                    .with(
                            REPLICA_SETS,
                            "shop",
                            "webapp-1111",
                            ownedBy(replicaSet("shop", "webapp", "1111", 12), "Deployment", "webapp", "uid-other"));

            WorkloadDiagnosis diagnosis = diagnose("deploy", "web");

            assertThat(names(diagnosis.graph().related()))
                    .containsExactly("web-9c9c", "web-7d9f", "web-aaaa", "web-zzzz");
            assertThat(listsOf("replicasets"))
                    .singleElement()
                    .satisfies(request -> assertThat(request.labelSelector()).contains(new LabelSelector("app=web")));
        }

        @Test
        @DisplayName("has the pods of those replica sets, by name, and no other pod with the same labels")
        void pods() {
            cluster.with(DEPLOYMENTS, "shop", "web", deployment("shop", "web", 2, 2))
                    .with(REPLICA_SETS, "shop", "web-7d9f", replicaSet("shop", "web", "7d9f", 3))
                    .with(PODS, "shop", "web-7d9f-b", runningPod("shop", "web", "7d9f", "b"))
                    .with(PODS, "shop", "web-0000-x", runningPod("shop", "web", "0000", "x"))
                    .with(PODS, "shop", "web-7d9f-a", runningPod("shop", "web", "7d9f", "a"));

            WorkloadDiagnosis diagnosis = diagnose("deploy", "web");

            assertThat(names(diagnosis.graph().pods())).containsExactly("web-7d9f-a", "web-7d9f-b");
            assertThat(listsOf("pods"))
                    .singleElement()
                    .satisfies(request -> assertThat(request.labelSelector()).contains(new LabelSelector("app=web")));
        }

        @Test
        @DisplayName("has the claims of its pods, and the events of its replica sets and claims")
        void claimsAndEvents() {
            Map<String, Object> pod = runningPod("shop", "web", "7d9f", "a");
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = (Map<String, Object>) pod.get("spec");
            spec.put(
                    "volumes",
                    List.of(
                            Map.of("name", "data", "persistentVolumeClaim", Map.of("claimName", "web-data")),
                            Map.of("name", "cache", "persistentVolumeClaim", Map.of("claimName", "web-cache"))));
            Map<String, Object> claim = object("v1", "PersistentVolumeClaim", "shop", "web-data", "uid-pvc");
            claim.put("status", Map.of("phase", "Pending"));
            cluster.with(DEPLOYMENTS, "shop", "web", deployment("shop", "web", 1, 1))
                    .with(REPLICA_SETS, "shop", "web-7d9f", replicaSet("shop", "web", "7d9f", 3))
                    .with(PODS, "shop", "web-7d9f-a", pod)
                    .with(CLAIMS, "shop", "web-data", claim)
                    .with(
                            EVENTS,
                            "shop",
                            "e1",
                            event("shop", "ReplicaSet", "web-7d9f", "Normal", "SuccessfulCreate", "Created pod", 1))
                    .with(
                            EVENTS,
                            "shop",
                            "e2",
                            event(
                                    "shop",
                                    "PersistentVolumeClaim",
                                    "web-data",
                                    "Warning",
                                    "ProvisioningFailed",
                                    "storageclass.storage.k8s.io \"fast\" not found",
                                    3))
                    .with(
                            EVENTS,
                            "shop",
                            "e3",
                            event("shop", "ReplicaSet", "api-1111", "Normal", "SuccessfulCreate", "Created pod", 1));

            WorkloadDiagnosis diagnosis = diagnose("deploy", "web");

            assertThat(diagnosis.graph().claims())
                    .singleElement()
                    .satisfies(read -> assertThat(read.phase()).isEqualTo("Pending"));
            assertThat(diagnosis.findings()).extracting(Finding::cause).contains("ClaimPending");
            assertThat(diagnosis.events())
                    .extracting(group ->
                            group.involved().kind() + "/" + group.involved().name())
                    .containsExactlyInAnyOrder("ReplicaSet/web-7d9f", "PersistentVolumeClaim/web-data");
            assertThat(cluster.calls)
                    .contains(
                            "get persistentvolumeclaims.v1 shop web-data",
                            "get persistentvolumeclaims.v1 shop web-cache");
        }

        @Test
        @DisplayName("has the autoscalers that scale it, and no other")
        void autoscalers() {
            cluster.with(DEPLOYMENTS, "shop", "web", deployment("shop", "web", 1, 1))
                    .with(AUTOSCALERS, "shop", "web", autoscaler("web", "Deployment", "web"))
                    .with(AUTOSCALERS, "shop", "api", autoscaler("api", "Deployment", "api"))
                    .with(AUTOSCALERS, "shop", "web-sts", autoscaler("web-sts", "StatefulSet", "web"));

            WorkloadDiagnosis diagnosis = diagnose("deploy", "web");

            assertThat(diagnosis.graph().autoscalers())
                    .extracting(AutoscalerSnapshot::ref)
                    .extracting(ref -> ref.name())
                    .containsExactly("web");
            assertThat(diagnosis.findings()).extracting(Finding::cause).containsExactly("AutoscalerAtLimit");
        }

        @Test
        @DisplayName("found by its bare name alone, with no gap when nothing else has that name")
        void lookedUpAlone() {
            cluster.with(DEPLOYMENTS, "shop", "web", deployment("shop", "web", 1, 1));

            WorkloadDiagnosis diagnosis = diagnose(null, "web");

            assertThat(diagnosis.graph().target().kind()).isEqualTo("Deployment");
            assertThat(diagnosis.graph().workload()).isPresent();
            assertThat(diagnosis.gaps()).isEmpty();
        }
    }

    @Nested
    @DisplayName("A Service")
    class OfAService {

        @Test
        @DisplayName("has the pods it selects, its endpoint slices, and their events")
        void selected() {
            Map<String, Object> slice = object("discovery.k8s.io/v1", "EndpointSlice", "shop", "web-abcde", "uid-s");
            metadata(slice).put("labels", Map.of("kubernetes.io/service-name", "web"));
            slice.put("endpoints", List.of(Map.of("conditions", Map.of("ready", false))));
            cluster.with(SERVICES, "shop", "web", service("shop", "web", Map.of("app", "web")))
                    .with(ENDPOINT_SLICES, "shop", "web-abcde", slice)
                    .with(PODS, "shop", "web-7d9f-a", crashLoopingPod("shop", "web", "7d9f", "a"))
                    .with(
                            EVENTS,
                            "shop",
                            "e1",
                            event("shop", "EndpointSlice", "web-abcde", "Warning", "FailedToUpdate", "conflict", 2));

            WorkloadDiagnosis diagnosis = diagnose("svc", "web");

            assertThat(diagnosis.graph().workload()).isEmpty();
            assertThat(names(diagnosis.graph().pods())).containsExactly("web-7d9f-a");
            assertThat(diagnosis.graph().endpointSlices())
                    .singleElement()
                    .satisfies(read -> assertThat(read.notReady()).isEqualTo(1));
            assertThat(diagnosis.events()).extracting(EventGroup::reason).containsExactly("FailedToUpdate");
            assertThat(diagnosis.findings()).extracting(Finding::cause).contains("NoReadyEndpoints");
            assertThat(listsOf("endpointslices"))
                    .singleElement()
                    .satisfies(request -> assertThat(request.labelSelector())
                            .contains(new LabelSelector("kubernetes.io/service-name=web")));
        }

        @Test
        @DisplayName("without a selector has no pods, and none are listed")
        void withoutSelector() {
            cluster.with(SERVICES, "shop", "db", service("shop", "db", Map.of()))
                    .with(PODS, "shop", "web-7d9f-a", runningPod("shop", "web", "7d9f", "a"));

            WorkloadDiagnosis diagnosis = diagnose("svc", "db");

            assertThat(diagnosis.graph().pods()).isEmpty();
            assertThat(listsOf("pods")).isEmpty();
        }
    }

    @Nested
    @DisplayName("The owners above")
    class Owners {

        @Test
        @DisplayName("a ReplicaSet are read: its Deployment")
        void ofAReplicaSet() {
            cluster.with(DEPLOYMENTS, "shop", "web", deployment("shop", "web", 2, 0))
                    .with(REPLICA_SETS, "shop", "web-7d9f", replicaSet("shop", "web", "7d9f", 3))
                    .with(PODS, "shop", "web-7d9f-a", crashLoopingPod("shop", "web", "7d9f", "a"))
                    .with(PODS, "shop", "web-0000-a", crashLoopingPod("shop", "web", "0000", "a"));

            WorkloadDiagnosis diagnosis = diagnose("rs", "web-7d9f");

            assertThat(diagnosis.graph().workload()).isPresent();
            assertThat(names(diagnosis.graph().related())).containsExactly("web");
            assertThat(names(diagnosis.graph().pods())).containsExactly("web-7d9f-a");
        }

        @Test
        @DisplayName("a pod are read two levels up, no further")
        void twoLevels() {
            Map<String, Object> deployment = ownedBy(deployment("shop", "web", 1, 0), "StatefulSet", "meta", "uid-m");
            cluster.with(DEPLOYMENTS, "shop", "web", deployment)
                    .with(STATEFUL_SETS, "shop", "meta", object("apps/v1", "StatefulSet", "shop", "meta", "uid-m"))
                    .with(REPLICA_SETS, "shop", "web-7d9f", replicaSet("shop", "web", "7d9f", 3))
                    .with(PODS, "shop", "web-7d9f-a", crashLoopingPod("shop", "web", "7d9f", "a"));

            WorkloadDiagnosis diagnosis = diagnose("pod", "web-7d9f-a");

            assertThat(names(diagnosis.graph().related())).containsExactly("web-7d9f", "web");
        }

        @Test
        @DisplayName("a pod stop at an owner of a kind that is not a workload, or that is gone")
        void unknownOrMissingOwner() {
            cluster.with(
                            PODS,
                            "shop",
                            "agent-0000-a",
                            ownedBy(runningPod("shop", "agent", "0000", "a"), "Node", "node-1", "uid-node"))
                    .with(
                            PODS,
                            "shop",
                            "web-7d9f-o",
                            ownedBy(runningPod("shop", "web", "7d9f", "o"), "ReplicaSet", "gone", "uid-gone"));

            assertThat(diagnose("pod", "agent-0000-a").graph().related()).isEmpty();
            assertThat(diagnose("pod", "web-7d9f-o").graph().related()).isEmpty();
        }
    }

    @Nested
    @DisplayName("A CronJob")
    class OfACronJob {

        private Map<String, Object> job(String name, String cronJobUid) {
            return ownedBy(
                    object("batch/v1", "Job", "shop", name, "uid-job-" + name), "CronJob", "nightly", cronJobUid);
        }

        private Map<String, Object> podOf(String job) {
            return ownedBy(crashLoopingPod("shop", job, "pod", "a"), "Job", job, "uid-job-" + job);
        }

        @Test
        @DisplayName("has its three latest runs and their pods")
        void latestRuns() {
            Map<String, Object> cronJob = object("batch/v1", "CronJob", "shop", "nightly", "uid-cj");
            cronJob.put("spec", Map.of("schedule", "0 2 * * *"));
            cluster.with(CRON_JOBS, "shop", "nightly", cronJob)
                    .with(JOBS, "shop", "nightly-29001", job("nightly-29001", "uid-cj"))
                    .with(JOBS, "shop", "nightly-29004", job("nightly-29004", "uid-cj"))
                    .with(JOBS, "shop", "nightly-29002", job("nightly-29002", "uid-cj"))
                    .with(JOBS, "shop", "nightly-29003", job("nightly-29003", "uid-cj"))
                    .with(JOBS, "shop", "nightly-29009", job("nightly-29009", "uid-other-cj"))
                    .with(PODS, "shop", "nightly-29001-pod-a", podOf("nightly-29001"))
                    .with(PODS, "shop", "nightly-29003-pod-a", podOf("nightly-29003"))
                    .with(PODS, "shop", "nightly-29009-pod-a", podOf("nightly-29009"));

            WorkloadDiagnosis diagnosis = diagnose("cronjob", "nightly");

            assertThat(names(diagnosis.graph().related()))
                    .containsExactly("nightly-29004", "nightly-29003", "nightly-29002");
            assertThat(names(diagnosis.graph().pods())).containsExactly("nightly-29003-pod-a");
        }
    }
}
