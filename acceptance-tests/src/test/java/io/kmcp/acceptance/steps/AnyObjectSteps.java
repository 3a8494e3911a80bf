package io.kmcp.acceptance.steps;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.NodeStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kmcp.acceptance.WorkloadsProduct;
import io.kmcp.acceptance.World;
import io.kmcp.acceptance.driver.StartingObjects;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects an agent may start a diagnosis from besides a workload ({@link StartingObjects}), and
 * a node that is not ready: a node without kwok is no one's, so its status is what the administrator
 * writes through the status subresource.
 */
public final class AnyObjectSteps {

    private final World world;
    private final DiagnosisSteps diagnosis;
    private final List<String> nodes = new ArrayList<>();

    public AnyObjectSteps(World world, DiagnosisSteps diagnosis) {
        this.world = world;
        this.diagnosis = diagnosis;
    }

    @After
    public void removeNodes() {
        nodes.forEach(node -> admin().nodes().withName(node).delete());
        nodes.clear();
    }

    @Given("a service for the deployment {string} in namespace {string}, ready or not")
    public void serviceFor(String deployment, String namespace) {
        Deployment existing = admin().apps()
                .deployments()
                .inNamespace(world.name(namespace))
                .withName(deployment)
                .get();
        WorkloadsProduct.get().workloads().serviceFor(existing);
    }

    /** TLS from the Secret "shop-tls", which a diagnosis must never read. */
    @Given(
            "an ingress {string} in namespace {string} sending {string} to the service {string} and {string} to the service {string}")
    public void ingress(
            String name, String namespace, String firstPath, String first, String secondPath, String second) {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put(firstPath, first);
        paths.put(secondPath, second);
        StartingObjects.ingress(admin(), world.name(namespace), name, paths);
    }

    @Given("the cluster serves the Gateway API's HTTPRoute")
    public void gatewayApi() {
        StartingObjects.gatewayApiServed(admin());
    }

    @Given("an HTTPRoute {string} in namespace {string} to the service {string}, its backend unresolved by its Gateway")
    public void httpRoute(String name, String namespace, String service) {
        StartingObjects.httpRouteWithUnresolvedBackend(admin(), world.name(namespace), name, service);
    }

    @Given("an autoscaler {string} of the deployment {string} in namespace {string} whose metrics cannot be read")
    public void autoscaler(String name, String deployment, String namespace) {
        StartingObjects.autoscalerWithoutMetrics(admin(), world.name(namespace), name, deployment);
    }

    /** A node no kubelet (and no kwok) runs: cordoned and tainted so that nothing lands on it. */
    @Given("a node {string} that is not ready")
    public void nodeNotReady(String logical) {
        String name = world.name(logical);
        nodes.add(name);
        admin().nodes()
                .resource(new NodeBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .withNewSpec()
                        .withUnschedulable(true)
                        .addNewTaint()
                        .withKey("example.com/broken")
                        .withEffect("NoSchedule")
                        .endTaint()
                        .endSpec()
                        .build())
                .create();
        NodeCondition ready = new NodeConditionBuilder()
                .withType("Ready")
                .withStatus("False")
                .withReason("KubeletNotReady")
                .withMessage("container runtime network not ready: NetworkReady=false")
                .withLastHeartbeatTime(Instant.now().toString())
                .withLastTransitionTime(Instant.now().toString())
                .build();
        // The node controllers touch a new node at once (its taints, its CIDR), so a status written from
        // a copy read a moment earlier can conflict with them: read again and write again, as they do.
        for (int attempt = 1; ; attempt++) {
            try {
                admin().nodes().withName(name).editStatus(node -> {
                    node.setStatus(new NodeStatusBuilder().withConditions(ready).build());
                    return node;
                });
                return;
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 20) {
                    throw e;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @When("{agent} diagnoses the {word} {string} without a namespace")
    public void diagnosesClusterScoped(String role, String resource, String name) {
        diagnosis.diagnosesWith(role, Map.of("resource", resource, "name", world.real(name)));
    }

    @When("{agent} diagnoses {string} without a namespace")
    public void diagnosesByNameOnly(String role, String name) {
        diagnosis.diagnosesWith(role, Map.of("name", world.real(name)));
    }

    private static KubernetesClient admin() {
        return WorkloadsProduct.get().adminClient();
    }
}
