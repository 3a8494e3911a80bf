package io.kmcp.domain.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.ContainerState.Phase;
import io.kmcp.domain.diagnosis.WorkloadSnapshot.JobCounts;
import io.kmcp.domain.fixtures.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Snapshots parsed from raw API objects")
class SnapshotsTest {

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    @Nested
    @DisplayName("a Pod")
    class Pods {

        @Test
        @DisplayName("in CrashLoopBackOff: the waiting reason, the previous run's exit and how long it ran")
        void crashLoop() {
            PodSnapshot pod = Snapshots.pod(Json.resource("pod-crash-loop.json"));

            assertThat(pod.ref())
                    .isEqualTo(new ObjectRef(
                            "Pod", "shop", "web-7d9f8c6b5-abcde", "5b0c6f4e-1111-4c3a-9c1e-000000000001"));
            assertThat(pod.phase()).isEqualTo("Running");
            assertThat(pod.nodeName()).contains("kwok-node-1");
            assertThat(pod.labels()).containsEntry("app", "web").containsEntry("pod-template-hash", "7d9f8c6b5");
            assertThat(pod.owners()).containsExactly(new OwnerRef("ReplicaSet", "web-7d9f8c6b5", "rs-uid-7d9f", true));
            assertThat(pod.controller()).map(OwnerRef::name).contains("web-7d9f8c6b5");
            assertThat(pod.created()).contains(at("2026-11-23T09:50:00Z"));
            assertThat(pod.terminating()).isFalse();
            assertThat(pod.ready()).isFalse();
            assertThat(pod.condition("Ready").flatMap(Condition::reason)).contains("ContainersNotReady");
            assertThat(pod.condition("PodScheduled")).map(Condition::isTrue).contains(true);

            assertThat(pod.containers()).extracting(ContainerSnapshot::name).containsExactly("migrate", "app");
            ContainerSnapshot init = pod.containers().get(0);
            assertThat(init.init()).isTrue();
            assertThat(init.state().phase()).isEqualTo(Phase.TERMINATED);
            assertThat(init.state().exitCode()).contains(0);

            ContainerSnapshot app = pod.containers().get(1);
            assertThat(app)
                    .isEqualTo(new ContainerSnapshot(
                            "app",
                            "registry.example.com/shop/web:1.4.2",
                            false,
                            false,
                            4,
                            new ContainerState(
                                    Phase.WAITING,
                                    Optional.of("CrashLoopBackOff"),
                                    Optional.of("back-off 1m20s restarting failed container=app"
                                            + " pod=web-7d9f8c6b5-abcde_shop(5b0c6f4e-1111-4c3a-9c1e-000000000001)"),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty()),
                            Optional.of(new ContainerState(
                                    Phase.TERMINATED,
                                    Optional.of("Error"),
                                    Optional.empty(),
                                    Optional.of(1),
                                    Optional.of(at("2026-11-23T09:58:10Z")),
                                    Optional.of(at("2026-11-23T09:58:12Z")))),
                            Optional.of("128Mi")));
            assertThat(app.lastTermination().flatMap(ContainerState::ranFor)).contains(Duration.ofSeconds(2));
            assertThat(pod.restarts()).isEqualTo(4);
        }

        @Test
        @DisplayName(
                "names every Secret it references, from volumes, env, envFrom and pull secrets, without reading one")
        void secretNames() {
            PodSnapshot pod = Snapshots.pod(Json.resource("pod-crash-loop.json"));

            assertThat(pod.secretNames())
                    .containsExactly("db-admin", "db-credentials", "extra-ca", "registry-pull", "web-tls");
            assertThat(pod.claimNames()).isEmpty();
        }

        @Test
        @DisplayName("in ImagePullBackOff: the image the kubelet tries and its message")
        void imagePull() {
            PodSnapshot pod = Snapshots.pod(Json.resource("pod-image-pull.json"));

            ContainerSnapshot api = pod.containers().get(0);
            assertThat(api.image()).isEqualTo("nginx:doesnotexist");
            assertThat(api.state().phase()).isEqualTo(Phase.WAITING);
            assertThat(api.state().reason()).contains("ImagePullBackOff");
            assertThat(api.state().message()).contains("Back-off pulling image \"nginx:doesnotexist\"");
            assertThat(api.lastTermination()).isEmpty();
            assertThat(api.memoryLimit()).isEmpty();
            assertThat(pod.phase()).isEqualTo("Pending");
        }

        @Test
        @DisplayName("OOMKilled: exit code 137 of the previous run, the memory limit and the claim it mounts")
        void oomKilled() {
            PodSnapshot pod = Snapshots.pod(Json.resource("pod-oom-killed.json"));

            ContainerSnapshot redis = pod.containers().get(0);
            assertThat(redis.image()).as("the status's resolved image wins").isEqualTo("docker.io/library/redis:7.2");
            assertThat(redis.memoryLimit()).contains("64Mi");
            assertThat(redis.restartCount()).isEqualTo(3);
            assertThat(redis.lastTermination()).map(ContainerState::reason).contains(Optional.of("OOMKilled"));
            assertThat(redis.lastTermination().flatMap(ContainerState::exitCode))
                    .contains(137);
            assertThat(pod.claimNames()).containsExactly("data-cache-0");
            assertThat(pod.controller()).map(OwnerRef::kind).contains("StatefulSet");
        }

        @Test
        @DisplayName(
                "Unschedulable: the PodScheduled condition, containers known from the spec only, the ephemeral claim")
        void unschedulable() {
            PodSnapshot pod = Snapshots.pod(Json.resource("pod-unschedulable.json"));

            Condition scheduled = pod.condition("PodScheduled").orElseThrow();
            assertThat(scheduled.isFalse()).isTrue();
            assertThat(scheduled.reason()).contains("Unschedulable");
            assertThat(scheduled.message())
                    .hasValueSatisfying(message -> assertThat(message).startsWith("0/3 nodes are available"));
            assertThat(scheduled.lastTransition()).contains(at("2026-11-23T09:40:00Z"));
            assertThat(pod.nodeName()).isEmpty();
            assertThat(pod.containers()).singleElement().satisfies(worker -> {
                assertThat(worker.image()).isEqualTo("registry.example.com/shop/worker:2.0");
                assertThat(worker.state()).isEqualTo(ContainerState.UNKNOWN);
                assertThat(worker.ready()).isFalse();
                assertThat(worker.restartCount()).isZero();
                assertThat(worker.lastTermination()).isEmpty();
            });
            assertThat(pod.claimNames()).containsExactly("batch-worker-6f7c8d9b4-q8w2e-scratch");
        }

        @Test
        @DisplayName("running and ready, terminating, with a status message")
        void runningAndTerminating() {
            PodSnapshot pod = Snapshots.pod(Json.object("""
                    {"metadata": {"name": "web-1", "namespace": "shop", "deletionTimestamp": "2026-11-23T10:00:00Z"},
                     "spec": {"containers": [{"name": "app", "image": "web:1"}]},
                     "status": {"phase": "Running", "reason": "NodeLost", "message": "  node is gone  ",
                       "conditions": [{"type": "Ready", "status": "True"}],
                       "containerStatuses": [{"name": "app", "ready": true, "restartCount": 0,
                         "state": {"running": {"startedAt": "2026-11-23T09:00:00Z"}}}]}}
                    """));

            assertThat(pod.ref().kind())
                    .as("kind defaults for a pod listed without it")
                    .isEqualTo("Pod");
            assertThat(pod.terminating()).isTrue();
            assertThat(pod.deletion())
                    .as("no grace period given reads as none, no finalizers as none")
                    .contains(new Deletion(at("2026-11-23T10:00:00Z"), Duration.ZERO, List.of()));
            assertThat(pod.ready()).isTrue();
            assertThat(pod.reason()).contains("NodeLost");
            assertThat(pod.message()).contains("  node is gone  ");
            ContainerSnapshot app = pod.containers().get(0);
            assertThat(app.ready()).isTrue();
            assertThat(app.image()).as("from the spec when the status has none").isEqualTo("web:1");
            assertThat(app.state().phase()).isEqualTo(Phase.RUNNING);
            assertThat(app.state().startedAt()).contains(at("2026-11-23T09:00:00Z"));
        }

        @Test
        @DisplayName("a container status of the wrong name is not taken for another container's")
        void statusByName() {
            PodSnapshot pod = Snapshots.pod(Json.object("""
                    {"kind": "Pod", "metadata": {"name": "p"},
                     "spec": {"containers": [{"name": "a"}, {"name": "b"}]},
                     "status": {"containerStatuses": [{"name": "b", "restartCount": 2, "state": {"terminated": {"exitCode": 2}}}]}}
                    """));

            assertThat(pod.containers().get(0).restartCount()).isZero();
            assertThat(pod.containers().get(0).state().phase()).isEqualTo(Phase.UNKNOWN);
            assertThat(pod.containers().get(1).restartCount()).isEqualTo(2);
            assertThat(pod.containers().get(1).state().phase()).isEqualTo(Phase.TERMINATED);
            assertThat(pod.restarts()).isEqualTo(2);
            assertThat(pod.phase()).as("a pod without status").isEqualTo("Unknown");
        }

        @Test
        @DisplayName("of any odd shape reads with defaults, never throws")
        void oddShapes() {
            Map<String, Object> odd = new HashMap<>();
            odd.put("metadata", "not a map");
            odd.put("spec", Map.of("containers", "not a list", "volumes", List.of("x", Map.of())));
            odd.put("status", Map.of("conditions", List.of(Map.of(), 3)));

            PodSnapshot pod = Snapshots.pod(odd);

            assertThat(pod.ref()).isEqualTo(new ObjectRef("Pod", "", "", ""));
            assertThat(pod.containers()).isEmpty();
            assertThat(pod.conditions())
                    .containsExactly(
                            new Condition("", "Unknown", Optional.empty(), Optional.empty(), Optional.empty()),
                            new Condition("", "Unknown", Optional.empty(), Optional.empty(), Optional.empty()));
            assertThat(Snapshots.pod(Map.of()).labels()).isEmpty();
        }
    }

    @Nested
    @DisplayName("a workload")
    class Workloads {

        @Test
        @DisplayName("a Deployment: replicas, revision, generations and the ProgressDeadlineExceeded condition")
        void deployment() {
            WorkloadSnapshot web = Snapshots.workload(Json.resource("deployment-stuck.json"));

            assertThat(web.ref()).isEqualTo(new ObjectRef("Deployment", "shop", "web", "deploy-uid-web"));
            assertThat(web.kind()).isEqualTo("Deployment");
            assertThat(web.selector()).isEqualTo(Map.of("app", "web"));
            assertThat(web.templateLabels()).isEqualTo(Map.of("app", "web", "tier", "frontend"));
            assertThat(web.desired()).contains(3);
            assertThat(web.ready()).isEqualTo(1);
            assertThat(web.updated()).isEqualTo(2);
            assertThat(web.available()).isEqualTo(1);
            assertThat(web.generation()).isEqualTo(4);
            assertThat(web.observedGeneration()).isEqualTo(4);
            assertThat(web.revision()).contains("3");
            assertThat(web.job()).isEqualTo(JobCounts.NONE);
            assertThat(web.suspended()).isFalse();
            assertThat(web.storageOrNodeHint()).isEmpty();
            assertThat(web.condition("Progressing").flatMap(Condition::reason)).contains("ProgressDeadlineExceeded");
            assertThat(web.condition("Progressing").flatMap(Condition::message))
                    .contains("ReplicaSet \"web-7d9f8c6b5\" has timed out progressing.");
            assertThat(web.condition("ReplicaFailure")).isEmpty();
        }

        @Test
        @DisplayName("a Job failed with BackoffLimitExceeded: its counts, backoff limit and owning CronJob")
        void failedJob() {
            WorkloadSnapshot job = Snapshots.workload(Json.resource("job-failed.json"));

            assertThat(job.kind()).isEqualTo("Job");
            assertThat(job.job()).isEqualTo(new JobCounts(0, 0, 4));
            assertThat(job.backoffLimit()).contains(3);
            assertThat(job.desired()).contains(1);
            assertThat(job.ready()).isZero();
            assertThat(job.condition("Failed")).hasValueSatisfying(failed -> {
                assertThat(failed.isTrue()).isTrue();
                assertThat(failed.reason()).contains("BackoffLimitExceeded");
                assertThat(failed.message()).contains("Job has reached the specified backoff limit");
            });
            assertThat(job.owners()).containsExactly(new OwnerRef("CronJob", "migrate", "cj-uid-migrate", true));
            assertThat(job.templateLabels()).containsEntry("job-name", "migrate-28912345");
        }

        @Test
        @DisplayName("a running Job: active, succeeded, ready and completions")
        void runningJob() {
            WorkloadSnapshot job = Snapshots.workload(Json.object("""
                    {"kind": "Job", "metadata": {"name": "j"}, "spec": {"completions": 5},
                     "status": {"active": 2, "succeeded": 3, "ready": 2}}
                    """));

            assertThat(job.job()).isEqualTo(new JobCounts(2, 3, 0));
            assertThat(job.desired()).contains(5);
            assertThat(job.ready()).isEqualTo(2);
            assertThat(job.available()).isEqualTo(3);
            assertThat(job.updated()).isZero();
            assertThat(job.backoffLimit()).isEmpty();
        }

        @Test
        @DisplayName("a StatefulSet: the node selector and claim templates, where Pending pods usually point")
        void statefulSet() {
            WorkloadSnapshot cache = Snapshots.workload(Json.resource("statefulset.json"));

            assertThat(cache.desired()).contains(2);
            assertThat(cache.generation()).isEqualTo(2);
            assertThat(cache.observedGeneration()).isEqualTo(1);
            assertThat(cache.storageOrNodeHint())
                    .contains("nodeSelector disktype=ssd,kubernetes.io/arch=amd64; volumeClaimTemplate data"
                            + " (storage class fast); volumeClaimTemplate logs (default storage class)");
        }

        @Test
        @DisplayName("a DaemonSet: desired, ready, updated and available scheduled pods")
        void daemonSet() {
            WorkloadSnapshot agent = Snapshots.workload(Json.object("""
                    {"kind": "DaemonSet", "metadata": {"name": "agent", "namespace": "kube-system"},
                     "spec": {"selector": {"matchLabels": {"app": "agent"}}},
                     "status": {"desiredNumberScheduled": 3, "numberReady": 2, "updatedNumberScheduled": 1, "numberAvailable": 2,
                       "currentNumberScheduled": 3}}
                    """));

            assertThat(agent.desired()).contains(3);
            assertThat(agent.ready()).isEqualTo(2);
            assertThat(agent.updated()).isEqualTo(1);
            assertThat(agent.available()).isEqualTo(2);
        }

        @Test
        @DisplayName("a DaemonSet without status has no desired count yet")
        void daemonSetWithoutStatus() {
            assertThat(Snapshots.workload(Map.of("kind", "DaemonSet")).desired())
                    .isEmpty();
        }

        @Test
        @DisplayName("a CronJob: suspended, last schedule time, and the labels of its jobs' pods")
        void cronJob() {
            WorkloadSnapshot cronJob = Snapshots.workload(Json.object("""
                    {"kind": "CronJob", "metadata": {"name": "migrate", "namespace": "shop"},
                     "spec": {"schedule": "*/5 * * * *", "suspend": true,
                       "jobTemplate": {"spec": {"template": {"metadata": {"labels": {"app": "migrate"}},
                         "spec": {"nodeSelector": {"pool": "batch"}}}}}},
                     "status": {"lastScheduleTime": "2026-11-23T09:45:00Z", "active": [{"name": "migrate-1"}]}}
                    """));

            assertThat(cronJob.suspended()).isTrue();
            assertThat(cronJob.lastScheduleTime()).contains(at("2026-11-23T09:45:00Z"));
            assertThat(cronJob.desired()).isEmpty();
            assertThat(cronJob.ready()).isZero();
            assertThat(cronJob.templateLabels()).isEqualTo(Map.of("app", "migrate"));
            assertThat(cronJob.storageOrNodeHint()).contains("nodeSelector pool=batch");
        }

        @Test
        @DisplayName("a ReplicaSet: its revision and owning Deployment; one replica when none is asked")
        void replicaSet() {
            WorkloadSnapshot replicaSet = Snapshots.workload(Json.object("""
                    {"kind": "ReplicaSet", "metadata": {"name": "web-7d9f8c6b5", "namespace": "shop",
                       "annotations": {"deployment.kubernetes.io/revision": "3"},
                       "ownerReferences": [{"kind": "Deployment", "name": "web", "uid": "deploy-uid-web", "controller": true}]},
                     "spec": {"selector": {"matchLabels": {"app": "web", "pod-template-hash": "7d9f8c6b5"}}},
                     "status": {"readyReplicas": 1}}
                    """));

            assertThat(replicaSet.revision()).contains("3");
            assertThat(replicaSet.desired()).contains(1);
            assertThat(replicaSet.owners()).extracting(OwnerRef::kind).containsExactly("Deployment");
        }

        @Test
        @DisplayName("a ReplicationController: its selector is a plain map of labels")
        void replicationController() {
            WorkloadSnapshot controller = Snapshots.workload(Json.object("""
                    {"kind": "ReplicationController", "metadata": {"name": "legacy"},
                     "spec": {"replicas": 2, "selector": {"app": "legacy"}}}
                    """));

            assertThat(controller.selector()).isEqualTo(Map.of("app", "legacy"));
            assertThat(controller.desired()).contains(2);
        }

        @Test
        @DisplayName("numbers as a JSON library may decode them: Integer, Long, Double or String")
        void numbersOfAnyType() {
            Map<String, Object> object = Map.of(
                    "kind",
                    "Deployment",
                    "metadata",
                    Map.of("generation", 7L),
                    "spec",
                    Map.of("replicas", 3.0),
                    "status",
                    Map.of(
                            "readyReplicas",
                            "2",
                            "updatedReplicas",
                            1,
                            "availableReplicas",
                            2.5,
                            "observedGeneration",
                            "x"));

            WorkloadSnapshot snapshot = Snapshots.workload(object);

            assertThat(snapshot.desired()).contains(3);
            assertThat(snapshot.ready()).isEqualTo(2);
            assertThat(snapshot.updated()).isEqualTo(1);
            assertThat(snapshot.available()).as("a fraction is no count").isZero();
            assertThat(snapshot.generation()).isEqualTo(7);
            assertThat(snapshot.observedGeneration()).isZero();
        }
    }

    @Nested
    @DisplayName("a Service and its EndpointSlices")
    class Services {

        @Test
        @DisplayName("a Service: type, selector and ports as port/protocol→target")
        void service() {
            ServiceSnapshot web = Snapshots.service(Json.resource("service.json"));

            assertThat(web.ref()).isEqualTo(new ObjectRef("Service", "shop", "web", "svc-uid-web"));
            assertThat(web.type()).isEqualTo("NodePort");
            assertThat(web.selector()).isEqualTo(Map.of("app", "web"));
            assertThat(web.ports()).containsExactly("80/TCP→8080", "9090/TCP→metrics", "53/UDP");
        }

        @Test
        @DisplayName("a Service without type or selector is a ClusterIP selecting nothing")
        void bareService() {
            ServiceSnapshot bare = Snapshots.service(Json.object("""
                    {"kind": "Service", "metadata": {"name": "db"}, "spec": {"ports": [{}]}}
                    """));

            assertThat(bare.type()).isEqualTo("ClusterIP");
            assertThat(bare.selector()).isEmpty();
            assertThat(bare.ports()).containsExactly("?/TCP");
        }

        @Test
        @DisplayName(
                "an EndpointSlice: its Service, ready and not ready endpoints (no condition counts as ready), the pods")
        void endpointSlice() {
            EndpointSliceSnapshot slice = Snapshots.endpointSlice(Json.resource("endpointslice.json"));

            assertThat(slice.ref().name()).isEqualTo("web-x7k2p");
            assertThat(slice.serviceName()).isEqualTo("web");
            assertThat(slice.ready()).isEqualTo(2);
            assertThat(slice.notReady()).isEqualTo(1);
            assertThat(slice.targetPods()).containsExactly("web-7d9f8c6b5-abcde", "web-7d9f8c6b5-fghij");
        }

        @Test
        @DisplayName("an EndpointSlice without its label names no Service")
        void sliceWithoutService() {
            assertThat(Snapshots.endpointSlice(Map.of("kind", "EndpointSlice")).serviceName())
                    .isEmpty();
        }
    }

    @Nested
    @DisplayName("a deletion pending")
    class Deletions {

        @Test
        @DisplayName("a pod: the deadline, the grace period and the finalizers of its metadata")
        void pod() {
            PodSnapshot pod = Snapshots.pod(Json.object("""
                    {"metadata": {"name": "web-1", "namespace": "shop",
                       "deletionTimestamp": "2026-11-23T10:00:30Z", "deletionGracePeriodSeconds": 30,
                       "finalizers": ["example.com/hold", "", "batch.kubernetes.io/job-tracking"]}}
                    """));

            assertThat(pod.deletion())
                    .contains(new Deletion(
                            at("2026-11-23T10:00:30Z"),
                            Duration.ofSeconds(30),
                            List.of("example.com/hold", "batch.kubernetes.io/job-tracking")));
            assertThat(pod.deletion().map(Deletion::requested)).contains(at("2026-11-23T10:00:00Z"));
        }

        @Test
        @DisplayName("a workload: its deletion; none when no deletion timestamp is set, finalizers or not")
        void workload() {
            WorkloadSnapshot deleted = Snapshots.workload(Json.object("""
                    {"kind": "Deployment", "metadata": {"name": "web", "namespace": "shop",
                       "deletionTimestamp": "2026-11-23T10:00:00Z", "deletionGracePeriodSeconds": 0,
                       "finalizers": ["foregroundDeletion"]}}
                    """));
            WorkloadSnapshot kept = Snapshots.workload(Json.object("""
                    {"kind": "Deployment", "metadata": {"name": "web", "namespace": "shop",
                       "finalizers": ["example.com/hold"]}}
                    """));

            assertThat(deleted.deletion())
                    .contains(new Deletion(at("2026-11-23T10:00:00Z"), Duration.ZERO, List.of("foregroundDeletion")));
            assertThat(kept.deletion()).isEmpty();
        }

        @Test
        @DisplayName("a namespace: the finalizers of its spec too, once each, and the conditions of its controller")
        void namespace() {
            NamespaceSnapshot namespace = Snapshots.namespace(Json.object("""
                    {"metadata": {"name": "attic", "uid": "ns-uid",
                       "deletionTimestamp": "2026-11-23T10:00:00Z", "finalizers": ["kubernetes"]},
                     "spec": {"finalizers": ["kubernetes", "example.com/ns"]},
                     "status": {"phase": "Terminating", "conditions": [
                       {"type": "NamespaceDeletionDiscoveryFailure", "status": "False"},
                       {"type": "NamespaceContentRemaining", "status": "True",
                        "message": "Some resources are remaining: configmaps. has 1 resource instances"},
                       {"type": "NamespaceFinalizersRemaining", "status": "True",
                        "message": "Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances"}]}}
                    """));

            assertThat(namespace.ref()).isEqualTo(new ObjectRef("Namespace", "", "attic", "ns-uid"));
            assertThat(namespace.phase()).isEqualTo("Terminating");
            assertThat(namespace.deletion())
                    .contains(new Deletion(
                            at("2026-11-23T10:00:00Z"), Duration.ZERO, List.of("kubernetes", "example.com/ns")));
            assertThat(namespace.deletionHoldups())
                    .extracting(Condition::type)
                    .containsExactly("NamespaceContentRemaining", "NamespaceFinalizersRemaining");
        }

        @Test
        @DisplayName("an active namespace: no deletion, phase Active when the status says nothing")
        void activeNamespace() {
            NamespaceSnapshot namespace = Snapshots.namespace(Json.object("""
                    {"metadata": {"name": "shop"}, "spec": {"finalizers": ["kubernetes"]}}
                    """));

            assertThat(namespace.deletion()).isEmpty();
            assertThat(namespace.phase()).isEqualTo("Active");
            assertThat(namespace.deletionHoldups()).isEmpty();
        }
    }

    @Nested
    @DisplayName("a Node, a claim and an autoscaler")
    class Infrastructure {

        @Test
        @DisplayName("a Node not ready: Ready not True and true pressure conditions are its problems; taints; cordon")
        void nodeNotReady() {
            NodeSnapshot node = Snapshots.node(Json.resource("node-not-ready.json"));

            assertThat(node.ref()).isEqualTo(new ObjectRef("Node", "", "kwok-node-1", "node-uid-1"));
            assertThat(node.ref().display()).isEqualTo("Node kwok-node-1");
            assertThat(node.ready()).isFalse();
            assertThat(node.unschedulable()).isTrue();
            assertThat(node.problems()).extracting(Condition::type).containsExactly("DiskPressure", "Ready");
            assertThat(node.taints())
                    .containsExactly("node.kubernetes.io/unreachable:NoExecute", "dedicated=shop:NoSchedule");
            assertThat(node.allocatable()).containsEntry("cpu", "4").containsEntry("pods", "110");
        }

        @Test
        @DisplayName("a healthy Node has no problems")
        void healthyNode() {
            NodeSnapshot node = Snapshots.node(Json.object("""
                    {"metadata": {"name": "n"}, "status": {"conditions": [
                      {"type": "MemoryPressure", "status": "False"}, {"type": "Ready", "status": "True"}]}}
                    """));

            assertThat(node.ref().kind()).isEqualTo("Node");
            assertThat(node.ready()).isTrue();
            assertThat(node.problems()).isEmpty();
            assertThat(node.unschedulable()).isFalse();
        }

        @Test
        @DisplayName("a Pending claim: phase and storage class")
        void pendingClaim() {
            ClaimSnapshot claim = Snapshots.claim(Json.resource("pvc-pending.json"));

            assertThat(claim)
                    .isEqualTo(new ClaimSnapshot(
                            new ObjectRef("PersistentVolumeClaim", "shop", "data-cache-0", "pvc-uid"),
                            "Pending",
                            Optional.of("fast"),
                            Optional.empty()));
        }

        @Test
        @DisplayName("a bound claim of the old days: the storage class from the beta annotation, its volume")
        void legacyClaim() {
            ClaimSnapshot claim = Snapshots.claim(Json.object("""
                    {"metadata": {"name": "old", "annotations": {"volume.beta.kubernetes.io/storage-class": "slow"}},
                     "spec": {"volumeName": "pv-1"}, "status": {"phase": "Bound"}}
                    """));

            assertThat(claim.ref().kind()).isEqualTo("PersistentVolumeClaim");
            assertThat(claim.phase()).isEqualTo("Bound");
            assertThat(claim.storageClass()).contains("slow");
            assertThat(claim.volumeName()).contains("pv-1");
            assertThat(Snapshots.claim(Map.of()).phase()).as("no status yet").isEqualTo("Pending");
            assertThat(Snapshots.claim(Map.of()).storageClass()).isEmpty();
        }

        @Test
        @DisplayName("an autoscaling/v2 HPA: target, bounds, replicas, conditions")
        void autoscalerV2() {
            AutoscalerSnapshot hpa = Snapshots.autoscaler(Json.resource("hpa-v2.json"));

            assertThat(hpa.ref()).isEqualTo(new ObjectRef("HorizontalPodAutoscaler", "shop", "web", "hpa-uid-web"));
            assertThat(hpa.targetKind()).isEqualTo("Deployment");
            assertThat(hpa.targetName()).isEqualTo("web");
            assertThat(hpa.minReplicas()).isEqualTo(2);
            assertThat(hpa.maxReplicas()).isEqualTo(5);
            assertThat(hpa.currentReplicas()).isEqualTo(5);
            assertThat(hpa.desiredReplicas()).isEqualTo(5);
            assertThat(hpa.conditions())
                    .extracting(Condition::type)
                    .containsExactly("AbleToScale", "ScalingActive", "ScalingLimited");
        }

        @Test
        @DisplayName("an autoscaling/v1 HPA: one replica minimum when none is set, no conditions")
        void autoscalerV1() {
            AutoscalerSnapshot hpa = Snapshots.autoscaler(Json.object("""
                    {"apiVersion": "autoscaling/v1", "kind": "HorizontalPodAutoscaler", "metadata": {"name": "api"},
                     "spec": {"scaleTargetRef": {"kind": "Deployment", "name": "api"}, "maxReplicas": 4,
                       "targetCPUUtilizationPercentage": 80},
                     "status": {"currentReplicas": 2, "desiredReplicas": 3, "currentCPUUtilizationPercentage": 95}}
                    """));

            assertThat(hpa.minReplicas()).isEqualTo(1);
            assertThat(hpa.maxReplicas()).isEqualTo(4);
            assertThat(hpa.currentReplicas()).isEqualTo(2);
            assertThat(hpa.desiredReplicas()).isEqualTo(3);
            assertThat(hpa.conditions()).isEmpty();
            assertThat(Snapshots.autoscaler(Map.of()).maxReplicas()).isZero();
        }
    }

    @Nested
    @DisplayName("an Event")
    class Events {

        @Test
        @DisplayName("of core/v1: involved object, count, first and last timestamps, source; the message stripped")
        void coreEvent() {
            EventSnapshot event = Snapshots.event(Json.resource("event-core.json"));

            assertThat(event)
                    .isEqualTo(new EventSnapshot(
                            "Warning",
                            "BackOff",
                            "Back-off restarting failed container app in pod"
                                    + " web-7d9f8c6b5-abcde_shop(5b0c6f4e-1111-4c3a-9c1e-000000000001)",
                            new ObjectRef("Pod", "shop", "web-7d9f8c6b5-abcde", "5b0c6f4e-1111-4c3a-9c1e-000000000001"),
                            12,
                            Optional.of(at("2026-11-23T09:50:20Z")),
                            Optional.of(at("2026-11-23T09:59:30Z")),
                            Optional.of("kubelet")));
            assertThat(event.warning()).isTrue();
        }

        @Test
        @DisplayName("of events.k8s.io/v1: regarding, note, series count and last observed time, reporting controller")
        void eventsV1() {
            EventSnapshot event = Snapshots.event(Json.resource("event-events-v1.json"));

            assertThat(event.type()).isEqualTo("Warning");
            assertThat(event.reason()).isEqualTo("FailedScheduling");
            assertThat(event.message()).startsWith("0/3 nodes are available: 3 Insufficient cpu.");
            assertThat(event.involved())
                    .isEqualTo(new ObjectRef("Pod", "shop", "batch-worker-6f7c8d9b4-q8w2e", "unsched-uid"));
            assertThat(event.count())
                    .as("the series counts, not the deprecated count")
                    .isEqualTo(7);
            assertThat(event.firstSeen()).contains(at("2026-11-23T09:40:00.123456Z"));
            assertThat(event.lastSeen()).contains(at("2026-11-23T09:58:00.654321Z"));
            assertThat(event.source()).contains("default-scheduler");
        }

        @Test
        @DisplayName("of events.k8s.io/v1 without series: the deprecated count and timestamps")
        void eventsV1Deprecated() {
            EventSnapshot event = Snapshots.event(Json.object("""
                    {"apiVersion": "events.k8s.io/v1", "metadata": {"namespace": "shop"},
                     "regarding": {"kind": "PersistentVolumeClaim", "name": "data"}, "reason": "ProvisioningFailed",
                     "note": "storageclass.storage.k8s.io \\"fast\\" not found", "type": "Warning",
                     "deprecatedCount": 5, "deprecatedFirstTimestamp": "2026-11-23T09:00:00Z",
                     "deprecatedLastTimestamp": "2026-11-23T09:30:00Z", "reportingComponent": "persistentvolume-controller"}
                    """));

            assertThat(event.involved())
                    .as("the event's namespace when the reference has none")
                    .isEqualTo(new ObjectRef("PersistentVolumeClaim", "shop", "data", ""));
            assertThat(event.message()).isEqualTo("storageclass.storage.k8s.io \"fast\" not found");
            assertThat(event.count()).isEqualTo(5);
            assertThat(event.firstSeen()).contains(at("2026-11-23T09:00:00Z"));
            assertThat(event.lastSeen()).contains(at("2026-11-23T09:30:00Z"));
            assertThat(event.source()).contains("persistentvolume-controller");
        }

        @Test
        @DisplayName("of core/v1 with a series and an event time, as new clients write them")
        void coreEventWithSeries() {
            EventSnapshot event = Snapshots.event(Json.object("""
                    {"involvedObject": {"kind": "Pod", "name": "p", "namespace": "shop"}, "reason": "Unhealthy",
                     "message": "Readiness probe failed: HTTP probe failed with statuscode: 503", "type": "Warning",
                     "count": 1, "eventTime": "2026-11-23T09:00:00.000001Z",
                     "series": {"count": 40, "lastObservedTime": "2026-11-23T09:20:00.000000Z"}}
                    """));

            assertThat(event.count()).isEqualTo(40);
            assertThat(event.firstSeen()).contains(at("2026-11-23T09:00:00.000001Z"));
            assertThat(event.lastSeen()).contains(at("2026-11-23T09:20:00Z"));
            assertThat(event.source()).isEmpty();
        }

        @Test
        @DisplayName("with nothing but a creation time: seen then, once, Normal, no reason")
        void bareEvent() {
            EventSnapshot event = Snapshots.event(Json.object("""
                    {"metadata": {"creationTimestamp": "2026-11-23T09:00:00Z"}, "count": 0}
                    """));

            assertThat(event.type()).isEqualTo("Normal");
            assertThat(event.warning()).isFalse();
            assertThat(event.reason()).isEmpty();
            assertThat(event.message()).isEmpty();
            assertThat(event.count()).as("an event happened at least once").isEqualTo(1);
            assertThat(event.firstSeen()).isEmpty();
            assertThat(event.lastSeen()).contains(at("2026-11-23T09:00:00Z"));
        }

        @Test
        @DisplayName("an event's time: the event time when no timestamps, the last timestamp over the creation time")
        void eventTimes() {
            EventSnapshot timed = Snapshots.event(Json.object("""
                    {"eventTime": "2026-11-23T09:00:00Z", "metadata": {"creationTimestamp": "2026-11-23T08:00:00Z"}}
                    """));
            EventSnapshot stamped = Snapshots.event(Json.object("""
                    {"lastTimestamp": "2026-11-23T09:30:00Z", "metadata": {"creationTimestamp": "2026-11-23T08:00:00Z"},
                     "message": "m", "note": "ignored in core/v1"}
                    """));

            assertThat(timed.firstSeen()).contains(at("2026-11-23T09:00:00Z"));
            assertThat(timed.lastSeen()).contains(at("2026-11-23T09:00:00Z"));
            assertThat(stamped.lastSeen()).contains(at("2026-11-23T09:30:00Z"));
            assertThat(stamped.message()).isEqualTo("m");
        }

        @Test
        @DisplayName("of events.k8s.io/v1 with a message and no note (as some proxies convert them)")
        void eventsV1WithMessage() {
            EventSnapshot event = Snapshots.event(Json.object("""
                    {"regarding": {"kind": "Pod", "name": "p"}, "message": "from message"}
                    """));

            assertThat(event.message()).isEqualTo("from message");
        }
    }

    @Test
    @DisplayName("a reference: kind, namespace, name and uid, empty when missing")
    void ref() {
        assertThat(Snapshots.ref(Json.resource("service.json")))
                .isEqualTo(new ObjectRef("Service", "shop", "web", "svc-uid-web"));
        assertThat(Snapshots.ref(new HashMap<>())).isEqualTo(new ObjectRef("", "", "", ""));
        Map<String, Object> withNulls = new HashMap<>();
        withNulls.put("kind", null);
        withNulls.put("metadata", new HashMap<>(Map.of("name", List.of())));
        assertThat(Snapshots.ref(withNulls)).isEqualTo(new ObjectRef("", "", "", ""));
    }

    @Test
    @DisplayName("lists of owners and conditions skip nothing, even odd entries")
    void oddEntries() {
        List<Object> owners = new ArrayList<>();
        owners.add(null);
        owners.add(Map.of("kind", "ReplicaSet", "name", "rs", "controller", "true"));
        WorkloadSnapshot snapshot =
                Snapshots.workload(Map.of("kind", "ReplicaSet", "metadata", Map.of("ownerReferences", owners)));

        assertThat(snapshot.owners())
                .containsExactly(new OwnerRef("", "", "", false), new OwnerRef("ReplicaSet", "rs", "", true));
    }
}
