package io.kmcp.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kmcp.acceptance.WorkloadsProduct;
import io.kmcp.acceptance.World;
import io.kmcp.acceptance.World.AgentInScenario;
import io.kmcp.adapters.kubernetes.testbed.Workloads;
import io.kmcp.adapters.kubernetes.testbed.Workloads.LogLines;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the operator has running on the cluster with workloads before the agent looks: healthy and
 * faulty workloads, each brought to its state before the scenario goes on (the test bed's waits are
 * bounded), and what an agent there may read.
 */
public final class WorkloadSteps {

    /** What a diagnosis reads, as RBAC names it: namespaced kinds, bound in a namespace or everywhere. */
    private static final List<PolicyRule> NAMESPACED_READS = List.of(
            rule(
                    "",
                    "pods",
                    "pods/log",
                    "services",
                    "events",
                    "persistentvolumeclaims",
                    "namespaces",
                    "resourcequotas"),
            rule("apps", "deployments", "replicasets", "statefulsets", "daemonsets"),
            rule("batch", "jobs", "cronjobs"),
            rule("discovery.k8s.io", "endpointslices"),
            rule("autoscaling", "horizontalpodautoscalers"),
            rule("networking.k8s.io", "ingresses"),
            rule("gateway.networking.k8s.io", "httproutes"));

    /** What a diagnosis reads that no namespace holds. */
    private static final List<PolicyRule> CLUSTER_READS = List.of(rule("", "nodes"));

    private final World world;

    /**
     * The states the scenario's workloads are on their way to. They develop together on the cluster, so
     * they are awaited together, once, before anything looks at them: the scenario waits about as long
     * as its slowest workload takes, not as long as all of them one after the other.
     */
    private final List<Runnable> states = new java.util.ArrayList<>();

    public WorkloadSteps(World world) {
        this.world = world;
    }

    /** Waits until every workload of the scenario is in the state its step promised (bounded waits). */
    public void settled() {
        List<Runnable> pending = List.copyOf(states);
        states.clear();
        pending.forEach(Runnable::run);
    }

    private void expect(Runnable state) {
        states.add(state);
    }

    private static PolicyRule rule(String group, String... resources) {
        return new PolicyRuleBuilder()
                .withApiGroups(group)
                .withResources(resources)
                .withVerbs("get", "list", "watch")
                .build();
    }

    // ---- what the agent may read there

    @Given("{agent} (who )may read workloads in namespace {string}")
    public void mayReadWorkloadsIn(String role, String namespace) {
        AgentInScenario agent = world.agent(role);
        String real = world.name(namespace);
        String namespaced = world.unique("can-read-workloads");
        String nodes = world.unique("can-read-nodes");
        world.admin().clusterRole(namespaced, NAMESPACED_READS);
        world.admin().clusterRole(nodes, CLUSTER_READS);
        world.admin().grantInNamespace(agent.account(), real, namespaced);
        world.admin().grantClusterWide(agent.account(), nodes);
        world.admin().awaitAllowed(agent.account(), "list", "", "pods", Optional.of(real));
        world.admin().awaitAllowed(agent.account(), "get", "", "pods/log", Optional.of(real));
        world.admin().awaitAllowed(agent.account(), "list", "", "nodes", Optional.empty());
    }

    @Given("{agent} (who )may read workloads across the cluster")
    public void mayReadWorkloadsEverywhere(String role) {
        AgentInScenario agent = world.agent(role);
        String everywhere = world.unique("can-read-workloads-everywhere");
        List<PolicyRule> rules = new java.util.ArrayList<>(NAMESPACED_READS);
        rules.addAll(CLUSTER_READS);
        world.admin().clusterRole(everywhere, rules);
        world.admin().grantClusterWide(agent.account(), everywhere);
        world.admin().awaitAllowed(agent.account(), "list", "", "pods", Optional.empty());
        world.admin().awaitAllowed(agent.account(), "list", "", "nodes", Optional.empty());
    }

    // ---- workloads

    @Given("a healthy deployment {string} with {int} replica(s) in namespace {string}")
    public void healthyDeployment(String name, int replicas, String namespace) {
        workloads().healthyDeployment(world.name(namespace), name, replicas);
        expect(() -> workloads().awaitPodsRunning(world.name(namespace), name, replicas));
    }

    @Given("a deployment {string} in namespace {string} whose container keeps crashing")
    public void crashLooping(String name, String namespace) {
        workloads().crashLoopingDeployment(world.name(namespace), name);
        expect(() -> workloads().awaitFault(world.name(namespace), name));
    }

    @Given("a deployment {string} in namespace {string} whose image cannot be pulled")
    public void imagePullFailing(String name, String namespace) {
        workloads().imagePullFailingDeployment(world.name(namespace), name);
        expect(() -> workloads().awaitFault(world.name(namespace), name));
    }

    @Given("a deployment {string} in namespace {string} whose container runs out of memory")
    public void oomKilled(String name, String namespace) {
        workloads().oomKilledDeployment(world.name(namespace), name);
        expect(() -> workloads().awaitFault(world.name(namespace), name));
    }

    @Given("a deployment {string} in namespace {string} that asks for more CPU than any node has")
    public void unschedulable(String name, String namespace) {
        workloads().unschedulableDeployment(world.name(namespace), name);
        expect(() -> workloads().awaitFault(world.name(namespace), name));
    }

    @Given("a deployment {string} in namespace {string} whose readiness probe fails")
    public void unready(String name, String namespace) {
        workloads().unreadyDeployment(world.name(namespace), name);
        expect(() -> workloads().awaitFault(world.name(namespace), name));
    }

    @Given("a deployment {string} in namespace {string} whose volume claim no one provisions")
    public void pendingClaim(String name, String namespace) {
        workloads().deploymentWithPendingClaim(world.name(namespace), name);
        expect(() -> workloads().awaitFault(world.name(namespace), name));
    }

    @Given("a job {string} in namespace {string} that fails")
    public void failedJob(String name, String namespace) {
        workloads().failedJob(world.name(namespace), name);
        expect(() -> workloads().awaitJobCondition(world.name(namespace), name, "Failed"));
    }

    @Given("a service {string} in namespace {string} whose selector matches no pod")
    public void serviceSelectingNothing(String name, String namespace) {
        String real = world.name(namespace);
        workloads().serviceSelectingNothing(real, name);
        // The endpoint slice controller writes an empty slice a moment later.
        expect(() -> {
            List<EndpointSlice> slices = workloads().awaitCondition(real + "/" + name + ": its endpoint slice", () -> {
                List<EndpointSlice> found = slices(real, name);
                assertThat(found).isNotEmpty();
                return found;
            });
            assertThat(slices)
                    .allSatisfy(slice -> assertThat(slice.getEndpoints()).isNullOrEmpty());
        });
    }

    @Given("a service in front of the deployment {string} in namespace {string}")
    public void serviceInFront(String deployment, String namespace) {
        String real = world.name(namespace);
        Deployment existing = admin().apps()
                .deployments()
                .inNamespace(real)
                .withName(deployment)
                .get();
        assertThat(existing).as("deployment %s in %s", deployment, real).isNotNull();
        workloads().serviceFor(existing);
        int replicas = existing.getSpec().getReplicas();
        expect(() -> workloads().awaitCondition(real + "/" + deployment + ": " + replicas + " ready endpoints", () -> {
            long ready = slices(real, deployment).stream()
                    .flatMap(slice -> slice.getEndpoints() == null
                            ? java.util.stream.Stream.<Endpoint>empty()
                            : slice.getEndpoints().stream())
                    .filter(endpoint -> endpoint.getConditions() != null
                            && Boolean.TRUE.equals(endpoint.getConditions().getReady()))
                    .count();
            assertThat(ready).isEqualTo((long) replicas);
            return ready;
        }));
    }

    /**
     * A crash-looping deployment built by hand, as the test bed builds its own (kwok's fault stage
     * chosen by the pod label), whose container mounts a Secret: a failing pod with a Secret a
     * diagnosis must name and never read.
     */
    @Given("a deployment {string} in namespace {string} that mounts the secret {string} and keeps crashing")
    public void crashLoopingWithSecret(String name, String namespace, String secret) {
        String real = world.name(namespace);
        workloads().namespace(real);
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
                .addToLabels(Workloads.FAULT_LABEL, "crashloop")
                .endMetadata()
                .withNewSpec()
                .addNewVolume()
                .withName("credentials")
                .withNewSecret()
                .withSecretName(secret)
                .endSecret()
                .endVolume()
                .addToContainers(new ContainerBuilder()
                        .withName(name)
                        .withImage("registry.example/" + name + ":1.4.2")
                        .addNewVolumeMount()
                        .withName("credentials")
                        .withMountPath("/etc/" + name + "/credentials")
                        .withReadOnly(true)
                        .endVolumeMount()
                        .withNewResources()
                        .addToRequests("cpu", new Quantity("50m"))
                        .addToRequests("memory", new Quantity("64Mi"))
                        .endResources()
                        .build())
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
        admin().apps().deployments().inNamespace(real).resource(deployment).serverSideApply();
        List<String> log = List.of(
                "starting " + name + " version 1.4.2",
                "reading credentials from /etc/" + name + "/credentials",
                "panic: password authentication failed for user \"" + name + "\"");
        workloads().containerLogs(real, name, LogLines.of(log), LogLines.of(log));
        expect(() -> workloads().awaitFault(real, name));
    }

    /**
     * A crash-looping deployment (built by hand, as {@link #crashLoopingWithSecret} is) with credentials
     * where they hide outside Secrets: env values (a password, an AWS key pair, a URL with a password), a
     * container argument, an annotation; a log that prints the URL and the key id; and a Warning event
     * whose message carries a GitHub token. Beside them, a {@code LOG_LEVEL} that is no credential.
     */
    @Given("a deployment {string} in namespace {string} that carries credentials and keeps crashing")
    public void crashLoopingWithCredentials(String name, String namespace) {
        String real = world.name(namespace);
        workloads().namespace(real);
        Deployment deployment = new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(real)
                .addToLabels(Workloads.APP_LABEL, name)
                .addToAnnotations("example.com/deploy-token", PlantedCredentials.DEPLOY_TOKEN)
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .withNewSelector()
                .addToMatchLabels(Workloads.APP_LABEL, name)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels(Workloads.APP_LABEL, name)
                .addToLabels(Workloads.FAULT_LABEL, "crashloop")
                .endMetadata()
                .withNewSpec()
                .addToContainers(new ContainerBuilder()
                        .withName(name)
                        .withImage("registry.example/" + name + ":1.4.2")
                        .withArgs("--db-password", PlantedCredentials.ARGUMENT_PASSWORD, "--port=8080")
                        .addNewEnv()
                        .withName("DB_PASSWORD")
                        .withValue(PlantedCredentials.DB_PASSWORD)
                        .endEnv()
                        .addNewEnv()
                        .withName("AWS_ACCESS_KEY_ID")
                        .withValue(PlantedCredentials.AWS_ACCESS_KEY_ID)
                        .endEnv()
                        .addNewEnv()
                        .withName("AWS_SECRET_ACCESS_KEY")
                        .withValue(PlantedCredentials.AWS_SECRET_ACCESS_KEY)
                        .endEnv()
                        .addNewEnv()
                        .withName("DATABASE_URL")
                        .withValue(PlantedCredentials.DATABASE_URL)
                        .endEnv()
                        .addNewEnv()
                        .withName("LOG_LEVEL")
                        .withValue("debug")
                        .endEnv()
                        .withNewResources()
                        .addToRequests("cpu", new Quantity("50m"))
                        .addToRequests("memory", new Quantity("64Mi"))
                        .endResources()
                        .build())
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
        admin().apps().deployments().inNamespace(real).resource(deployment).serverSideApply();
        List<String> log = List.of(
                "starting " + name + " version 1.4.2",
                "connecting to " + PlantedCredentials.DATABASE_URL,
                "using AWS key " + PlantedCredentials.AWS_ACCESS_KEY_ID,
                "panic: password authentication failed for user \"" + name + "\"");
        workloads().containerLogs(real, name, LogLines.of(log), LogLines.of(log));
        expect(() -> workloads().awaitFault(real, name));
        moreWarnings(
                name, namespace, 1, "Failed", "Failed to pull image with token " + PlantedCredentials.GITHUB_TOKEN);
    }

    /** Makes the current log differ from the crashed run's, so that reading one cannot pass for the other. */
    @Given("the current run of {string} in namespace {string} has logged only {string}")
    public void currentRunLogged(String container, String namespace, String line) {
        workloads()
                .containerLogs(world.name(namespace), container, LogLines.of(line), LogLines.of(Workloads.CRASH_LOG));
    }

    /**
     * The same warning recorded again as separate Event objects, as happens when a component restarts
     * or its event cache expires: what an agent should see as one group with a count.
     */
    @Given("the pod of {string} in namespace {string} was warned {int} more times with {string}: {string}")
    public void moreWarnings(String workload, String namespace, int times, String reason, String message) {
        settled();
        String real = world.name(namespace);
        Pod pod = onlyPod(real, workload);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < times; i++) {
            admin().v1()
                    .events()
                    .inNamespace(real)
                    .resource(new EventBuilder()
                            .withNewMetadata()
                            .withName(pod.getMetadata().getName() + ".again-" + i)
                            .withNamespace(real)
                            .endMetadata()
                            .withNewInvolvedObject()
                            .withKind("Pod")
                            .withApiVersion("v1")
                            .withNamespace(real)
                            .withName(pod.getMetadata().getName())
                            .withUid(pod.getMetadata().getUid())
                            .endInvolvedObject()
                            .withType("Warning")
                            .withReason(reason)
                            .withMessage(message)
                            .withCount(1)
                            .withFirstTimestamp(now.minusSeconds(times - i).toString())
                            .withLastTimestamp(now.minusSeconds(times - i).toString())
                            .withNewSource()
                            .withComponent("kubelet")
                            .withHost(pod.getSpec().getNodeName())
                            .endSource()
                            .build())
                    .create();
        }
    }

    // ---- shared with the agent's steps

    /** The pods of a workload of the scenario, as the administrator sees them. */
    public List<Pod> pods(String namespace, String workload) {
        settled();
        return workloads().pods(world.name(namespace), workload);
    }

    /** The one pod of a workload of the scenario. */
    public Pod onlyPod(String realNamespace, String workload) {
        settled();
        List<Pod> pods = workloads().pods(realNamespace, workload);
        assertThat(pods).as("pods of %s in %s", workload, realNamespace).hasSize(1);
        return pods.get(0);
    }

    public String podName(String namespace, String workload) {
        return onlyPod(world.name(namespace), workload).getMetadata().getName();
    }

    /** Warning events about the pod, as the administrator reads them: reason and summed count. */
    public Map<String, Integer> warningsAbout(String namespace, String pod) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        admin().v1().events().inNamespace(world.name(namespace)).list().getItems().stream()
                .filter(event -> "Warning".equals(event.getType()))
                .filter(event -> pod.equals(event.getInvolvedObject().getName()))
                .forEach(event -> counts.merge(
                        event.getReason(), event.getCount() == null ? 1 : Math.max(1, event.getCount()), Integer::sum));
        return counts;
    }

    private List<EndpointSlice> slices(String namespace, String service) {
        return admin().discovery()
                .v1()
                .endpointSlices()
                .inNamespace(namespace)
                .withLabel("kubernetes.io/service-name", service)
                .list()
                .getItems();
    }

    private static Workloads workloads() {
        return WorkloadsProduct.get().workloads();
    }

    private static KubernetesClient admin() {
        return WorkloadsProduct.get().adminClient();
    }
}
