package io.kmcp.domain.apply;

import static io.kmcp.domain.fixtures.ManifestFixture.crd;
import static io.kmcp.domain.fixtures.ManifestFixture.document;
import static io.kmcp.domain.fixtures.ManifestFixture.manifest;
import static io.kmcp.domain.fixtures.ManifestFixture.namespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.domain.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An apply plan")
class ApplyPlanTest {

    @Test
    @DisplayName("applies namespaces, CRDs, cluster config, config, services, workloads, then the rest in order")
    void ordersByDependency() {
        List<Manifest> written = List.of(
                manifest(1, document("networking.k8s.io/v1", "Ingress", "shop", "web")),
                manifest(2, document("apps/v1", "Deployment", "shop", "web")),
                manifest(3, document("v1", "Service", "shop", "web")),
                manifest(4, document("v1", "ConfigMap", "shop", "settings")),
                manifest(5, document("storage.k8s.io/v1", "StorageClass", null, "fast")),
                manifest(6, crd("example.com", "Widget", "widgets")),
                manifest(7, namespace("shop")),
                manifest(8, document("example.com/v1", "Widget", "shop", "w")),
                manifest(9, document("batch/v1", "CronJob", "shop", "nightly")),
                manifest(10, document("v1", "PersistentVolumeClaim", "shop", "data")),
                manifest(11, document("scheduling.k8s.io/v1", "PriorityClass", null, "high")),
                manifest(12, document("policy/v1", "PodDisruptionBudget", "shop", "web")));

        ApplyPlan plan = ApplyPlan.of(written);

        assertThat(plan.manifests())
                .extracting(manifest -> manifest.position().document())
                .containsExactly(7, 6, 5, 11, 4, 10, 3, 2, 9, 1, 8, 12);
    }

    @Test
    @DisplayName("ranks built-in kinds by group too: a custom Service is not a core Service")
    void ranksByGroup() {
        List<Manifest> written = List.of(
                manifest(1, document("v1", "ConfigMap", "shop", "a")),
                manifest(2, document("serving.knative.dev/v1", "Service", "shop", "web")),
                manifest(3, document("v1", "Service", "shop", "web")),
                manifest(4, document("example.com/v1", "Namespace", null, "x")));

        assertThat(ApplyPlan.of(written).manifests())
                .extracting(manifest -> manifest.position().document())
                .containsExactly(1, 3, 2, 4);
    }

    @Test
    @DisplayName("keeps the written order within a rank")
    void stable() {
        List<Manifest> written = List.of(
                manifest(1, document("v1", "ConfigMap", "shop", "b")),
                manifest(2, document("v1", "ConfigMap", "shop", "a")),
                manifest(3, document("v1", "LimitRange", "shop", "a")),
                manifest(4, document("v1", "ResourceQuota", "shop", "a")));

        assertThat(ApplyPlan.of(written).manifests()).containsExactlyElementsOf(written);
    }

    @Test
    @DisplayName("knows which documents need an earlier document of the plan to exist before a dry run")
    void prerequisites() {
        Manifest shop = manifest(1, namespace("shop"));
        Manifest widgets = manifest(2, crd("example.com", "Widget", "widgets"));
        Manifest widget = manifest(3, document("example.com/v1", "Widget", "shop", "w"));
        Manifest configMap = manifest(4, document("v1", "ConfigMap", "shop", "settings"));
        Manifest elsewhere = manifest(5, document("v1", "ConfigMap", "other", "settings"));
        Manifest otherGroup = manifest(6, document("other.com/v1", "Widget", "other", "w"));

        ApplyPlan plan = ApplyPlan.of(List.of(widget, configMap, elsewhere, otherGroup, widgets, shop));

        assertThat(plan.stepOf(widget.position()).orElseThrow().prerequisites())
                .containsExactly(Position.of(1), Position.of(2));
        assertThat(plan.stepOf(configMap.position()).orElseThrow().prerequisites())
                .containsExactly(Position.of(1));
        assertThat(plan.stepOf(configMap.position()).orElseThrow().canBeDryRunAlone())
                .isFalse();
        assertThat(plan.stepOf(elsewhere.position()).orElseThrow().canBeDryRunAlone())
                .isTrue();
        assertThat(plan.stepOf(otherGroup.position()).orElseThrow().prerequisites())
                .isEmpty();
        assertThat(plan.stepOf(shop.position()).orElseThrow().prerequisites()).isEmpty();
        assertThat(plan.stepOf(widgets.position()).orElseThrow().prerequisites())
                .isEmpty();
        assertThat(plan.stepOf(Position.of(9))).isEmpty();
    }

    @Test
    @DisplayName("reads a CRD's kind and group defensively")
    void malformedCrd() {
        Map<String, Object> noNames = crd("example.com", "Widget", "widgets");
        noNames.put("spec", Map.of("group", "example.com"));
        Map<String, Object> noSpec = crd("example.com", "Gadget", "gadgets");
        noSpec.remove("spec");
        Manifest widget = manifest(3, document("example.com/v1", "Widget", null, "w"));

        ApplyPlan plan = ApplyPlan.of(List.of(manifest(1, noNames), manifest(2, noSpec), widget));

        assertThat(plan.stepOf(widget.position()).orElseThrow().prerequisites()).isEmpty();
    }

    @Test
    @DisplayName("refuses the same object twice, whatever the version, naming both documents")
    void rejectsDuplicates() {
        List<Manifest> written = List.of(
                manifest(1, document("apps/v1", "Deployment", "shop", "web")),
                manifest(2, document("v1", "Service", "shop", "web")),
                manifest(3, document("apps/v1beta1", "Deployment", "shop", "web")));

        assertThatThrownBy(() -> ApplyPlan.of(written))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("document 1 and document 3 both declare Deployment shop/web of group apps; keep only one"
                        + " of them.");
        assertThatThrownBy(() -> ApplyPlan.of(List.of(
                        manifest(1, document("v1", "ConfigMap", null, "a")),
                        manifest(2, document("v1", "ConfigMap", null, "a")))))
                .hasMessage("document 1 and document 2 both declare ConfigMap a; keep only one of them.");
    }

    @Test
    @DisplayName("treats the same name in another namespace, kind or group as another object")
    void distinguishesObjects() {
        List<Manifest> written = List.of(
                manifest(1, document("apps/v1", "Deployment", "shop", "web")),
                manifest(2, document("apps/v1", "Deployment", "other", "web")),
                manifest(3, document("apps/v1", "StatefulSet", "shop", "web")),
                manifest(4, document("example.com/v1", "Deployment", "shop", "web")),
                manifest(5, document("apps/v1", "Deployment", null, "web")));

        assertThat(ApplyPlan.of(written).steps()).hasSize(5);
    }

    @Test
    @DisplayName("refuses an empty request")
    void rejectsEmpty() {
        assertThatThrownBy(() -> ApplyPlan.of(List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("There is nothing to apply; send at least one manifest.");
    }
}
