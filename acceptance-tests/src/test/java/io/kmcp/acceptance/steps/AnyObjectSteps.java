package io.kmcp.acceptance.steps;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerConditionBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kmcp.acceptance.WorkloadsProduct;
import io.kmcp.acceptance.World;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The objects an agent may start a diagnosis from besides a workload: an Ingress in front of
 * Services, an autoscaler whose metrics cannot be read, a node that is not ready; their states
 * written as the controllers that own them would write them (a node without kwok is no one's, so
 * its status is what the administrator writes through the status subresource).
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
        String real = world.name(namespace);
        admin().network()
                .v1()
                .ingresses()
                .inNamespace(real)
                .resource(new IngressBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(real)
                        .endMetadata()
                        .withNewSpec()
                        .addNewTl()
                        .withHosts("shop.example.com")
                        .withSecretName("shop-tls")
                        .endTl()
                        .addNewRule()
                        .withHost("shop.example.com")
                        .withNewHttp()
                        .withPaths(path(firstPath, first), path(secondPath, second))
                        .endHttp()
                        .endRule()
                        .endSpec()
                        .build())
                .create();
    }

    private static io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath path(String path, String service) {
        return new HTTPIngressPathBuilder()
                .withPath(path)
                .withPathType("Prefix")
                .withNewBackend()
                .withNewService()
                .withName(service)
                .withNewPort()
                .withNumber(80)
                .endPort()
                .endService()
                .endBackend()
                .build();
    }

    /**
     * An autoscaler of the deployment whose resource metrics cannot be read (the test bed serves no
     * metrics API): ScalingActive False, as the autoscaler controller reports it.
     */
    @Given("an autoscaler {string} of the deployment {string} in namespace {string} whose metrics cannot be read")
    public void autoscaler(String name, String deployment, String namespace) {
        String real = world.name(namespace);
        HorizontalPodAutoscaler created = admin().autoscaling()
                .v2()
                .horizontalPodAutoscalers()
                .inNamespace(real)
                .resource(new HorizontalPodAutoscalerBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(real)
                        .endMetadata()
                        .withNewSpec()
                        .withNewScaleTargetRef()
                        .withApiVersion("apps/v1")
                        .withKind("Deployment")
                        .withName(deployment)
                        .endScaleTargetRef()
                        .withMinReplicas(1)
                        .withMaxReplicas(3)
                        .addNewMetric()
                        .withType("Resource")
                        .withNewResource()
                        .withName("cpu")
                        .withNewTarget()
                        .withType("Utilization")
                        .withAverageUtilization(80)
                        .endTarget()
                        .endResource()
                        .endMetric()
                        .endSpec()
                        .build())
                .create();
        created.setStatus(new io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerStatusBuilder()
                .withCurrentReplicas(1)
                .withDesiredReplicas(1)
                .withConditions(
                        new HorizontalPodAutoscalerConditionBuilder()
                                .withType("AbleToScale")
                                .withStatus("True")
                                .withReason("SucceededGetScale")
                                .withLastTransitionTime(Instant.now().toString())
                                .build(),
                        new HorizontalPodAutoscalerConditionBuilder()
                                .withType("ScalingActive")
                                .withStatus("False")
                                .withReason("FailedGetResourceMetric")
                                .withMessage("the HPA was unable to compute the replica count: unable to get metrics"
                                        + " for resource cpu: no metrics returned from resource metrics API")
                                .withLastTransitionTime(Instant.now().toString())
                                .build())
                .build());
        admin().autoscaling()
                .v2()
                .horizontalPodAutoscalers()
                .inNamespace(real)
                .resource(created)
                .updateStatus();
    }

    /** A node no kubelet (and no kwok) runs: cordoned and tainted so that nothing lands on it. */
    @Given("a node {string} that is not ready")
    public void nodeNotReady(String logical) {
        String name = world.name(logical);
        nodes.add(name);
        var node = admin().nodes()
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
        node.setStatus(new io.fabric8.kubernetes.api.model.NodeStatusBuilder()
                .withConditions(ready)
                .build());
        admin().nodes().resource(node).updateStatus();
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
