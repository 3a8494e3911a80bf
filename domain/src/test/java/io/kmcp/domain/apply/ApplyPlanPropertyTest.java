package io.kmcp.domain.apply;

import static io.kmcp.domain.fixtures.ManifestFixture.crd;
import static io.kmcp.domain.fixtures.ManifestFixture.document;
import static io.kmcp.domain.fixtures.ManifestFixture.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.fixtures.PropertyTest;
import io.kmcp.domain.fixtures.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("An apply plan, for any request")
class ApplyPlanPropertyTest {

    private static final List<Map<String, Object>> POOL = List.of(
            namespace("shop"),
            namespace("team-a"),
            crd("example.com", "Widget", "widgets"),
            document("v1", "ConfigMap", "shop", "settings"),
            document("v1", "ConfigMap", "team-a", "settings"),
            document("v1", "Service", "shop", "web"),
            document("apps/v1", "Deployment", "shop", "web"),
            document("apps/v1", "Deployment", "team-a", "web"),
            document("example.com/v1", "Widget", "shop", "w"),
            document("example.com/v1", "Widget", "team-a", "w"),
            document("networking.k8s.io/v1", "Ingress", "shop", "web"),
            document("storage.k8s.io/v1", "StorageClass", null, "fast"),
            document("policy/v1", "PodDisruptionBudget", "team-a", "web"));

    @PropertyTest
    @MethodSource("requests")
    @DisplayName("is a permutation of the request that puts every Namespace and CRD before the documents needing it")
    void ordersPrerequisitesFirst(List<Manifest> request) {
        ApplyPlan plan = ApplyPlan.of(request);
        List<Manifest> ordered = plan.manifests();

        assertThat(ordered).containsExactlyInAnyOrderElementsOf(request);
        for (int i = 0; i < ordered.size(); i++) {
            Manifest manifest = ordered.get(i);
            List<Position> earlier =
                    ordered.subList(0, i).stream().map(Manifest::position).toList();
            assertThat(plan.steps().get(i).prerequisites()).allMatch(earlier::contains);
            if (manifest.isNamespace()) {
                assertThat(ordered.subList(0, i))
                        .noneMatch(other -> other.namespace()
                                .filter(ns -> ns.value().equals(manifest.name().value()))
                                .isPresent());
            }
        }
    }

    @PropertyTest
    @MethodSource("requests")
    @DisplayName("documents with equal rank keep their written order")
    void isStable(List<Manifest> request) {
        List<Manifest> configMaps = request.stream()
                .filter(manifest -> manifest.kind().equals("ConfigMap"))
                .toList();

        List<Manifest> plannedConfigMaps = ApplyPlan.of(request).manifests().stream()
                .filter(manifest -> manifest.kind().equals("ConfigMap"))
                .toList();

        assertThat(plannedConfigMaps).isEqualTo(configMaps);
    }

    /** One to all of the pool's documents, in any order. */
    static Stream<Named<List<Manifest>>> requests() {
        return Samples.of(ApplyPlanPropertyTest::request);
    }

    private static List<Manifest> request(Random random) {
        List<Map<String, Object>> shuffled = Samples.shuffled(random, POOL);
        int size = Samples.between(random, 1, shuffled.size());
        List<Manifest> request = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            request.add(Manifest.from(i + 1, shuffled.get(i)));
        }
        return request;
    }
}
