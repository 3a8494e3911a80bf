package io.kmcp.acceptance.driver;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerConditionBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerStatusBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kmcp.adapters.kubernetes.DiscoverySettings;
import io.kmcp.adapters.kubernetes.testbed.Established;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Objects an agent may start a diagnosis from besides a workload, as an operator creates them: an
 * Ingress in front of Services, an autoscaler whose metrics cannot be read. Shared by the acceptance
 * steps and the diagnosis benchmark.
 */
public final class StartingObjects {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** The Gateway API module whose standard-channel HTTPRoute CRD the cluster is given, as the Helm chart's test does. */
    static final String GATEWAY_API = "sigs.k8s.io/gateway-api@v1.6.3";

    /**
     * Makes the cluster serve the Gateway API's HTTPRoute: the real CRD from the module proxy (cached by
     * Go), applied server-side (it is too large for a client-side apply) and awaited until established.
     */
    public static void gatewayApiServed(KubernetesClient admin) {
        NodeTools.Outcome download = NodeTools.run(
                List.of("go", "mod", "download", "-json", GATEWAY_API),
                Map.of("GOTOOLCHAIN", "local"),
                Duration.ofMinutes(3));
        if (download.exitCode() != 0) {
            throw new IllegalStateException("the Gateway API module could not be downloaded: " + download);
        }
        try (InputStream yaml = Files.newInputStream(Path.of(
                JSON.readTree(download.stdout()).at("/Dir").asText(),
                "config/crd/standard/gateway.networking.k8s.io_httproutes.yaml"))) {
            admin.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .load(yaml)
                    .forceConflicts()
                    .serverSideApply();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        admin.apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName("httproutes.gateway.networking.k8s.io")
                // Right after the apply the API server may not have written the status or its conditions.
                .waitUntilCondition(Established::of, 60, TimeUnit.SECONDS);
        // Established comes before discovery lists the type, and k-mcp resolves names through discovery.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!httpRoutesDiscovered(admin)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "httproutes.gateway.networking.k8s.io is not in the API server's discovery");
            }
            Pause.briefly();
        }
        // k-mcp fetches its catalog anew on a name it does not know, but not more often than its minimum
        // refresh interval: waiting that long (and the moment aggregated discovery may lag the per-group
        // list) makes the next call see the type, whenever k-mcp last looked.
        try {
            Thread.sleep(DiscoverySettings.DEFAULT_MIN_REFRESH_INTERVAL
                    .plusSeconds(3)
                    .toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while k-mcp's discovery could still be stale", e);
        }
    }

    private static boolean httpRoutesDiscovered(KubernetesClient admin) {
        try {
            var resources = admin.getApiResources("gateway.networking.k8s.io/v1");
            return resources != null
                    && resources.getResources().stream()
                            .anyMatch(resource -> resource.getName().equals("httproutes"));
        } catch (io.fabric8.kubernetes.client.KubernetesClientException notYet) {
            return false;
        }
    }

    /**
     * An HTTPRoute for shop.example.com to a Service's port 80, whose Gateway accepted it but could not
     * resolve its backend: ResolvedRefs False with BackendNotFound, written through the status
     * subresource as a Gateway controller reports it.
     */
    public static void httpRouteWithUnresolvedBackend(
            KubernetesClient admin, String namespace, String name, String service) {
        GenericKubernetesResource route = new GenericKubernetesResourceBuilder()
                .withApiVersion("gateway.networking.k8s.io/v1")
                .withKind("HTTPRoute")
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withAdditionalProperties(Map.of(
                        "spec",
                        Map.of(
                                "parentRefs",
                                List.of(Map.of("name", "public")),
                                "hostnames",
                                List.of("shop.example.com"),
                                "rules",
                                List.of(Map.of("backendRefs", List.of(Map.of("name", service, "port", 80)))))))
                .build();
        GenericKubernetesResource created = admin.genericKubernetesResources(
                        "gateway.networking.k8s.io/v1", "HTTPRoute")
                .inNamespace(namespace)
                .resource(route)
                .create();
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        created.setAdditionalProperty(
                "status",
                Map.of(
                        "parents",
                        List.of(Map.of(
                                "parentRef",
                                Map.of("name", "public"),
                                "controllerName",
                                "example.com/gateway-controller",
                                "conditions",
                                List.of(
                                        condition("Accepted", "True", "Accepted", "Accepted", now),
                                        condition(
                                                "ResolvedRefs",
                                                "False",
                                                "BackendNotFound",
                                                "Service " + service + " not found",
                                                now))))));
        admin.genericKubernetesResources("gateway.networking.k8s.io/v1", "HTTPRoute")
                .inNamespace(namespace)
                .resource(created)
                .updateStatus();
    }

    private static Map<String, Object> condition(
            String type, String status, String reason, String message, String now) {
        return Map.of(
                "type",
                type,
                "status",
                status,
                "reason",
                reason,
                "message",
                message,
                "lastTransitionTime",
                now,
                "observedGeneration",
                1);
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
