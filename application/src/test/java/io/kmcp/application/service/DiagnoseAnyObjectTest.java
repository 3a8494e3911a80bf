package io.kmcp.application.service;

import static io.kmcp.application.service.TestTypes.ALL_VERBS;
import static io.kmcp.application.service.TestTypes.CALLER;
import static io.kmcp.application.service.TestTypes.DEPLOYMENTS;
import static io.kmcp.application.service.TestTypes.NAMESPACES;
import static io.kmcp.application.service.TestTypes.PODS;
import static io.kmcp.application.service.WorkloadFixture.AUTOSCALERS;
import static io.kmcp.application.service.WorkloadFixture.CLAIMS;
import static io.kmcp.application.service.WorkloadFixture.ENDPOINT_SLICES;
import static io.kmcp.application.service.WorkloadFixture.EVENTS;
import static io.kmcp.application.service.WorkloadFixture.NODES;
import static io.kmcp.application.service.WorkloadFixture.REPLICA_SETS;
import static io.kmcp.application.service.WorkloadFixture.SERVICES;
import static io.kmcp.application.service.WorkloadFixture.crashLoopingPod;
import static io.kmcp.application.service.WorkloadFixture.deployment;
import static io.kmcp.application.service.WorkloadFixture.event;
import static io.kmcp.application.service.WorkloadFixture.node;
import static io.kmcp.application.service.WorkloadFixture.object;
import static io.kmcp.application.service.WorkloadFixture.replicaSet;
import static io.kmcp.application.service.WorkloadFixture.runningPod;
import static io.kmcp.application.service.WorkloadFixture.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.application.Problem;
import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.DiagnoseWorkloadQuery;
import io.kmcp.application.port.in.WorkloadDiagnosis;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.policy.AccessPolicy;
import io.kmcp.domain.type.ApiCatalog;
import io.kmcp.domain.type.ResourceType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A diagnosis that starts from a route, an autoscaler, a claim, a node, a namespace or any object")
class DiagnoseAnyObjectTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:06:00Z"), ZoneOffset.UTC);

    static final ResourceType INGRESSES = new ResourceType(
            "networking.k8s.io", "v1", "Ingress", "ingresses", "ingress", List.of("ing"), true, ALL_VERBS);
    static final ResourceType HTTP_ROUTES = new ResourceType(
            "gateway.networking.k8s.io", "v1", "HTTPRoute", "httproutes", "httproute", List.of(), true, ALL_VERBS);
    static final ResourceType CLUSTER_ISSUERS = new ResourceType(
            "cert-manager.io", "v1", "ClusterIssuer", "clusterissuers", "clusterissuer", List.of(), false, ALL_VERBS);
    static final ResourceType CERTIFICATES = new ResourceType(
            "cert-manager.io", "v1", "Certificate", "certificates", "certificate", List.of("cert"), true, ALL_VERBS);

    private final FakeCluster cluster = new FakeCluster(withRoutes());
    private final AtomicInteger logReads = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final DiagnoseWorkloadService service = new DiagnoseWorkloadService(
            new TypeLookup(cluster, AccessPolicy.builtIn()),
            cluster,
            (caller, request) -> {
                logReads.incrementAndGet();
                return "panic: cannot connect to database at db:5432\n";
            },
            pool,
            CLOCK);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /** The diagnosis test catalog with Ingresses, the Gateway API's HTTPRoutes and a custom resource. */
    private static ApiCatalog withRoutes() {
        List<ResourceType> types = new ArrayList<>(WorkloadFixture.CATALOG.types());
        Map<String, String> preferred = new HashMap<>(WorkloadFixture.CATALOG.preferredVersions());
        for (ResourceType type : List.of(INGRESSES, HTTP_ROUTES, CERTIFICATES, CLUSTER_ISSUERS)) {
            types.add(type);
            preferred.put(type.group(), type.version());
        }
        return ApiCatalog.of(types, preferred);
    }

    private WorkloadDiagnosis diagnose(String resource, String name, String namespace) {
        return service.diagnose(
                CALLER, new DiagnoseWorkloadQuery(Optional.ofNullable(resource), name, Optional.ofNullable(namespace)));
    }

    private void crashLoopingWeb() {
        cluster.with(DEPLOYMENTS, "shop", "web", deployment("shop", "web", 2, 0))
                .with(REPLICA_SETS, "shop", "web-7d9f", replicaSet("shop", "web", "7d9f", 3))
                .with(PODS, "shop", "web-7d9f-a", crashLoopingPod("shop", "web", "7d9f", "a"))
                .with(NODES, null, "node-1", node("node-1", true))
                .with(SERVICES, "shop", "web", service("shop", "web", Map.of("app", "web")));
    }

    /** shop.example.com: / to Service web port 80, /api to Service api port 8080; TLS from the Secret shop-tls. */
    private static Map<String, Object> ingress(String webPort) {
        Map<String, Object> ingress = object("networking.k8s.io/v1", "Ingress", "shop", "shop", "uid-ing");
        ingress.put(
                "spec",
                Map.of(
                        "tls",
                        List.of(Map.of("hosts", List.of("shop.example.com"), "secretName", "shop-tls")),
                        "rules",
                        List.of(Map.of(
                                "host",
                                "shop.example.com",
                                "http",
                                Map.of("paths", List.of(path("/", "web", webPort), path("/api", "api", "8080")))))));
        return ingress;
    }

    private static Map<String, Object> path(String path, String service, String port) {
        Map<String, Object> portRef = port.chars().allMatch(Character::isDigit)
                ? Map.of("number", Integer.parseInt(port))
                : Map.of("name", port);
        return Map.of(
                "path",
                path,
                "pathType",
                "Prefix",
                "backend",
                Map.of("service", Map.of("name", service, "port", portRef)));
    }

    /** An EndpointSlice of a Service with one endpoint, ready or not. */
    private static Map<String, Object> slice(String service, boolean ready) {
        Map<String, Object> slice =
                object("discovery.k8s.io/v1", "EndpointSlice", "shop", service + "-x", "uid-" + service);
        WorkloadFixture.metadata(slice).put("labels", Map.of("kubernetes.io/service-name", service));
        slice.put("endpoints", List.of(Map.of("conditions", Map.of("ready", ready))));
        return slice;
    }

    private static List<String> causes(WorkloadDiagnosis diagnosis) {
        return diagnosis.findings().stream().map(Finding::cause).toList();
    }

    private static Finding finding(WorkloadDiagnosis diagnosis, String cause) {
        return diagnosis.findings().stream()
                .filter(finding -> finding.cause().equals(cause))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + cause + " in " + causes(diagnosis)));
    }

    /** The reads the cluster and the log reader saw. */
    private int requestsSent() {
        return (int) cluster.calls.stream()
                        .filter(call -> call.startsWith("get ") || call.startsWith("list "))
                        .count()
                + logReads.get();
    }

    @Test
    @DisplayName("An Ingress: a missing Service named, the crash behind the other one found, no Secret read")
    void ingressBackends() {
        crashLoopingWeb();
        cluster.with(INGRESSES, "shop", "shop", ingress("80"))
                .with(PODS, "shop", "db-1a2b-a", runningPod("shop", "db", "1a2b", "a"))
                .with(EVENTS, "shop", "e1", event("shop", "Service", "web", "Warning", "Broken", "service broken", 2))
                .with(EVENTS, "shop", "e2", event("shop", "Pod", "db-1a2b-a", "Warning", "Other", "not ours", 1))
                .with(ENDPOINT_SLICES, "shop", "web-x", slice("web", false))
                .with(ENDPOINT_SLICES, "shop", "db-x", slice("db", true));

        WorkloadDiagnosis diagnosis = diagnose("ingress", "shop", "shop");

        assertThat(diagnosis.graph().target().display()).isEqualTo("Ingress shop/shop");
        assertThat(causes(diagnosis)).contains("BackendServiceMissing", "NoReadyEndpoints", "CrashLoopBackOff");
        assertThat(finding(diagnosis, "BackendServiceMissing").summary())
                .isEqualTo("Ingress shop/shop sends shop.example.com/api to Service api, which does not exist in"
                        + " namespace shop: create it or point the route at an existing Service");
        assertThat(finding(diagnosis, "NoReadyEndpoints").subject().display()).isEqualTo("Service shop/web");
        assertThat(diagnosis.graph().pods()).extracting(pod -> pod.ref().name()).containsExactly("web-7d9f-a");
        assertThat(diagnosis.graph().endpointSlices())
                .extracting(slice -> slice.serviceName())
                .containsExactly("web");
        assertThat(diagnosis.graph().events())
                .extracting(event -> event.reason())
                .containsExactly("Broken");
        assertThat(diagnosis.graph().logs()).isNotEmpty();
        assertThat(cluster.calls).noneMatch(call -> call.contains("secrets"));
        assertThat(diagnosis.apiRequests()).isEqualTo(requestsSent());
    }

    @Test
    @DisplayName("An Ingress to a port its Service does not have: BackendPortMissing with the ports it has")
    void ingressPortMissing() {
        cluster.with(DEPLOYMENTS, "shop", "web", deployment("shop", "web", 1, 1))
                .with(REPLICA_SETS, "shop", "web-7d9f", replicaSet("shop", "web", "7d9f", 1))
                .with(PODS, "shop", "web-7d9f-a", runningPod("shop", "web", "7d9f", "a"))
                .with(SERVICES, "shop", "web", service("shop", "web", Map.of("app", "web")))
                .with(SERVICES, "shop", "api", service("shop", "api", Map.of("app", "web")))
                .with(INGRESSES, "shop", "shop", ingress("http"))
                .with(ENDPOINT_SLICES, "shop", "web-x", slice("web", true));

        WorkloadDiagnosis diagnosis = diagnose("ing", "shop", "shop");

        assertThat(diagnosis.graph().readyEndpoints("web")).isEqualTo(1);
        Finding finding = diagnosis.findings().stream()
                .filter(candidate -> candidate.subject().display().equals("Service shop/web"))
                .findFirst()
                .orElseThrow();
        assertThat(finding.cause()).isEqualTo("BackendPortMissing");
        assertThat(finding.summary()).contains("port http of Service shop/web, which has no such port");
        assertThat(finding.evidence()).contains("Service shop/web ports: 80/TCP");
        assertThat(causes(diagnosis)).containsExactly("BackendPortMissing", "BackendPortMissing");
    }

    @Test
    @DisplayName("An HTTPRoute: its parents' conditions judged, its backends followed")
    void httpRoute() {
        crashLoopingWeb();
        Map<String, Object> route = object("gateway.networking.k8s.io/v1", "HTTPRoute", "shop", "shop", "uid-r");
        route.put(
                "spec",
                Map.of(
                        "hostnames",
                        List.of("shop.example.com"),
                        "rules",
                        List.of(Map.of("backendRefs", List.of(Map.of("name", "web", "port", 80))))));
        route.put(
                "status",
                Map.of(
                        "parents",
                        List.of(Map.of(
                                "parentRef",
                                Map.of("name", "public"),
                                "conditions",
                                List.of(
                                        Map.of("type", "Accepted", "status", "True"),
                                        Map.of(
                                                "type",
                                                "ResolvedRefs",
                                                "status",
                                                "False",
                                                "reason",
                                                "RefNotPermitted",
                                                "message",
                                                "backend not permitted"))))));
        cluster.with(HTTP_ROUTES, "shop", "shop", route);

        WorkloadDiagnosis diagnosis = diagnose("httproute", "shop", "shop");

        assertThat(finding(diagnosis, "ConditionFailing").summary())
                .isEqualTo("HTTPRoute shop/shop reports ResolvedRefs=False (RefNotPermitted): parent public: backend"
                        + " not permitted");
        assertThat(causes(diagnosis)).contains("NoReadyEndpoints", "CrashLoopBackOff");
    }

    @Test
    @DisplayName("An autoscaler: its failing conditions, then the workload it scales, told from the autoscaler")
    void autoscalerAndItsTarget() {
        crashLoopingWeb();
        Map<String, Object> hpa = object("autoscaling/v2", "HorizontalPodAutoscaler", "shop", "web", "uid-hpa");
        hpa.put(
                "spec",
                Map.of(
                        "scaleTargetRef",
                        Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", "web"),
                        "minReplicas",
                        1,
                        "maxReplicas",
                        5));
        hpa.put(
                "status",
                Map.of(
                        "conditions",
                        List.of(
                                Map.of("type", "AbleToScale", "status", "True"),
                                Map.of(
                                        "type",
                                        "ScalingActive",
                                        "status",
                                        "False",
                                        "reason",
                                        "FailedGetResourceMetric",
                                        "message",
                                        "the HPA was unable to compute the replica count: no metrics"))));
        cluster.with(AUTOSCALERS, "shop", "web", hpa);

        WorkloadDiagnosis diagnosis = diagnose("hpa", "web", "shop");

        assertThat(diagnosis.graph().target().display()).isEqualTo("HorizontalPodAutoscaler shop/web");
        assertThat(diagnosis.graph().workload())
                .hasValueSatisfying(
                        workload -> assertThat(workload.ref().display()).isEqualTo("Deployment shop/web"));
        assertThat(finding(diagnosis, "ConditionFailing").summary())
                .contains("ScalingActive=False (FailedGetResourceMetric)");
        assertThat(causes(diagnosis)).contains("CrashLoopBackOff");
        assertThat(diagnosis.apiRequests()).isEqualTo(requestsSent());
    }

    @Test
    @DisplayName("A claim: the pods that use it, and why it is not bound")
    void claimAndItsUsers() {
        Map<String, Object> claim = object("v1", "PersistentVolumeClaim", "shop", "data", "uid-pvc");
        claim.put("spec", Map.of("storageClassName", "nobody"));
        claim.put("status", Map.of("phase", "Pending"));
        Map<String, Object> user = new LinkedHashMap<>(runningPod("shop", "db", "1a2b", "a"));
        user.put(
                "spec",
                Map.of(
                        "containers",
                        List.of(Map.of("name", "db")),
                        "volumes",
                        List.of(
                                Map.of("name", "data", "persistentVolumeClaim", Map.of("claimName", "data")),
                                Map.of("name", "logs", "persistentVolumeClaim", Map.of("claimName", "logs")))));
        Map<String, Object> logs = object("v1", "PersistentVolumeClaim", "shop", "logs", "uid-logs");
        logs.put("status", Map.of("phase", "Bound"));
        cluster.with(CLAIMS, "shop", "data", claim)
                .with(CLAIMS, "shop", "logs", logs)
                .with(PODS, "shop", "db-1a2b-a", user)
                .with(PODS, "shop", "web-7d9f-b", runningPod("shop", "web", "7d9f", "b"));

        WorkloadDiagnosis diagnosis = diagnose("pvc", "data", "shop");

        assertThat(finding(diagnosis, "ClaimPending").evidence()).contains("used by db-1a2b-a");
        assertThat(diagnosis.graph().pods()).extracting(pod -> pod.ref().name()).containsExactly("db-1a2b-a");
        assertThat(diagnosis.graph().claims())
                .extracting(read -> read.ref().name())
                .containsExactly("data", "logs");
    }

    @Test
    @DisplayName("An autoscaler whose scale target is gone: its own conditions, and a gap that says so")
    void autoscalerWithoutTarget() {
        Map<String, Object> hpa = object("autoscaling/v2", "HorizontalPodAutoscaler", "shop", "web", "uid-hpa");
        hpa.put("spec", Map.of("scaleTargetRef", Map.of("kind", "Deployment", "name", "gone"), "maxReplicas", 3));
        hpa.put(
                "status",
                Map.of(
                        "conditions",
                        List.of(Map.of("type", "AbleToScale", "status", "False", "reason", "FailedGetScale"))));
        cluster.with(AUTOSCALERS, "shop", "web", hpa);

        WorkloadDiagnosis diagnosis = diagnose("hpa", "web", "shop");

        assertThat(diagnosis.graph().target().display()).isEqualTo("HorizontalPodAutoscaler shop/web");
        assertThat(diagnosis.graph().autoscalers()).hasSize(1);
        assertThat(finding(diagnosis, "ConditionFailing").summary()).contains("AbleToScale=False (FailedGetScale)");
        assertThat(diagnosis.gaps())
                .containsExactly("the scale target Deployment gone of HorizontalPodAutoscaler shop/web does not exist"
                        + " (or is of a kind a diagnosis does not follow)");
    }

    @Test
    @DisplayName("A route with too many Services follows the first 10; a resource backend is told, and nothing listed")
    void routeBounds() {
        Map<String, Object> many = object("networking.k8s.io/v1", "Ingress", "shop", "many", "uid-many");
        List<Map<String, Object>> paths = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            paths.add(path("/" + i, "svc-" + i, "80"));
        }
        many.put("spec", Map.of("rules", List.of(Map.of("http", Map.of("paths", paths)))));
        Map<String, Object> bucket = object("networking.k8s.io/v1", "Ingress", "shop", "bucket", "uid-bucket");
        bucket.put(
                "spec",
                Map.of(
                        "defaultBackend",
                        Map.of("resource", Map.of("apiGroup", "example.com", "kind", "Bucket", "name", "assets"))));
        cluster.with(INGRESSES, "shop", "many", many).with(INGRESSES, "shop", "bucket", bucket);

        WorkloadDiagnosis tooMany = diagnose("ingress", "many", "shop");
        int servicesRead = (int) cluster.calls.stream()
                .filter(call -> call.startsWith("get services"))
                .count();
        cluster.calls.clear();
        WorkloadDiagnosis resource = diagnose("ingress", "bucket", "shop");

        assertThat(tooMany.gaps()).contains("Ingress shop/many sends to 11 Services; the first 10 were followed");
        assertThat(servicesRead).isEqualTo(10);
        assertThat(resource.gaps())
                .containsExactly("not followed (no Service of namespace shop): default backend → Bucket assets");
        assertThat(cluster.calls)
                .noneMatch(call -> call.startsWith("list endpointslices") || call.startsWith("list pods"));
    }

    @Test
    @DisplayName("A cluster-scoped object without a kind in its body: named by its type, its events by field selector")
    void clusterScopedObject() {
        Map<String, Object> issuer = object("cert-manager.io/v1", "ClusterIssuer", null, "letsencrypt", "uid-ci");
        issuer.remove("kind");
        issuer.put(
                "status",
                Map.of(
                        "conditions",
                        List.of(Map.of("type", "Ready", "status", "False", "reason", "ErrRegisterACMEAccount"))));
        cluster.with(CLUSTER_ISSUERS, null, "letsencrypt", issuer)
                .with(
                        EVENTS,
                        "cert-manager",
                        "e1",
                        event(
                                "cert-manager",
                                "ClusterIssuer",
                                "letsencrypt",
                                "Warning",
                                "ErrInitIssuer",
                                "no account",
                                1))
                .with(
                        EVENTS,
                        "cert-manager",
                        "e2",
                        event("cert-manager", "Pod", "other", "Warning", "BackOff", "x", 1));

        WorkloadDiagnosis diagnosis = diagnose("clusterissuers.cert-manager.io", "letsencrypt", null);

        assertThat(finding(diagnosis, "ConditionFailing").summary())
                .isEqualTo("ClusterIssuer letsencrypt reports Ready=False (ErrRegisterACMEAccount)");
        assertThat(diagnosis.graph().events())
                .extracting(event -> event.reason())
                .containsExactly("ErrInitIssuer");
    }

    @Test
    @DisplayName("A node, without a namespace: its conditions and the pods it runs")
    void nodeWithoutNamespace() {
        crashLoopingWeb();
        cluster.with(NODES, null, "node-1", node("node-1", false))
                .with(EVENTS, "default", "n1", event("default", "Node", "node-1", "Normal", "NodeNotReady", "down", 1));

        WorkloadDiagnosis diagnosis = diagnose("node", "node-1", null);

        assertThat(finding(diagnosis, "NodeNotReady").severity().name()).isEqualTo("CRITICAL");
        assertThat(diagnosis.graph().pods()).extracting(pod -> pod.ref().name()).containsExactly("web-7d9f-a");
        assertThat(diagnosis.graph().events())
                .extracting(event -> event.reason())
                .containsExactly("NodeNotReady");
        assertThat(cluster.calls)
                .anyMatch(call -> call.startsWith("list pods") && call.endsWith(" *"))
                .anyMatch(call -> call.startsWith("list events") && call.endsWith(" *"));
    }

    @Test
    @DisplayName("A namespace hands over to its overview: each unhealthy workload a finding to diagnose further")
    void namespaceOverview() {
        crashLoopingWeb();
        cluster.with(NAMESPACES, null, "shop", object("v1", "Namespace", null, "shop", "uid-ns"));

        WorkloadDiagnosis diagnosis = diagnose("namespace", "shop", null);

        assertThat(diagnosis.graph().target().display()).isEqualTo("Namespace shop");
        Finding web = diagnosis.findings().stream()
                .filter(finding -> finding.subject().display().equals("Deployment shop/web"))
                .findFirst()
                .orElseThrow();
        assertThat(web.evidence()).containsExactly("diagnose Deployment shop/web for the evidence");
        assertThat(diagnosis.apiRequests()).isEqualTo(requestsSent());
    }

    @Test
    @DisplayName("A custom resource whose Ready condition is False: the controller's reason and message are the cause")
    void customResource() {
        Map<String, Object> certificate = object("cert-manager.io/v1", "Certificate", "shop", "shop-tls", "uid-c");
        certificate.put(
                "status",
                Map.of(
                        "conditions",
                        List.of(Map.of(
                                "type",
                                "Ready",
                                "status",
                                "False",
                                "reason",
                                "DoesNotExist",
                                "message",
                                "Issuer letsencrypt not found",
                                "lastTransitionTime",
                                "2026-11-23T10:00:00Z"))));
        cluster.with(CERTIFICATES, "shop", "shop-tls", certificate);

        WorkloadDiagnosis diagnosis = diagnose("certificates.cert-manager.io", "shop-tls", "shop");

        Finding finding = finding(diagnosis, "ConditionFailing");
        assertThat(finding.severity().name()).isEqualTo("CRITICAL");
        assertThat(finding.summary())
                .isEqualTo(
                        "Certificate shop/shop-tls reports Ready=False (DoesNotExist): Issuer letsencrypt not found");
        assertThat(finding.evidence())
                .first()
                .isEqualTo("Ready=False for 6m (DoesNotExist): Issuer letsencrypt not found");
    }

    @Test
    @DisplayName("Without a type, an Ingress is found by its name; without a namespace, a node")
    void lookup() {
        crashLoopingWeb();
        cluster.with(INGRESSES, "shop", "shop", ingress("80"));

        assertThat(diagnose(null, "shop", "shop").graph().target().display()).isEqualTo("Ingress shop/shop");
        assertThat(diagnose(null, "node-1", null).graph().target().display()).isEqualTo("Node node-1");
    }

    @Test
    @DisplayName("A lookup whose kinds were denied says what was tried, what was denied and what to do")
    void lookupDenied() {
        cluster.failingFor(INGRESSES, Reason.FORBIDDEN, "ingresses is forbidden")
                .failingFor(AUTOSCALERS, Reason.FORBIDDEN, "forbidden");

        assertThatThrownBy(() -> diagnose(null, "shop", "shop"))
                .hasMessageContaining("Nothing named \"shop\" was found in namespace shop")
                .hasMessageContaining("Tried: Deployment, StatefulSet")
                .hasMessageContaining("Denied: Ingress (forbidden); HorizontalPodAutoscaler (forbidden)")
                .extracting(e -> ((RequestFailedException) e).problem())
                .satisfies(problem -> {
                    assertThat(problem.reason()).isEqualTo(Reason.FORBIDDEN);
                    assertThat(problem.remedy()).hasValue(Problem.Remedy.CHECK_ACCESS);
                });
    }

    @Test
    @DisplayName("A namespaced kind without a namespace, and an unknown kind, are refused before anything is read")
    void refusals() {
        assertThatThrownBy(() -> diagnose("ingress", "shop", null))
                .hasMessage("Ingress objects live in namespaces, so diagnosing \"shop\" needs its namespace")
                .extracting(e -> ((RequestFailedException) e).problem().reason())
                .isEqualTo(Reason.NAMESPACE_REQUIRED);
        assertThatThrownBy(() -> diagnose("gizmos", "shop", "shop"))
                .extracting(e -> ((RequestFailedException) e).problem().reason())
                .isEqualTo(Reason.UNKNOWN_TYPE);
        assertThatThrownBy(() -> diagnose(null, "nowhere", null))
                .hasMessageContaining("among the kinds tried: Node, Namespace")
                .extracting(e -> ((RequestFailedException) e).problem().remedy())
                .isEqualTo(Optional.of(Problem.Remedy.GIVE_THE_NAMESPACE));
    }
}
