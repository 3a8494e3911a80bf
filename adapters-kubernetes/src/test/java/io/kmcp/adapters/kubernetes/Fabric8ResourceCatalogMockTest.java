package io.kmcp.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.kmcp.application.BearerToken;
import io.kmcp.application.Caller;
import io.kmcp.application.Problem;
import io.kmcp.application.RequestFailedException;
import io.kmcp.domain.type.ApiCatalog;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.Verb;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Discovery against a mock API server: partial failures, mapping and caching")
class Fabric8ResourceCatalogMockTest {

    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
    private static final List<String> ALL_BUT_METRICS = List.of(
            "namespaces.v1",
            "pods.v1",
            "deployments.v1.apps",
            "horizontalpodautoscalers.v2.autoscaling",
            "horizontalpodautoscalers.v1.autoscaling");

    private KubernetesMockServer server = new KubernetesMockServer(false);
    private final MutableClock clock = new MutableClock(START);
    private KubernetesClientPool pool;

    @AfterEach
    void stop() {
        if (pool != null) {
            pool.close();
        }
        server.destroy();
    }

    private Fabric8ResourceCatalog catalogFor(boolean metricsDown) {
        server.init();
        serveDiscovery(metricsDown);
        return catalogOnServer();
    }

    private Fabric8ResourceCatalog catalogOnServer() {
        ClusterConnection mock = new ClusterConnection(
                "mock",
                URI.create(server.url("/")),
                Optional.empty(),
                Optional.empty(),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                true);
        pool = new KubernetesClientPool(
                KubernetesClusters.of(mock), PoolSettings.defaults(), new Fabric8ClientFactory(), clock);
        return new Fabric8ResourceCatalog(pool, DiscoverySettings.defaults(), clock);
    }

    private static Caller caller() {
        return new Caller(
                "mock", "system:serviceaccount:a:agent", new BearerToken("t0ken", START.plus(Duration.ofDays(1))));
    }

    private void serveDiscovery(boolean metricsDown) {
        server.expect()
                .get()
                .withPath("/api")
                .andReturn(200, new APIVersionsBuilder().withVersions("v1").build())
                .always();
        server.expect()
                .get()
                .withPath("/api/v1")
                .andReturn(
                        200,
                        new APIResourceListBuilder()
                                .withGroupVersion("v1")
                                .withResources(
                                        new APIResourceBuilder()
                                                .withName("pods")
                                                .withSingularName("pod")
                                                .withKind("Pod")
                                                .withNamespaced(true)
                                                .withShortNames("po")
                                                .withVerbs(
                                                        "create",
                                                        "delete",
                                                        "deletecollection",
                                                        "get",
                                                        "list",
                                                        "patch",
                                                        "update",
                                                        "watch")
                                                .build(),
                                        new APIResourceBuilder()
                                                .withName("pods/log")
                                                .withKind("Pod")
                                                .withNamespaced(true)
                                                .withVerbs("get")
                                                .build(),
                                        new APIResourceBuilder()
                                                .withName("namespaces")
                                                .withSingularName("namespace")
                                                .withKind("Namespace")
                                                .withNamespaced(false)
                                                .withShortNames("ns")
                                                .withVerbs("get", "list")
                                                .build())
                                .build())
                .always();
        List<GroupVersionForDiscovery> autoscalingVersions = List.of(
                new GroupVersionForDiscovery("autoscaling/v2", "v2"),
                new GroupVersionForDiscovery("autoscaling/v1", "v1"));
        server.expect()
                .get()
                .withPath("/apis")
                .andReturn(
                        200,
                        new APIGroupListBuilder()
                                .withGroups(
                                        group("apps", List.of(new GroupVersionForDiscovery("apps/v1", "v1"))),
                                        group("autoscaling", autoscalingVersions),
                                        group(
                                                "metrics.k8s.io",
                                                List.of(new GroupVersionForDiscovery(
                                                        "metrics.k8s.io/v1beta1", "v1beta1"))))
                                .build())
                .always();
        server.expect()
                .get()
                .withPath("/apis/apps/v1")
                .andReturn(200, resources("apps/v1", "deployments", "deployment", "Deployment", "deploy"))
                .always();
        server.expect()
                .get()
                .withPath("/apis/autoscaling/v2")
                .andReturn(
                        200,
                        resources(
                                "autoscaling/v2",
                                "horizontalpodautoscalers",
                                "horizontalpodautoscaler",
                                "HorizontalPodAutoscaler",
                                "hpa"))
                .always();
        server.expect()
                .get()
                .withPath("/apis/autoscaling/v1")
                .andReturn(
                        200,
                        resources(
                                "autoscaling/v1",
                                "horizontalpodautoscalers",
                                "horizontalpodautoscaler",
                                "HorizontalPodAutoscaler",
                                "hpa"))
                .always();
        if (metricsDown) {
            server.expect()
                    .get()
                    .withPath("/apis/metrics.k8s.io/v1beta1")
                    .andReturn(
                            503,
                            new StatusBuilder()
                                    .withCode(503)
                                    .withMessage("service unavailable")
                                    .build())
                    .always();
        } else {
            server.expect()
                    .get()
                    .withPath("/apis/metrics.k8s.io/v1beta1")
                    .andReturn(200, resources("metrics.k8s.io/v1beta1", "pods", "", "PodMetrics", null))
                    .always();
        }
    }

    private static io.fabric8.kubernetes.api.model.APIGroup group(
            String name, List<GroupVersionForDiscovery> versions) {
        return new APIGroupBuilder()
                .withName(name)
                .withVersions(versions)
                .withPreferredVersion(versions.get(0))
                .build();
    }

    private static io.fabric8.kubernetes.api.model.APIResourceList resources(
            String groupVersion, String plural, String singular, String kind, String shortName) {
        APIResourceBuilder resource = new APIResourceBuilder()
                .withName(plural)
                .withSingularName(singular)
                .withKind(kind)
                .withNamespaced(true)
                .withVerbs("get", "list", "watch", "patch", "delete");
        if (shortName != null) {
            resource.withShortNames(shortName);
        }
        return new APIResourceListBuilder()
                .withGroupVersion(groupVersion)
                .withResources(
                        resource.build(),
                        new APIResourceBuilder()
                                .withName(plural + "/status")
                                .withKind(kind)
                                .withNamespaced(true)
                                .withVerbs("get", "patch")
                                .build())
                .build();
    }

    @Test
    @DisplayName("a group version answering 503 is left out and everything else is served")
    void partialFailure() {
        ApiCatalog catalog = catalogFor(true).catalog(caller());

        assertThat(catalog.types())
                .extracting(ResourceType::fullyQualifiedName)
                .containsExactlyElementsOf(ALL_BUT_METRICS);
        assertThat(catalog.groups()).doesNotContain("metrics.k8s.io");
    }

    @Test
    @DisplayName("types keep kind, singular, short names, scope and preferred versions; subresources and delete vanish")
    void mapping() {
        ApiCatalog catalog = catalogFor(false).catalog(caller());

        ResourceType pods = catalog.types().stream()
                .filter(type -> type.fullyQualifiedName().equals("pods.v1"))
                .findFirst()
                .orElseThrow();
        assertThat(pods.kind()).isEqualTo("Pod");
        assertThat(pods.singular()).isEqualTo("pod");
        assertThat(pods.shortNames()).containsExactly("po");
        assertThat(pods.namespaced()).isTrue();
        assertThat(pods.verbs())
                .containsExactlyInAnyOrder(Verb.CREATE, Verb.GET, Verb.LIST, Verb.PATCH, Verb.UPDATE, Verb.WATCH);
        assertThat(catalog.types()).extracting(ResourceType::plural).doesNotContain("pods/log", "deployments/status");
        assertThat(catalog.types())
                .filteredOn(type -> type.plural().equals("namespaces"))
                .singleElement()
                .satisfies(ns -> assertThat(ns.namespaced()).isFalse());
        assertThat(catalog.preferredVersions())
                .containsEntry("", "v1")
                .containsEntry("apps", "v1")
                .containsEntry("autoscaling", "v2")
                .containsEntry("metrics.k8s.io", "v1beta1");
        assertThat(catalog.types())
                .extracting(ResourceType::fullyQualifiedName)
                .contains("pods.v1beta1.metrics.k8s.io");
    }

    @Test
    @DisplayName("a complete catalog is served from the cache for its TTL, then fetched again")
    void cachedForTtl() {
        Fabric8ResourceCatalog catalog = catalogFor(false);
        ApiCatalog first = catalog.catalog(caller());
        int requests = server.getRequestCount();

        clock.advance(Duration.ofMinutes(4));
        assertThat(catalog.catalog(caller())).isSameAs(first);
        assertThat(server.getRequestCount()).isEqualTo(requests);

        clock.advance(Duration.ofMinutes(2));
        catalog.catalog(caller());
        assertThat(server.getRequestCount()).isGreaterThan(requests);
    }

    @Test
    @DisplayName("refreshed() fetches again, unless the last fetch was less than 10 s ago")
    void refreshed() {
        Fabric8ResourceCatalog catalog = catalogFor(false);
        ApiCatalog first = catalog.catalog(caller());
        int requests = server.getRequestCount();

        clock.advance(Duration.ofSeconds(5));
        assertThat(catalog.refreshed(caller())).isSameAs(first);
        assertThat(server.getRequestCount()).isEqualTo(requests);

        clock.advance(Duration.ofSeconds(6));
        assertThat(catalog.refreshed(caller())).isNotSameAs(first).isEqualTo(first);
        assertThat(server.getRequestCount()).isGreaterThan(requests);
    }

    @Test
    @DisplayName("callers arriving together share one discovery, for a first lookup and for a refresh")
    void singleFlight() throws Exception {
        Fabric8ResourceCatalog measure = catalogFor(false);
        measure.catalog(caller());
        int perDiscovery = server.getRequestCount();
        Fabric8ResourceCatalog catalog = new Fabric8ResourceCatalog(pool, DiscoverySettings.defaults(), clock);

        List<ApiCatalog> first = together(8, () -> catalog.catalog(caller()));
        assertThat(server.getRequestCount()).isEqualTo(2 * perDiscovery);
        assertThat(first).allSatisfy(answer -> assertThat(answer).isSameAs(first.get(0)));

        clock.advance(Duration.ofSeconds(11));
        List<ApiCatalog> refreshed = together(8, () -> catalog.refreshed(caller()));
        assertThat(server.getRequestCount()).isEqualTo(3 * perDiscovery);
        assertThat(refreshed)
                .allSatisfy(
                        answer -> assertThat(answer).isSameAs(refreshed.get(0)).isNotSameAs(first.get(0)));
    }

    @Test
    @DisplayName("lookups and discoveries are counted for metrics")
    void stats() {
        Fabric8ResourceCatalog catalog = catalogFor(false);

        catalog.catalog(caller());
        catalog.catalog(caller());
        catalog.catalog(caller());

        assertThat(catalog.stats().missCount()).isEqualTo(1);
        assertThat(catalog.stats().hitCount()).isEqualTo(2);
        assertThat(catalog.stats().loadSuccessCount()).isEqualTo(1);
    }

    private static <T> List<T> together(int callers, Callable<T> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) {
                results.add(answer.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    @DisplayName("a partial catalog is kept only briefly, so a recovered API is seen soon")
    void partialCatalogExpiresSoon() {
        Fabric8ResourceCatalog catalog = catalogFor(true);
        catalog.catalog(caller());
        int requests = server.getRequestCount();

        clock.advance(Duration.ofSeconds(20));
        catalog.catalog(caller());
        assertThat(server.getRequestCount()).isEqualTo(requests);

        clock.advance(Duration.ofSeconds(11));
        catalog.catalog(caller());
        assertThat(server.getRequestCount()).isGreaterThan(requests);
    }

    private static final String AGGREGATED_CORE = """
            {"kind":"APIGroupDiscoveryList","apiVersion":"apidiscovery.k8s.io/v2","metadata":{},
             "items":[{"metadata":{"creationTimestamp":null},"versions":[{"version":"v1","resources":[
               {"resource":"pods","responseKind":{"group":"","version":"v1","kind":"Pod"},"scope":"Namespaced",
                "singularResource":"pod","shortNames":["po"],"categories":["all"],
                "verbs":["create","delete","deletecollection","get","list","patch","update","watch"],
                "subresources":[{"subresource":"log","responseKind":{"group":"","version":"v1","kind":"Pod"},
                                 "verbs":["get"]}]},
               {"resource":"namespaces","responseKind":{"group":"","version":"v1","kind":"Namespace"},
                "scope":"Cluster","singularResource":"namespace","shortNames":["ns"],"verbs":["get","list"]}
             ],"freshness":"Current"}]}]}
            """;

    private static final String AGGREGATED_GROUPS = """
            {"kind":"APIGroupDiscoveryList","apiVersion":"apidiscovery.k8s.io/v2","metadata":{},
             "items":[
              {"metadata":{"name":"apps"},"versions":[{"version":"v1","resources":[
                {"resource":"deployments","responseKind":{"group":"apps","version":"v1","kind":"Deployment"},
                 "scope":"Namespaced","singularResource":"deployment","shortNames":["deploy"],
                 "verbs":["get","list","watch","patch","delete"]}]}]},
              {"metadata":{"name":"autoscaling"},"versions":[
                {"version":"v2","resources":[{"resource":"horizontalpodautoscalers",
                  "responseKind":{"group":"autoscaling","version":"v2","kind":"HorizontalPodAutoscaler"},
                  "scope":"Namespaced","singularResource":"horizontalpodautoscaler","shortNames":["hpa"],
                  "verbs":["get","list","watch","patch","delete"]}]},
                {"version":"v1","resources":[{"resource":"horizontalpodautoscalers",
                  "responseKind":{"group":"autoscaling","version":"v1","kind":"HorizontalPodAutoscaler"},
                  "scope":"Namespaced","singularResource":"horizontalpodautoscaler","shortNames":["hpa"],
                  "verbs":["get","list","watch","patch","delete"]}]}]},
              {"metadata":{"name":"metrics.k8s.io"},"versions":[{"version":"v1beta1","resources":[
                {"resource":"pods","responseKind":{"group":"metrics.k8s.io","version":"v1beta1","kind":"PodMetrics"},
                 "scope":"Namespaced","verbs":["get","list","watch","patch","delete"]}],"freshness":"%s"}]}
             ]}
            """;

    private void serveAggregated(String metricsFreshness) {
        server.expect().get().withPath("/api").andReturn(200, AGGREGATED_CORE).always();
        server.expect()
                .get()
                .withPath("/apis")
                .andReturn(200, AGGREGATED_GROUPS.formatted(metricsFreshness))
                .always();
    }

    @Test
    @DisplayName("aggregated discovery reads the whole catalog in two requests, mapped as legacy discovery maps it")
    void aggregated() throws Exception {
        server.init();
        serveAggregated("Current");
        ApiCatalog aggregated = catalogOnServer().catalog(caller());

        assertThat(server.getRequestCount()).isEqualTo(2);
        RecordedRequest core = server.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest groups = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(List.of(core.getPath(), groups.getPath())).containsExactly("/api", "/apis");
        assertThat(List.of(core, groups)).allSatisfy(request -> {
            assertThat(request.getHeader("Accept"))
                    .startsWith("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,")
                    .contains("application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList")
                    .endsWith(",application/json");
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer t0ken");
            assertThat(request.getHeader("User-Agent")).startsWith("k-mcp/");
        });
        pool.close();
        server.destroy();

        server = new KubernetesMockServer(false);
        ApiCatalog legacy = catalogFor(false).catalog(caller());
        assertThat(aggregated.types()).containsExactlyInAnyOrderElementsOf(legacy.types());
        assertThat(aggregated.preferredVersions()).isEqualTo(legacy.preferredVersions());
    }

    @Test
    @DisplayName("a group version that aggregated discovery marks stale is left out, and the catalog kept briefly")
    void aggregatedStale() {
        server.init();
        serveAggregated("Stale");
        Fabric8ResourceCatalog catalog = catalogOnServer();

        assertThat(catalog.catalog(caller()).types())
                .extracting(ResourceType::fullyQualifiedName)
                .containsExactlyElementsOf(ALL_BUT_METRICS);
        clock.advance(Duration.ofSeconds(31));
        catalog.catalog(caller());
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    @DisplayName(
            "an API server without aggregated discovery answers the legacy documents: one resource list per group version")
    void legacyAnswerFallsBack() {
        catalogFor(false).catalog(caller());

        // /api and /apis once each (their legacy answers are used as they are), then v1, apps/v1,
        // autoscaling/v2, autoscaling/v1, metrics.k8s.io/v1beta1.
        assertThat(server.getRequestCount()).isEqualTo(7);
    }

    @Test
    @DisplayName("an API server that refuses the aggregated media type (406) gets legacy discovery")
    void notAcceptableFallsBack() {
        server.init();
        Status notAcceptable =
                new StatusBuilder().withCode(406).withMessage("not acceptable").build();
        server.expect().get().withPath("/api").andReturn(406, notAcceptable).once();
        server.expect().get().withPath("/apis").andReturn(406, notAcceptable).once();
        serveDiscovery(false);

        ApiCatalog catalog = catalogOnServer().catalog(caller());

        assertThat(catalog.types())
                .extracting(ResourceType::fullyQualifiedName)
                .contains("pods.v1", "deployments.v1.apps", "pods.v1beta1.metrics.k8s.io");
        assertThat(server.getRequestCount()).isEqualTo(9);
    }

    @Test
    @DisplayName("a token the API server rejects is UNAUTHORIZED, not an empty catalog")
    void unauthorized() {
        server.init();
        server.expect()
                .get()
                .withPath("/api")
                .andReturn(
                        401,
                        new StatusBuilder()
                                .withCode(401)
                                .withMessage("Unauthorized")
                                .build())
                .always();
        ClusterConnection mock = new ClusterConnection(
                "mock",
                URI.create(server.url("/")),
                Optional.empty(),
                Optional.empty(),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                true);
        pool = new KubernetesClientPool(
                KubernetesClusters.of(mock), PoolSettings.defaults(), new Fabric8ClientFactory(), clock);
        Fabric8ResourceCatalog catalog = new Fabric8ResourceCatalog(pool, DiscoverySettings.defaults(), clock);

        assertThatThrownBy(() -> catalog.catalog(caller()))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Problem.Reason.UNAUTHORIZED))
                .hasMessageNotContaining("t0ken");
    }

    @Test
    @DisplayName("an unknown cluster is refused without any request")
    void unknownCluster() {
        Fabric8ResourceCatalog catalog = catalogFor(false);
        Caller stranger = new Caller("elsewhere", "x", new BearerToken("t", START.plus(Duration.ofDays(1))));

        assertThatThrownBy(() -> catalog.catalog(stranger))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Problem.Reason.UNAVAILABLE));
        assertThat(server.getRequestCount()).isZero();
    }
}
