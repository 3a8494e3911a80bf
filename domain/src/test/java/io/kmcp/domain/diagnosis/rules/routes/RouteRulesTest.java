package io.kmcp.domain.diagnosis.rules.routes;

import static io.kmcp.domain.diagnosis.Fixtures.NOW;
import static io.kmcp.domain.diagnosis.Fixtures.NS;
import static io.kmcp.domain.diagnosis.Fixtures.container;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.only;
import static io.kmcp.domain.diagnosis.Fixtures.pod;
import static io.kmcp.domain.diagnosis.Fixtures.running;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.EndpointSliceSnapshot;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.Fixtures;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.RouteSnapshot;
import io.kmcp.domain.diagnosis.ServiceSnapshot;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.Snapshots;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("BackendServiceMissing, BackendPortMissing and the Services behind a route")
class RouteRulesTest {

    private static final ObjectRef INGRESS = new ObjectRef("Ingress", NS, "shop", "uid-ing");

    private final BackendMissingRule missing = new BackendMissingRule();
    private final BackendNotReadyRule notReady = new BackendNotReadyRule();

    private static RouteSnapshot route(RouteSnapshot.Backend... backends) {
        return new RouteSnapshot(INGRESS, List.of(backends), List.of());
    }

    private static RouteSnapshot.Backend backend(String where, String service, String port) {
        return new RouteSnapshot.Backend(where, service, Optional.ofNullable(port));
    }

    private static ServiceSnapshot service(String name, Map<String, String> selector, String... portNames) {
        return new ServiceSnapshot(
                new ObjectRef("Service", NS, name, "uid-" + name),
                "ClusterIP",
                selector,
                List.of("80/TCP→8080"),
                List.of(portNames));
    }

    private static WorkloadGraph graphOf(
            RouteSnapshot route,
            List<ServiceSnapshot> backends,
            List<EndpointSliceSnapshot> slices,
            Fixtures.Pod... pods) {
        WorkloadGraph base = graph(INGRESS).noWorkload().pods(pods).build();
        return new WorkloadGraph(
                INGRESS,
                Optional.empty(),
                List.of(),
                Optional.empty(),
                slices,
                base.pods(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                NOW,
                Optional.of(route),
                backends,
                List.of());
    }

    private static EndpointSliceSnapshot slice(String service, int ready) {
        return new EndpointSliceSnapshot(
                new ObjectRef("EndpointSlice", NS, service + "-x", ""), service, ready, 0, List.of());
    }

    @Test
    @DisplayName("a Service the route names and the namespace lacks: one finding per Service, with every place")
    void missingService() {
        WorkloadGraph graph = graphOf(
                route(backend("shop.example.com/api", "api", "80"), backend("*/v2", "api", "80")),
                List.of(),
                List.of());

        Finding finding = only(missing.findings(graph));

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.cause()).isEqualTo("BackendServiceMissing");
        assertThat(finding.subject()).isEqualTo(new ObjectRef("Service", NS, "api", ""));
        assertThat(finding.summary())
                .isEqualTo("Ingress shop/shop sends shop.example.com/api, */v2 to Service api, which does not"
                        + " exist in namespace shop: create it or point the route at an existing Service");
        assertThat(finding.evidence())
                .containsExactly("shop.example.com/api → Service api port 80", "*/v2 → Service api port 80");
    }

    @Test
    @DisplayName("a port by number or by name the Service lacks is missing; one it has, or none named, is not")
    void missingPort() {
        ServiceSnapshot web = service("web", Map.of("app", "web"), "http");
        List<EndpointSliceSnapshot> slices = List.of(slice("web", 1));

        Finding finding = only(missing.findings(graphOf(route(backend("/", "web", "8080")), List.of(web), slices)));

        assertThat(finding.cause()).isEqualTo("BackendPortMissing");
        assertThat(finding.summary())
                .isEqualTo("Ingress shop/shop sends / to port 8080 of Service shop/web, which has no such port");
        assertThat(finding.evidence())
                .containsExactly("/ → Service web port 8080", "Service shop/web ports: 80/TCP→8080 (named http)");
        assertThat(missing.findings(graphOf(
                        route(backend("/", "web", "80"), backend("/a", "web", "http"), backend("/b", "web", null)),
                        List.of(web),
                        slices)))
                .isEmpty();
        assertThat(missing.findings(graph(INGRESS).build())).isEmpty();
    }

    @Test
    @DisplayName("a Service behind the route whose pods are none ready, or that selects none: the Service's causes")
    void notReady() {
        ServiceSnapshot web = service("web", Map.of("app", "web"));
        Fixtures.Pod crashing =
                pod("web-a").labels(Map.of("app", "web")).with(container("app").crashLooping());

        Finding none = only(notReady.findings(
                graphOf(route(backend("/", "web", "80")), List.of(web), List.of(slice("web", 0)), crashing)));
        Finding nothing = only(notReady.findings(graphOf(route(backend("/", "web", "80")), List.of(web), List.of())));

        assertThat(none.cause()).isEqualTo("NoReadyEndpoints");
        assertThat(none.subject().display()).isEqualTo("Service shop/web");
        assertThat(none.evidence())
                .containsExactly(
                        "routed from Ingress shop/shop at /",
                        "endpoints of Service shop/web: 0 ready",
                        "not ready: web-a");
        assertThat(nothing.cause()).isEqualTo("ServiceSelectsNothing");
        assertThat(nothing.evidence()).contains("selector app=web");
        Fixtures.Pod ready = pod("web-b")
                .labels(Map.of("app", "web"))
                .with(container("app").state(running(NOW.minus(Duration.ofMinutes(1)))));
        assertThat(notReady.findings(
                        graphOf(route(backend("/", "web", "80")), List.of(web), List.of(slice("web", 1)), ready)))
                .isEmpty();
    }

    @Test
    @DisplayName("an Ingress is read as its default backend, then every path; a resource backend is told, not followed")
    void ingressParsed() {
        Map<String, Object> ingress = Map.of(
                "kind",
                "Ingress",
                "metadata",
                Map.of("name", "shop", "namespace", "shop"),
                "spec",
                Map.of(
                        "defaultBackend",
                        Map.of("service", Map.of("name", "fallback", "port", Map.of("name", "http"))),
                        "rules",
                        List.of(Map.of(
                                "host",
                                "shop.example.com",
                                "http",
                                Map.of(
                                        "paths",
                                        List.of(
                                                Map.of(
                                                        "path",
                                                        "/api",
                                                        "backend",
                                                        Map.of(
                                                                "service",
                                                                Map.of("name", "api", "port", Map.of("number", 8080)))),
                                                Map.of(
                                                        "path",
                                                        "/static",
                                                        "backend",
                                                        Map.of(
                                                                "resource",
                                                                Map.of(
                                                                        "kind",
                                                                        "StorageBucket",
                                                                        "name",
                                                                        "assets")))))))));

        RouteSnapshot route = Snapshots.ingress(ingress);

        assertThat(route.backends())
                .containsExactly(
                        backend("default backend", "fallback", "http"), backend("shop.example.com/api", "api", "8080"));
        assertThat(route.unfollowed()).containsExactly("shop.example.com/static → StorageBucket assets");
        assertThat(route.serviceNames()).containsExactly("fallback", "api");
    }
}
