package io.kmcp.adapters.kubernetes.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.kmcp.adapters.kubernetes.testbed.Workloads.LogLines;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A control plane with workloads runs Deployments, Jobs and their faults like a real cluster")
class LocalControlPlaneWorkloadsTest {

    private static final String CRASH_LAST_LINE = "panic: cannot connect to database at db:5432";

    private static LocalControlPlane cluster;
    private static Workloads workloads;
    private static KubernetesClient admin;

    /** Every scenario is created up front, each in a namespace of its own, so their states develop together. */
    @BeforeAll
    static void createScenarios() {
        cluster = SharedControlPlane.withWorkloads();
        workloads = cluster.workloads();
        admin = cluster.adminClient();
        Deployment web = workloads.healthyDeployment("wl-healthy", "web", 2);
        workloads.serviceFor(web);
        workloads.serviceSelectingNothing("wl-healthy", "frontend");
        workloads.healthyDeployment("wl-rollout", "shop", 2);
        workloads.healthyDeployment("wl-logs", "api", 1);
        workloads.containerLogs(
                "wl-logs",
                "api",
                LogLines.of("twenty minutes ago", "ten minutes ago", "just now").spacedBy(Duration.ofMinutes(10)),
                null);
        workloads.crashLoopingDeployment(
                "wl-crashloop", "orders", List.of("connecting to db:5432", "connection refused", CRASH_LAST_LINE));
        workloads.imagePullFailingDeployment("wl-imagepull", "img");
        workloads.oomKilledDeployment("wl-oom", "cache");
        workloads.unschedulableDeployment("wl-unschedulable", "big");
        workloads.unreadyDeployment("wl-unready", "slow");
        workloads.deploymentWithPendingClaim("wl-claim", "db");
        workloads.failedJob("wl-jobs", "migrate");
        workloads.completedJob("wl-jobs", "backup");
    }

    @Test
    @DisplayName("three untainted fake nodes are Ready with 4 CPUs and 8Gi, reachable at 127.0.0.1 on kwok's port")
    void fakeNodes() {
        List<Node> nodes = cluster.nodeNames().stream()
                .map(name -> admin.nodes().withName(name).get())
                .collect(Collectors.toList());
        assertThat(nodes).hasSize(3).allSatisfy(node -> {
            assertThat(node.getMetadata().getLabels()).containsEntry("type", "kwok");
            assertThat(node.getMetadata().getAnnotations()).containsEntry("kwok.x-k8s.io/node", "fake");
            assertThat(node.getSpec().getTaints()).isNullOrEmpty();
            assertThat(node.getStatus().getAllocatable())
                    .containsEntry("cpu", new Quantity("4"))
                    .containsEntry("memory", new Quantity("8Gi"))
                    .containsEntry("pods", new Quantity("110"));
            assertThat(node.getStatus().getConditions())
                    .anySatisfy(
                            c -> assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Ready=True"));
            assertThat(node.getStatus().getAddresses())
                    .extracting(NodeAddress::getType, NodeAddress::getAddress)
                    .contains(tuple("InternalIP", "127.0.0.1"));
            assertThat(node.getStatus()
                            .getDaemonEndpoints()
                            .getKubeletEndpoint()
                            .getPort())
                    .isPositive();
        });
    }

    @Test
    @DisplayName("a Deployment gets a ReplicaSet and two pods Running and Ready on the fake nodes")
    void healthyDeployment() {
        List<Pod> pods = workloads.awaitPodsRunning("wl-healthy", "web", 2);

        assertThat(pods).allSatisfy(pod -> {
            assertThat(pod.getSpec().getNodeName()).startsWith("kwok-node-");
            assertThat(pod.getStatus().getPodIP()).startsWith("10.244.");
            assertThat(pod.getStatus().getContainerStatuses()).singleElement().satisfies(status -> {
                assertThat(status.getReady()).isTrue();
                assertThat(status.getState().getRunning()).isNotNull();
            });
            assertThat(pod.getMetadata().getOwnerReferences())
                    .singleElement()
                    .satisfies(owner -> assertThat(owner.getKind()).isEqualTo("ReplicaSet"));
        });
        List<ReplicaSet> replicaSets = admin.apps()
                .replicaSets()
                .inNamespace("wl-healthy")
                .withLabel("app", "web")
                .list()
                .getItems();
        assertThat(replicaSets)
                .singleElement()
                .satisfies(rs -> assertThat(
                                rs.getMetadata().getOwnerReferences().get(0).getName())
                        .isEqualTo("web"));
        Deployment deployment = workloads.awaitCondition("web available", () -> {
            Deployment d = admin.apps()
                    .deployments()
                    .inNamespace("wl-healthy")
                    .withName("web")
                    .get();
            assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(2);
            return d;
        });
        assertThat(deployment.getStatus().getReadyReplicas()).isEqualTo(2);
    }

    @Test
    @DisplayName("a rolling update replaces every pod: the new ReplicaSet's pods run, the old pods are deleted")
    void rollingUpdate() {
        List<String> before = names(workloads.awaitPodsRunning("wl-rollout", "shop", 2));

        admin.apps()
                .deployments()
                .inNamespace("wl-rollout")
                .withName("shop")
                .edit(d -> new DeploymentBuilder(d)
                        .editSpec()
                        .editTemplate()
                        .editSpec()
                        .editFirstContainer()
                        .withImage("registry.example/shop:1.5.0")
                        .endContainer()
                        .endSpec()
                        .endTemplate()
                        .endSpec()
                        .build());

        List<Pod> after = workloads.awaitCondition("only updated pods, Running and Ready", () -> {
            List<Pod> all = admin.pods()
                    .inNamespace("wl-rollout")
                    .withLabel("app", "shop")
                    .list()
                    .getItems();
            assertThat(all).hasSize(2).allSatisfy(pod -> {
                assertThat(pod.getSpec().getContainers().get(0).getImage()).isEqualTo("registry.example/shop:1.5.0");
                assertThat(condition(pod, "Ready").getStatus()).isEqualTo("True");
            });
            return all;
        });
        assertThat(names(after)).doesNotContainAnyElementsOf(before);
        assertThat(admin.apps()
                        .replicaSets()
                        .inNamespace("wl-rollout")
                        .withLabel("app", "shop")
                        .list()
                        .getItems())
                .extracting(rs -> rs.getStatus().getReplicas())
                .containsExactlyInAnyOrder(2, 0);
    }

    @Test
    @DisplayName(
            "the endpoint controller fills a Service's slices with ready pods, and leaves a mis-selecting one empty")
    void services() {
        List<Pod> pods = workloads.awaitPodsRunning("wl-healthy", "web", 2);

        List<String> addresses = workloads.awaitCondition("web's endpoints", () -> {
            List<String> ready = slices("wl-healthy", "web").stream()
                    .flatMap(slice -> slice.getEndpoints().stream())
                    .filter(endpoint ->
                            Boolean.TRUE.equals(endpoint.getConditions().getReady()))
                    .flatMap(endpoint -> endpoint.getAddresses().stream())
                    .sorted()
                    .collect(Collectors.toList());
            assertThat(ready).hasSize(2);
            return ready;
        });
        assertThat(addresses)
                .containsExactlyInAnyOrderElementsOf(
                        pods.stream().map(pod -> pod.getStatus().getPodIP()).collect(Collectors.toList()));
        List<EndpointSlice> empty = workloads.awaitCondition("frontend's endpoint slice", () -> {
            List<EndpointSlice> slices = slices("wl-healthy", "frontend");
            assertThat(slices).isNotEmpty();
            return slices;
        });
        assertThat(empty).allSatisfy(slice -> assertThat(slice.getEndpoints()).isNullOrEmpty());
    }

    @Test
    @DisplayName("pod logs come through the API server with tailLines, limitBytes and sinceSeconds")
    void logs() {
        Pod web = workloads.awaitPodsRunning("wl-healthy", "web", 2).get(0);
        Pod api = workloads.awaitPodsRunning("wl-logs", "api", 1).get(0);

        assertThat(log(web).inContainer("web").getLog())
                .isEqualTo("starting web version 1.4.2\nlistening on :8080\nGET /healthz 200 (0.4 ms)\n"
                        + "GET /api/orders 200 (12.1 ms)\n");
        assertThat(log(web).inContainer("web").tailingLines(1).getLog()).isEqualTo("GET /api/orders 200 (12.1 ms)\n");
        assertThat(log(web).inContainer("web").limitBytes(8).getLog()).isEqualTo("starting");
        assertThat(log(api).inContainer("api").sinceSeconds(300).getLog()).isEqualTo("just now\n");
        assertThat(log(api).inContainer("api").sinceSeconds(900).getLog()).isEqualTo("ten minutes ago\njust now\n");
        assertThatThrownBy(() -> log(web).inContainer("web").terminated().getLog())
                .isInstanceOfSatisfying(
                        KubernetesClientException.class,
                        e -> assertThat(e.getCode()).isEqualTo(400));
    }

    @Test
    @DisplayName(
            "crashloop: CrashLoopBackOff after 4 restarts, last run exited 1 after 2s, previous log ends in the panic")
    void crashLoop() {
        Pod pod = workloads.awaitFault("wl-crashloop", "orders").get(0);

        assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
        assertThat(condition(pod, "Ready").getStatus()).isEqualTo("False");
        ContainerStatus status = pod.getStatus().getContainerStatuses().get(0);
        assertThat(status.getRestartCount()).isEqualTo(4);
        assertThat(status.getReady()).isFalse();
        assertThat(status.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
        assertThat(status.getState().getWaiting().getMessage())
                .startsWith("back-off 40s restarting failed container=orders pod="
                        + pod.getMetadata().getName());
        var lastRun = status.getLastState().getTerminated();
        assertThat(lastRun.getExitCode()).isEqualTo(1);
        assertThat(lastRun.getReason()).isEqualTo("Error");
        assertThat(Duration.between(Instant.parse(lastRun.getStartedAt()), Instant.parse(lastRun.getFinishedAt())))
                .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
        assertThat(log(pod).inContainer("orders").terminated().getLog()).endsWith(CRASH_LAST_LINE + "\n");
        assertThat(log(pod).inContainer("orders").terminated().tailingLines(1).getLog())
                .isEqualTo(CRASH_LAST_LINE + "\n");
        assertThat(warnings("wl-crashloop", pod)).contains("BackOff: Back-off restarting failed container");
    }

    @Test
    @DisplayName(
            "imagepull: Pending in ImagePullBackOff naming the image, with ErrImagePull and ImagePullBackOff events")
    void imagePull() {
        Pod pod = workloads.awaitFault("wl-imagepull", "img").get(0);

        assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(condition(pod, "Ready").getStatus()).isEqualTo("False");
        ContainerStatus status = pod.getStatus().getContainerStatuses().get(0);
        assertThat(status.getState().getWaiting().getReason()).isEqualTo("ImagePullBackOff");
        assertThat(status.getState().getWaiting().getMessage())
                .isEqualTo("Back-off pulling image \"registry.invalid/img:does-not-exist\"");
        workloads.awaitCondition(
                "both pull failures reported",
                () -> assertThat(warnings("wl-imagepull", pod))
                        .contains("Failed: Error: ErrImagePull", "Failed: Error: ImagePullBackOff"));
    }

    @Test
    @DisplayName("oom: last run OOMKilled with exit code 137, 3 restarts, waiting in CrashLoopBackOff")
    void oomKilled() {
        Pod pod = workloads.awaitFault("wl-oom", "cache").get(0);

        ContainerStatus status = pod.getStatus().getContainerStatuses().get(0);
        assertThat(status.getRestartCount()).isEqualTo(3);
        assertThat(status.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
        assertThat(status.getLastState().getTerminated().getReason()).isEqualTo("OOMKilled");
        assertThat(status.getLastState().getTerminated().getExitCode()).isEqualTo(137);
        assertThat(pod.getSpec().getContainers().get(0).getResources().getLimits())
                .containsEntry("memory", new Quantity("128Mi"));
        assertThat(warnings("wl-oom", pod)).contains("BackOff: Back-off restarting failed container");
    }

    @Test
    @DisplayName("unschedulable: the scheduler reports Insufficient cpu and the pod stays unbound")
    void unschedulable() {
        Pod pod = workloads.awaitFault("wl-unschedulable", "big").get(0);

        assertThat(pod.getSpec().getNodeName()).isNull();
        assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
        PodCondition scheduled = condition(pod, "PodScheduled");
        assertThat(scheduled.getReason()).isEqualTo("Unschedulable");
        assertThat(scheduled.getMessage()).contains("0/3 nodes are available", "Insufficient cpu");
    }

    @Test
    @DisplayName("unready: Running with the container up but not ready, and a failed readiness probe event")
    void unready() {
        Pod pod = workloads.awaitFault("wl-unready", "slow").get(0);

        PodCondition ready = condition(pod, "Ready");
        assertThat(ready.getStatus()).isEqualTo("False");
        assertThat(ready.getReason()).isEqualTo("ContainersNotReady");
        ContainerStatus status = pod.getStatus().getContainerStatuses().get(0);
        assertThat(status.getReady()).isFalse();
        assertThat(status.getState().getRunning()).isNotNull();
        assertThat(warnings("wl-unready", pod))
                .contains("Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 503");
        assertThat(log(pod).inContainer("slow").tailingLines(1).getLog()).contains("GET /ready 503");
    }

    @Test
    @DisplayName("pending claim: the claim stays Pending and the scheduler waits for it")
    void pendingClaim() {
        Pod pod = workloads.awaitFault("wl-claim", "db").get(0);

        assertThat(condition(pod, "PodScheduled").getMessage())
                .contains("pod has unbound immediate PersistentVolumeClaims");
        PersistentVolumeClaim claim = admin.persistentVolumeClaims()
                .inNamespace("wl-claim")
                .withName("db-data")
                .get();
        assertThat(claim.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(claim.getSpec().getVolumeName()).isNull();
    }

    @Test
    @DisplayName("a failing Job's pod fails with exit code 1 and the Job fails with BackoffLimitExceeded")
    void failedJob() {
        Job job = workloads.awaitJobCondition("wl-jobs", "migrate", "Failed");

        JobCondition failed = job.getStatus().getConditions().stream()
                .filter(c -> "Failed".equals(c.getType()))
                .findFirst()
                .orElseThrow();
        assertThat(failed.getReason()).isEqualTo("BackoffLimitExceeded");
        assertThat(job.getStatus().getFailed()).isEqualTo(1);
        Pod pod = workloads.awaitFault("wl-jobs", "migrate").get(0);
        assertThat(pod.getStatus().getPhase()).isEqualTo("Failed");
        var terminated =
                pod.getStatus().getContainerStatuses().get(0).getState().getTerminated();
        assertThat(terminated.getExitCode()).isEqualTo(1);
        assertThat(terminated.getReason()).isEqualTo("Error");
        assertThat(log(pod).inContainer("migrate").getLog()).contains("ERROR: relation \"orders\" does not exist");
    }

    @Test
    @DisplayName("a Job runs its pod to completion and is Complete")
    void completedJob() {
        Job job = workloads.awaitJobCondition("wl-jobs", "backup", "Complete");

        assertThat(job.getStatus().getSucceeded()).isEqualTo(1);
        assertThat(workloads.pods("wl-jobs", "backup"))
                .singleElement()
                .satisfies(pod -> assertThat(pod.getStatus().getPhase()).isEqualTo("Succeeded"));
    }

    private static PodResource log(Pod pod) {
        return admin.pods()
                .inNamespace(pod.getMetadata().getNamespace())
                .withName(pod.getMetadata().getName());
    }

    private static List<String> names(List<Pod> pods) {
        return pods.stream().map(pod -> pod.getMetadata().getName()).collect(Collectors.toList());
    }

    private static PodCondition condition(Pod pod, String type) {
        return pod.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no condition " + type + " on " + pod.getMetadata().getName()));
    }

    private static List<String> warnings(String namespace, Pod pod) {
        return admin.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> "Warning".equals(e.getType()))
                .filter(e ->
                        pod.getMetadata().getName().equals(e.getInvolvedObject().getName()))
                .map(e -> e.getReason() + ": " + e.getMessage())
                .collect(Collectors.toList());
    }

    private static List<EndpointSlice> slices(String namespace, String service) {
        return admin.discovery()
                .v1()
                .endpointSlices()
                .inNamespace(namespace)
                .withLabel("kubernetes.io/service-name", service)
                .list()
                .getItems();
    }
}
