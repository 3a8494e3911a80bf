package io.kmcp.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kmcp.acceptance.WorkloadsProduct;
import io.kmcp.acceptance.World;
import io.kmcp.adapters.kubernetes.testbed.Workloads;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

/**
 * States the kubelet, the scheduler and the workload controllers report by their own reasons. Where
 * the test bed's control plane produces the state itself (a ResourceQuota or a Pod Security level that
 * refuses pods, scheduling gates, a node selector no node matches, a Job's deadline), the scenario
 * only sets up its cause; what only a real kubelet would report (an eviction, a configuration error, a
 * probe that kills a container) is written through the API as a kubelet writes it: a pod bound to a
 * fake node, its status subresource, and the kubelet's events.
 */
public final class ReasonSteps {

    /** A fault label no kwok stage knows: kwok leaves the pod's status to the scenario. */
    private static final String WRITTEN = "status-written";

    private final World world;

    public ReasonSteps(World world) {
        this.world = world;
    }

    // ---- states the control plane reaches by itself

    @Given("a deployment {string} in namespace {string} that a resource quota keeps from creating pods")
    public void quotaRefuses(String name, String namespace) {
        String real = world.name(namespace);
        workloads().namespace(real);
        admin().resourceQuotas()
                .inNamespace(real)
                .resource(new ResourceQuotaBuilder()
                        .withNewMetadata()
                        .withName("no-more-pods")
                        .withNamespace(real)
                        .endMetadata()
                        .withNewSpec()
                        .addToHard("pods", new Quantity("0"))
                        .endSpec()
                        .build())
                .serverSideApply();
        // Until the quota controller has counted what the namespace uses, the refusal says "status unknown".
        workloads().awaitCondition(real + ": quota no-more-pods counted", () -> {
            ResourceQuota quota = admin().resourceQuotas()
                    .inNamespace(real)
                    .withName("no-more-pods")
                    .get();
            assertThat(quota.getStatus()).isNotNull();
            assertThat(quota.getStatus().getUsed()).containsKey("pods");
            return quota;
        });
        workloads().healthyDeployment(real, name, 1);
        awaitReplicaFailure(real, name);
    }

    @Given("a deployment {string} in namespace {string} whose pods the namespace's Pod Security level forbids")
    public void podSecurityForbids(String name, String namespace) {
        String real = world.name(namespace);
        workloads().namespace(real);
        admin().namespaces()
                .withName(real)
                .edit(ns -> new io.fabric8.kubernetes.api.model.NamespaceBuilder(ns)
                        .editMetadata()
                        .addToLabels("pod-security.kubernetes.io/enforce", "restricted")
                        .endMetadata()
                        .build());
        workloads().healthyDeployment(real, name, 1);
        awaitReplicaFailure(real, name);
    }

    @Given("a deployment {string} in namespace {string} whose pods wait for a scheduling gate")
    public void gated(String name, String namespace) {
        String real = world.name(namespace);
        deployment(
                real,
                name,
                spec -> spec.addNewSchedulingGate()
                        .withName("example.com/quota-check")
                        .endSchedulingGate());
        awaitPodScheduled(real, name, "SchedulingGated");
    }

    @Given("a deployment {string} in namespace {string} whose node selector no node matches")
    public void noNodeMatches(String name, String namespace) {
        String real = world.name(namespace);
        deployment(real, name, spec -> spec.addToNodeSelector("disktype", "nvme"));
        awaitPodScheduled(real, name, "Unschedulable");
    }

    @Given("a job {string} in namespace {string} that runs past its active deadline")
    public void pastDeadline(String name, String namespace) {
        String real = world.name(namespace);
        workloads().namespace(real);
        Job job = new JobBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(real)
                .addToLabels(Workloads.APP_LABEL, name)
                .endMetadata()
                .withNewSpec()
                .withBackoffLimit(0)
                .withActiveDeadlineSeconds(3L)
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels(Workloads.APP_LABEL, name)
                // A pod that runs and never completes: kwok's unready stage keeps it running.
                .addToLabels(Workloads.FAULT_LABEL, "unready")
                .endMetadata()
                .withSpec(new PodSpecBuilder()
                        .addToContainers(container(name))
                        .withRestartPolicy("Never")
                        .build())
                .endTemplate()
                .endSpec()
                .build();
        admin().batch().v1().jobs().inNamespace(real).resource(job).serverSideApply();
        workloads().awaitJobCondition(real, name, "Failed");
    }

    // ---- states only a kubelet reports, written as it writes them

    @Given("a pod {string} in namespace {string} that the kubelet evicted for the node's memory")
    public void evicted(String name, String namespace) {
        String real = world.name(namespace);
        String message = "The node was low on resource: memory. Threshold quantity: 100Mi, available: 86Mi. Container "
                + name + " was using 1620Mi, request is 128Mi, has larger consumption of memory.";
        Pod pod = boundPod(real, name, spec -> {});
        writeStatus(
                pod,
                new PodStatusBuilder()
                        .withPhase("Failed")
                        .withReason("Evicted")
                        .withMessage(message)
                        .withConditions(
                                podCondition("DisruptionTarget", "True", "TerminationByKubelet", message),
                                podCondition("PodScheduled", "True", null, null),
                                podCondition("Ready", "False", "PodFailed", null))
                        .withContainerStatuses(new ContainerStatusBuilder()
                                .withName(name)
                                .withImage(image(name))
                                .withReady(false)
                                .withRestartCount(0)
                                .withState(new ContainerStateBuilder()
                                        .withNewTerminated()
                                        .withExitCode(137)
                                        .withReason("Error")
                                        .withStartedAt(ago(3600))
                                        .withFinishedAt(ago(60))
                                        .endTerminated()
                                        .build())
                                .build())
                        .build());
        event(pod, "Warning", "Evicted", message);
    }

    @Given("a pod {string} in namespace {string} that the kubelet of its node rejected for lack of CPU")
    public void rejected(String name, String namespace) {
        String real = world.name(namespace);
        String message = "Node didn't have enough resource: cpu, requested: 3000, used: 3200, capacity: 4000";
        Pod pod = boundPod(real, name, spec -> {});
        writeStatus(
                pod,
                new PodStatusBuilder()
                        .withPhase("Failed")
                        .withReason("OutOfcpu")
                        .withMessage("Pod was rejected: " + message)
                        .withStartTime(ago(120))
                        .build());
        event(pod, "Warning", "OutOfcpu", message);
    }

    @Given("a pod {string} in namespace {string} whose container refers to a ConfigMap {string} that does not exist")
    public void configError(String name, String namespace, String configMap) {
        String real = world.name(namespace);
        Pod pod = boundPod(
                real,
                name,
                spec -> spec.editFirstContainer()
                        .addNewEnv()
                        .withName("LOG_LEVEL")
                        .withNewValueFrom()
                        .withNewConfigMapKeyRef()
                        .withName(configMap)
                        .withKey("level")
                        .endConfigMapKeyRef()
                        .endValueFrom()
                        .endEnv()
                        .endContainer());
        String message = "configmap \"" + configMap + "\" not found";
        writeStatus(pod, pendingStatus(waiting(name, "CreateContainerConfigError", message)));
        event(pod, "Warning", "Failed", "Error: " + message);
    }

    @Given("a pod {string} in namespace {string} whose volume's ConfigMap {string} does not exist")
    public void mountFails(String name, String namespace, String configMap) {
        String real = world.name(namespace);
        Pod pod = boundPod(
                real,
                name,
                spec -> spec.addNewVolume()
                        .withName("config")
                        .withNewConfigMap()
                        .withName(configMap)
                        .endConfigMap()
                        .endVolume()
                        .editFirstContainer()
                        .addNewVolumeMount()
                        .withName("config")
                        .withMountPath("/etc/" + name)
                        .endVolumeMount()
                        .endContainer());
        writeStatus(pod, pendingStatus(waiting(name, "ContainerCreating", null)));
        event(
                pod,
                "Warning",
                "FailedMount",
                "MountVolume.SetUp failed for volume \"config\" : configmap \"" + configMap + "\" not found");
    }

    @Given("a pod {string} in namespace {string} whose liveness probe fails and gets it restarted")
    public void livenessKills(String name, String namespace) {
        String real = world.name(namespace);
        Pod pod = boundPod(
                real,
                name,
                spec -> spec.editFirstContainer()
                        .withNewLivenessProbe()
                        .withNewHttpGet()
                        .withPath("/healthz")
                        .withNewPort(8080)
                        .endHttpGet()
                        .withPeriodSeconds(10)
                        .endLivenessProbe()
                        .endContainer());
        writeStatus(
                pod,
                new PodStatusBuilder()
                        .withPhase("Running")
                        .withConditions(
                                podCondition("PodScheduled", "True", null, null),
                                podCondition("Ready", "False", "ContainersNotReady", null))
                        .withStartTime(ago(900))
                        .withContainerStatuses(new ContainerStatusBuilder()
                                .withName(name)
                                .withImage(image(name))
                                .withReady(false)
                                .withRestartCount(3)
                                .withNewState()
                                .withNewWaiting()
                                .withReason("CrashLoopBackOff")
                                .withMessage("back-off 40s restarting failed container=" + name + " pod=" + name + "_"
                                        + real + "(" + pod.getMetadata().getUid() + ")")
                                .endWaiting()
                                .endState()
                                .withNewLastState()
                                .withNewTerminated()
                                .withExitCode(137)
                                .withReason("Error")
                                .withStartedAt(ago(120))
                                .withFinishedAt(ago(90))
                                .endTerminated()
                                .endLastState()
                                .build())
                        .build());
        event(pod, "Warning", "Unhealthy", "Liveness probe failed: HTTP probe failed with statuscode: 500");
        event(pod, "Normal", "Killing", "Container " + name + " failed liveness probe, will be restarted");
    }

    // ---- building blocks

    private void deployment(String real, String name, Consumer<PodSpecBuilder> customise) {
        workloads().namespace(real);
        PodSpecBuilder spec = new PodSpecBuilder().addToContainers(container(name));
        customise.accept(spec);
        Deployment deployment = new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(real)
                .addToLabels(Workloads.APP_LABEL, name)
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .withNewSelector()
                .addToMatchLabels(Workloads.APP_LABEL, name)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels(Workloads.APP_LABEL, name)
                .endMetadata()
                .withSpec(spec.build())
                .endTemplate()
                .endSpec()
                .build();
        admin().apps().deployments().inNamespace(real).resource(deployment).serverSideApply();
    }

    /** A pod bound to a fake node, as the scheduler would have left it, whose status kwok leaves alone. */
    private Pod boundPod(String real, String name, Consumer<PodSpecBuilder> customise) {
        workloads().namespace(real);
        PodSpecBuilder spec = new PodSpecBuilder()
                .addToContainers(container(name))
                .withNodeName(WorkloadsProduct.get().nodeNames().get(0));
        customise.accept(spec);
        return admin().pods()
                .inNamespace(real)
                .resource(new PodBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(real)
                        .addToLabels(Workloads.APP_LABEL, name)
                        .addToLabels(Workloads.FAULT_LABEL, WRITTEN)
                        .endMetadata()
                        .withSpec(spec.build())
                        .build())
                .create();
    }

    private void writeStatus(Pod pod, PodStatus status) {
        pod.setStatus(status);
        admin().pods()
                .inNamespace(pod.getMetadata().getNamespace())
                .resource(pod)
                .updateStatus();
    }

    private static PodStatus pendingStatus(ContainerStatus container) {
        return new PodStatusBuilder()
                .withPhase("Pending")
                .withConditions(
                        podCondition("PodScheduled", "True", null, null),
                        podCondition("Ready", "False", "ContainersNotReady", null))
                .withStartTime(ago(300))
                .withContainerStatuses(container)
                .build();
    }

    private static ContainerStatus waiting(String name, String reason, String message) {
        return new ContainerStatusBuilder()
                .withName(name)
                .withImage(image(name))
                .withReady(false)
                .withRestartCount(0)
                .withNewState()
                .withNewWaiting()
                .withReason(reason)
                .withMessage(message)
                .endWaiting()
                .endState()
                .build();
    }

    private static PodCondition podCondition(String type, String status, String reason, String message) {
        return new PodConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .withLastTransitionTime(ago(60))
                .build();
    }

    /** An event the kubelet of the pod's node records about the pod. */
    private void event(Pod pod, String type, String reason, String message) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        admin().v1()
                .events()
                .inNamespace(pod.getMetadata().getNamespace())
                .resource(new EventBuilder()
                        .withNewMetadata()
                        .withGenerateName(pod.getMetadata().getName() + ".")
                        .withNamespace(pod.getMetadata().getNamespace())
                        .endMetadata()
                        .withNewInvolvedObject()
                        .withKind("Pod")
                        .withApiVersion("v1")
                        .withNamespace(pod.getMetadata().getNamespace())
                        .withName(pod.getMetadata().getName())
                        .withUid(pod.getMetadata().getUid())
                        .endInvolvedObject()
                        .withType(type)
                        .withReason(reason)
                        .withMessage(message)
                        .withCount(3)
                        .withFirstTimestamp(ago(600))
                        .withLastTimestamp(now)
                        .withNewSource()
                        .withComponent("kubelet")
                        .withHost(pod.getSpec().getNodeName())
                        .endSource()
                        .build())
                .create();
    }

    private void awaitReplicaFailure(String real, String name) {
        workloads().awaitCondition(real + "/" + name + ": condition ReplicaFailure", () -> {
            Deployment deployment = admin().apps()
                    .deployments()
                    .inNamespace(real)
                    .withName(name)
                    .get();
            List<DeploymentCondition> conditions =
                    deployment.getStatus() == null || deployment.getStatus().getConditions() == null
                            ? List.of()
                            : deployment.getStatus().getConditions();
            assertThat(conditions)
                    .anyMatch(condition -> condition.getType().equals("ReplicaFailure")
                            && condition.getStatus().equals("True"));
            return deployment;
        });
    }

    private void awaitPodScheduled(String real, String name, String reason) {
        workloads().awaitCondition(real + "/" + name + ": PodScheduled False, " + reason, () -> {
            List<Pod> pods = workloads().pods(real, name);
            assertThat(pods).isNotEmpty();
            assertThat(pods)
                    .allMatch(pod -> pod.getStatus().getConditions() != null
                            && pod.getStatus().getConditions().stream()
                                    .anyMatch(condition -> condition.getType().equals("PodScheduled")
                                            && condition.getStatus().equals("False")
                                            && reason.equals(condition.getReason())));
            return pods;
        });
    }

    private static io.fabric8.kubernetes.api.model.Container container(String name) {
        return new ContainerBuilder()
                .withName(name)
                .withImage(image(name))
                .withNewResources()
                .addToRequests("cpu", new Quantity("50m"))
                .addToRequests("memory", new Quantity("64Mi"))
                .endResources()
                .build();
    }

    private static String image(String name) {
        return "registry.example/" + name + ":1.4.2";
    }

    private static String ago(long seconds) {
        return Instant.now()
                .truncatedTo(ChronoUnit.SECONDS)
                .minusSeconds(seconds)
                .toString();
    }

    private static Workloads workloads() {
        return WorkloadsProduct.get().workloads();
    }

    private static KubernetesClient admin() {
        return WorkloadsProduct.get().adminClient();
    }
}
