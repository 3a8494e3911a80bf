package io.kmcp.acceptance.driver;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerConditionBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerStatusBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Objects an agent may start a diagnosis from besides a workload, as an operator creates them: an
 * Ingress in front of Services, an autoscaler whose metrics cannot be read. Shared by the acceptance
 * steps and the diagnosis benchmark.
 */
public final class StartingObjects {

    private StartingObjects() {}

    /**
     * An Ingress for shop.example.com sending each path to a Service's port 80, in the order given, with
     * TLS from the Secret "shop-tls" (which a diagnosis must never read).
     */
    public static void ingress(KubernetesClient admin, String namespace, String name, Map<String, String> paths) {
        List<HTTPIngressPath> routed = paths.entrySet().stream()
                .map(entry -> path(entry.getKey(), entry.getValue()))
                .toList();
        admin.network()
                .v1()
                .ingresses()
                .inNamespace(namespace)
                .resource(new IngressBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(namespace)
                        .endMetadata()
                        .withNewSpec()
                        .addNewTl()
                        .withHosts("shop.example.com")
                        .withSecretName("shop-tls")
                        .endTl()
                        .addNewRule()
                        .withHost("shop.example.com")
                        .withNewHttp()
                        .withPaths(routed)
                        .endHttp()
                        .endRule()
                        .endSpec()
                        .build())
                .create();
    }

    private static HTTPIngressPath path(String path, String service) {
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
     * An autoscaler of a Deployment on CPU whose metrics cannot be read (no metrics API is served):
     * ScalingActive False with FailedGetResourceMetric, written through the status subresource as the
     * autoscaler controller reports it.
     */
    public static void autoscalerWithoutMetrics(
            KubernetesClient admin, String namespace, String name, String deployment) {
        HorizontalPodAutoscaler created = admin.autoscaling()
                .v2()
                .horizontalPodAutoscalers()
                .inNamespace(namespace)
                .resource(new HorizontalPodAutoscalerBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(namespace)
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
        String now = Instant.now().toString();
        created.setStatus(new HorizontalPodAutoscalerStatusBuilder()
                .withCurrentReplicas(1)
                .withDesiredReplicas(1)
                .withConditions(
                        new HorizontalPodAutoscalerConditionBuilder()
                                .withType("AbleToScale")
                                .withStatus("True")
                                .withReason("SucceededGetScale")
                                .withLastTransitionTime(now)
                                .build(),
                        new HorizontalPodAutoscalerConditionBuilder()
                                .withType("ScalingActive")
                                .withStatus("False")
                                .withReason("FailedGetResourceMetric")
                                .withMessage("the HPA was unable to compute the replica count: unable to get metrics"
                                        + " for resource cpu: no metrics returned from resource metrics API")
                                .withLastTransitionTime(now)
                                .build())
                .build());
        admin.autoscaling()
                .v2()
                .horizontalPodAutoscalers()
                .inNamespace(namespace)
                .resource(created)
                .updateStatus();
    }
}
