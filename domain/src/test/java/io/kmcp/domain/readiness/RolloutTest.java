package io.kmcp.domain.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.Snapshots;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RolloutTest {

    private static Map<String, Object> object(
            String apiVersion, String kind, Map<String, Object> spec, Map<String, Object> status) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        object.put("metadata", Map.of("name", "web", "namespace", "shop", "uid", "u-1", "generation", 2));
        object.put("spec", spec);
        object.put("status", status);
        return object;
    }

    private static Map<String, Object> deployment(Map<String, Object> status) {
        return object(
                "apps/v1",
                "Deployment",
                Map.of("replicas", 3, "selector", Map.of("matchLabels", Map.of("app", "web"))),
                status);
    }

    private static Map<String, Object> status(Object... keysAndValues) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("observedGeneration", 2);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            status.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return status;
    }

    private static Map<String, Object> condition(String type, String status, String reason, String message) {
        return Map.of("type", type, "status", status, "reason", reason, "message", message);
    }

    private static PodSnapshot pod(String waitingReason) {
        return Snapshots.pod(Map.of(
                "apiVersion", "v1",
                "kind", "Pod",
                "metadata", Map.of("name", "web-1", "namespace", "shop", "uid", "p-1"),
                "spec", Map.of("containers", List.of(Map.of("name", "app", "image", "shop/web:2"))),
                "status",
                        Map.of(
                                "phase",
                                "Running",
                                "containerStatuses",
                                List.of(Map.of(
                                        "name",
                                        "app",
                                        "image",
                                        "shop/web:2",
                                        "ready",
                                        false,
                                        "restartCount",
                                        4,
                                        "state",
                                        Map.of(
                                                "waiting",
                                                Map.of("reason", waitingReason, "message", "back-off 40s")))))));
    }

    @Nested
    class Deployments {

        @Test
        @DisplayName("Ready once every replica is updated and available and no old one is left")
        void rolledOut() {
            Readiness readiness = Rollout.of(deployment(
                            status("replicas", 3, "updatedReplicas", 3, "availableReplicas", 3, "readyReplicas", 3)))
                    .readiness(List.of());

            assertThat(readiness).isEqualTo(new Readiness.Ready("rolled out: 3/3 replicas updated and available"));
        }

        @Test
        @DisplayName(
                "Pending while replicas are not all updated, while old ones remain, while updated ones are not available")
        void pending() {
            assertThat(Rollout.of(deployment(status("replicas", 3, "updatedReplicas", 1)))
                            .readiness(List.of()))
                    .isEqualTo(new Readiness.Pending("1 of 3 replicas updated"));
            assertThat(Rollout.of(deployment(status("replicas", 4, "updatedReplicas", 3)))
                            .readiness(List.of()))
                    .isEqualTo(new Readiness.Pending("1 old replicas are pending termination"));
            assertThat(Rollout.of(deployment(status("replicas", 3, "updatedReplicas", 3, "availableReplicas", 2)))
                            .readiness(List.of()))
                    .isEqualTo(new Readiness.Pending("2 of 3 updated replicas available"));
        }

        @Test
        @DisplayName("Pending while the controller has not observed the applied generation, whatever the counts say")
        void generationNotObserved() {
            Map<String, Object> stale = status("replicas", 3, "updatedReplicas", 3, "availableReplicas", 3);
            stale.put("observedGeneration", 1);

            Readiness readiness = Rollout.of(deployment(stale)).readiness(List.of());

            assertThat(readiness).isInstanceOf(Readiness.Pending.class);
            assertThat(readiness.detail()).contains("generation 2").contains("observed 1");
            assertThat(readiness.settled()).isFalse();
        }

        @Test
        @DisplayName("Failed past its progress deadline")
        void progressDeadline() {
            Readiness readiness = Rollout.of(deployment(status(
                            "replicas",
                            3,
                            "updatedReplicas",
                            1,
                            "conditions",
                            List.of(condition(
                                    "Progressing",
                                    "False",
                                    "ProgressDeadlineExceeded",
                                    "ReplicaSet \"web-1\" has timed out progressing.")))))
                    .readiness(List.of());

            assertThat(readiness)
                    .isEqualTo(new Readiness.Failed(
                            "ProgressDeadlineExceeded",
                            "ProgressDeadlineExceeded (ProgressDeadlineExceeded): ReplicaSet \"web-1\" has timed out"
                                    + " progressing."));
            assertThat(readiness.settled()).isTrue();
        }

        @Test
        @DisplayName(
                "Failed early when a container of its pods crash-loops or cannot be pulled; other waits are no failure")
        void hopelessContainers() {
            Map<String, Object> rolling = deployment(status("replicas", 3, "updatedReplicas", 3));

            assertThat(Rollout.of(rolling).readiness(List.of(pod("CrashLoopBackOff"))))
                    .isEqualTo(new Readiness.Failed(
                            "CrashLoopBackOff",
                            "container app of pod web-1 is waiting in CrashLoopBackOff: back-off 40s"));
            assertThat(Rollout.of(rolling).readiness(List.of(pod("ImagePullBackOff"))))
                    .extracting(readiness -> ((Readiness.Failed) readiness).cause())
                    .isEqualTo("ImagePullBackOff");
            assertThat(Rollout.of(rolling).readiness(List.of(pod("ContainerCreating"))))
                    .isInstanceOf(Readiness.Pending.class);
            assertThat(Rollout.of(rolling).readiness(List.of(pod("ErrImagePull"))))
                    .as("a first pull error may pass on a retry")
                    .isInstanceOf(Readiness.Pending.class);
        }

        @Test
        @DisplayName("Its pods are selected by its match labels")
        void podSelector() {
            assertThat(Rollout.of(deployment(status())).podSelector()).contains(Map.of("app", "web"));
        }
    }

    @Nested
    class OtherControllers {

        @Test
        @DisplayName("A StatefulSet is ready when every replica is ready on the update revision")
        void statefulSet() {
            Map<String, Object> spec = Map.of("replicas", 2, "selector", Map.of("matchLabels", Map.of("app", "db")));

            assertThat(Rollout.of(object(
                                    "apps/v1",
                                    "StatefulSet",
                                    spec,
                                    status("readyReplicas", 2, "updateRevision", "db-2", "currentRevision", "db-2")))
                            .readiness(List.of()))
                    .isEqualTo(new Readiness.Ready("rolled out: 2/2 replicas ready on the current revision"));
            assertThat(Rollout.of(object(
                                    "apps/v1",
                                    "StatefulSet",
                                    spec,
                                    status(
                                            "readyReplicas",
                                            2,
                                            "updatedReplicas",
                                            1,
                                            "updateRevision",
                                            "db-2",
                                            "currentRevision",
                                            "db-1")))
                            .readiness(List.of()))
                    .isEqualTo(new Readiness.Pending("1 of 2 replicas on revision db-2"));
            assertThat(Rollout.of(object("apps/v1", "StatefulSet", spec, status("readyReplicas", 1)))
                            .readiness(List.of()))
                    .isEqualTo(new Readiness.Pending("1 of 2 replicas ready"));
        }

        @Test
        @DisplayName("A DaemonSet is ready when every scheduled pod is updated and available")
        void daemonSet() {
            Map<String, Object> spec = Map.of("selector", Map.of("matchLabels", Map.of("app", "agent")));

            assertThat(Rollout.of(object(
                                    "apps/v1",
                                    "DaemonSet",
                                    spec,
                                    status(
                                            "desiredNumberScheduled",
                                            3,
                                            "updatedNumberScheduled",
                                            3,
                                            "numberAvailable",
                                            3)))
                            .readiness(List.of()))
                    .isEqualTo(new Readiness.Ready("rolled out: 3/3 scheduled pods updated and available"));
            assertThat(Rollout.of(object(
                                    "apps/v1",
                                    "DaemonSet",
                                    spec,
                                    status("desiredNumberScheduled", 3, "updatedNumberScheduled", 2)))
                            .readiness(List.of()))
                    .isEqualTo(new Readiness.Pending("2 of 3 scheduled pods updated"));
            assertThat(Rollout.of(object(
                                    "apps/v1",
                                    "DaemonSet",
                                    spec,
                                    status(
                                            "desiredNumberScheduled",
                                            3,
                                            "updatedNumberScheduled",
                                            3,
                                            "numberAvailable",
                                            1)))
                            .readiness(List.of()))
                    .isEqualTo(new Readiness.Pending("1 of 3 scheduled pods available"));
        }

        @Test
        @DisplayName("A Job is ready when Complete, failed when Failed, pending while it runs")
        void job() {
            Map<String, Object> spec = Map.of("completions", 1);

            assertThat(Rollout.of(object(
                                    "batch/v1",
                                    "Job",
                                    spec,
                                    Map.of(
                                            "succeeded",
                                            1,
                                            "conditions",
                                            List.of(condition("Complete", "True", "Completed", "done")))))
                            .readiness(List.of()))
                    .isEqualTo(new Readiness.Ready("complete: 1 succeeded"));
            assertThat(Rollout.of(object(
                                    "batch/v1",
                                    "Job",
                                    spec,
                                    Map.of(
                                            "failed",
                                            3,
                                            "conditions",
                                            List.of(condition(
                                                    "Failed",
                                                    "True",
                                                    "BackoffLimitExceeded",
                                                    "Job has reached the specified backoff limit")))))
                            .readiness(List.of()))
                    .isEqualTo(new Readiness.Failed(
                            "JobFailed",
                            "JobFailed (BackoffLimitExceeded): Job has reached the specified backoff limit"));
            assertThat(Rollout.of(object("batch/v1", "Job", spec, Map.of("active", 1)))
                            .readiness(List.of()))
                    .isEqualTo(new Readiness.Pending("1 active, 0 of 1 succeeded"));
        }

        @Test
        @DisplayName("A kind of the same name in another API group is not taken for a controller")
        void otherGroup() {
            Rollout rollout = Rollout.of(object("example.com/v1", "Deployment", Map.of(), Map.of()));

            assertThat(rollout.isPodController()).isFalse();
            assertThat(rollout.podSelector()).isEmpty();
            assertThat(rollout.readiness(List.of())).isInstanceOf(Readiness.NotTracked.class);
        }
    }

    @Nested
    class Others {

        @Test
        @DisplayName("An object with a Ready condition is ready when it is True and pending otherwise, with its reason")
        void readyCondition() {
            assertThat(Rollout.of(object(
                                    "example.com/v1",
                                    "Database",
                                    Map.of(),
                                    Map.of("conditions", List.of(condition("Ready", "True", "Up", "")))))
                            .readiness(List.of()))
                    .isEqualTo(new Readiness.Ready("its Ready condition is True"));
            assertThat(Rollout.of(object(
                                    "example.com/v1",
                                    "Database",
                                    Map.of(),
                                    Map.of(
                                            "conditions",
                                            List.of(condition("Ready", "False", "Provisioning", "disk 2 of 3")))))
                            .readiness(List.of()))
                    .isEqualTo(new Readiness.Pending("its Ready condition is False (Provisioning): disk 2 of 3"));
        }

        @Test
        @DisplayName("A ConfigMap has no readiness: nothing to wait for, and it says so")
        void notTracked() {
            Readiness readiness =
                    Rollout.of(object("v1", "ConfigMap", Map.of(), Map.of())).readiness(List.of());

            assertThat(readiness).isInstanceOf(Readiness.NotTracked.class);
            assertThat(readiness.detail()).startsWith("a ConfigMap reports no readiness");
            assertThat(readiness.settled()).isTrue();
        }

        @Test
        @DisplayName("A Pod is ready when its Ready condition is, and failed early when its container crash-loops")
        void pod() {
            Map<String, Object> ready = object(
                    "v1",
                    "Pod",
                    Map.of(),
                    Map.of("phase", "Running", "conditions", List.of(condition("Ready", "True", "", ""))));
            Map<String, Object> crashing = object(
                    "v1",
                    "Pod",
                    Map.of("containers", List.of(Map.of("name", "app", "image", "a"))),
                    Map.of(
                            "phase",
                            "Running",
                            "containerStatuses",
                            List.of(Map.of(
                                    "name",
                                    "app",
                                    "ready",
                                    false,
                                    "state",
                                    Map.of("waiting", Map.of("reason", "CrashLoopBackOff"))))));

            assertThat(Rollout.of(ready).readiness(List.of()))
                    .isEqualTo(new Readiness.Ready("it is running and ready"));
            assertThat(Rollout.of(crashing).readiness(List.of()))
                    .isEqualTo(new Readiness.Failed(
                            "CrashLoopBackOff", "container app of pod web is waiting in CrashLoopBackOff"));
            assertThat(Rollout.of(object("v1", "Pod", Map.of(), Map.of("phase", "Pending")))
                            .readiness(List.of()))
                    .isEqualTo(new Readiness.Pending("it is Pending, not ready yet"));
        }

        @Test
        @DisplayName("A Pod that ran to completion is ready; one that failed is failed, with its reason")
        void podPhases() {
            assertThat(Rollout.of(object("v1", "Pod", Map.of(), Map.of("phase", "Succeeded")))
                            .readiness(List.of()))
                    .isEqualTo(new Readiness.Ready("it ran to completion"));
            assertThat(Rollout.of(object(
                                    "v1",
                                    "Pod",
                                    Map.of(),
                                    Map.of("phase", "Failed", "reason", "Evicted", "message", "low on memory")))
                            .readiness(List.of()))
                    .isEqualTo(new Readiness.Failed("Evicted", "it failed: low on memory"));
            assertThat(Rollout.of(object("v1", "Pod", Map.of(), Map.of("phase", "Failed")))
                            .readiness(List.of()))
                    .isEqualTo(new Readiness.Failed("PodFailed", "it failed"));
        }

        @Test
        @DisplayName("What a diagnosis can start from: workload controllers and Pods, not a ConfigMap")
        void diagnosable() {
            assertThat(Rollout.of(deploymentLike("apps/v1", "Deployment")).diagnosable())
                    .isTrue();
            assertThat(Rollout.of(deploymentLike("batch/v1", "Job")).diagnosable())
                    .isTrue();
            assertThat(Rollout.of(object("v1", "Pod", Map.of(), Map.of())).diagnosable())
                    .isTrue();
            assertThat(Rollout.of(object("example.com/v1", "Pod", Map.of(), Map.of()))
                            .diagnosable())
                    .isFalse();
            assertThat(Rollout.of(object("v1", "ConfigMap", Map.of(), Map.of())).diagnosable())
                    .isFalse();
            assertThat(Rollout.of(object("v1", "ConfigMap", Map.of(), Map.of())).podSelector())
                    .isEmpty();
            assertThat(Rollout.of(object("apps/v1", "Deployment", Map.of(), Map.of()))
                            .podSelector())
                    .as("a selector without match labels selects no pods to look at")
                    .isEmpty();
        }

        private static Map<String, Object> deploymentLike(String apiVersion, String kind) {
            return object(apiVersion, kind, Map.of("selector", Map.of("matchLabels", Map.of("app", "web"))), Map.of());
        }
    }

    @Nested
    class Pods {

        private PodSnapshot terminating(String waitingReason) {
            PodSnapshot pod = pod(waitingReason);
            return new PodSnapshot(
                    pod.ref(),
                    pod.phase(),
                    pod.reason(),
                    pod.message(),
                    pod.nodeName(),
                    pod.labels(),
                    pod.owners(),
                    pod.conditions(),
                    pod.containers(),
                    pod.claimNames(),
                    pod.secretNames(),
                    pod.created(),
                    Snapshots.pod(Map.of("metadata", Map.of("name", "x", "deletionTimestamp", "2026-11-23T10:00:00Z")))
                            .deletion());
        }

        @Test
        @DisplayName("A crash-looping pod that is being deleted does not fail the rollout: it is on its way out")
        void terminatingPodsAreIgnored() {
            Map<String, Object> rolling = deployment(status("replicas", 3, "updatedReplicas", 3));

            assertThat(Rollout.of(rolling).readiness(List.of(terminating("CrashLoopBackOff"))))
                    .isInstanceOf(Readiness.Pending.class);
            assertThat(Rollout.of(rolling).readiness(List.of(terminating("CrashLoopBackOff"), pod("CrashLoopBackOff"))))
                    .isInstanceOf(Readiness.Failed.class);
        }

        @Test
        @DisplayName("Every controller's pods are looked at: a StatefulSet's, a DaemonSet's, a running Job's")
        void everyController() {
            List<PodSnapshot> crashing = List.of(pod("CreateContainerConfigError"));
            Map<String, Object> selector = Map.of("selector", Map.of("matchLabels", Map.of("app", "web")));

            assertThat(Rollout.of(object("apps/v1", "StatefulSet", selector, status()))
                            .readiness(crashing))
                    .isInstanceOf(Readiness.Failed.class);
            assertThat(Rollout.of(object("apps/v1", "DaemonSet", selector, status()))
                            .readiness(crashing))
                    .isInstanceOf(Readiness.Failed.class);
            assertThat(Rollout.of(object("batch/v1", "Job", selector, Map.of("active", 1)))
                            .readiness(crashing))
                    .extracting(Readiness::detail)
                    .isEqualTo("container app of pod web-1 is waiting in CreateContainerConfigError: back-off 40s");
        }

        @Test
        @DisplayName("A StatefulSet whose controller has not seen the applied generation is pending")
        void statefulSetGeneration() {
            Map<String, Object> stale = status("readyReplicas", 2);
            stale.put("observedGeneration", 1);

            assertThat(Rollout.of(object("apps/v1", "StatefulSet", Map.of("replicas", 2), stale))
                            .readiness(List.of()))
                    .isInstanceOf(Readiness.Pending.class);
        }

        @Test
        @DisplayName("A Deployment without spec.replicas wants one")
        void defaultReplicas() {
            assertThat(Rollout.of(object(
                                    "apps/v1",
                                    "Deployment",
                                    Map.of(),
                                    status("replicas", 1, "updatedReplicas", 1, "availableReplicas", 1)))
                            .readiness(List.of()))
                    .isEqualTo(new Readiness.Ready("rolled out: 1/1 replicas updated and available"));
        }
    }
}
