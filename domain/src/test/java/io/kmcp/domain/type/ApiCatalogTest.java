package io.kmcp.domain.type;

import static io.kmcp.domain.fixtures.ClusterCatalogFixture.CERTIFICATES_V1;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.CERTIFICATES_V1ALPHA2;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.DEPLOYMENTS;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.HPA_V1;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.HPA_V2;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.PODS;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.domain.InvalidInputException;
import io.kmcp.domain.fixtures.ClusterCatalogFixture;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An API catalog")
class ApiCatalogTest {

    private final ApiCatalog catalog = ClusterCatalogFixture.catalog();

    @Test
    @DisplayName("keeps its types in one order whatever order discovery answered in")
    void ordersTypes() {
        List<ResourceType> reversed = new ArrayList<>(ClusterCatalogFixture.TYPES);
        Collections.reverse(reversed);

        ApiCatalog fromReversed = ApiCatalog.of(reversed, ClusterCatalogFixture.PREFERRED_VERSIONS);

        assertThat(fromReversed).isEqualTo(catalog);
        assertThat(catalog.types()).startsWith(ClusterCatalogFixture.CONFIGMAPS, ClusterCatalogFixture.EVENTS);
        assertThat(catalog.types()).containsSubsequence(HPA_V2, HPA_V1);
        assertThat(catalog.types()).containsSubsequence(CERTIFICATES_V1, CERTIFICATES_V1ALPHA2);
    }

    @Test
    @DisplayName("refuses a type listed twice in the same version")
    void rejectsDuplicates() {
        assertThatThrownBy(() -> ApiCatalog.of(List.of(PODS, DEPLOYMENTS, PODS), Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Discovery lists pods.v1 twice; a catalog holds each type and version once.");
    }

    @Test
    @DisplayName("knows each group's preferred version")
    void preferredVersions() {
        assertThat(catalog.preferredVersion("autoscaling")).contains("v2");
        assertThat(catalog.preferredVersion("")).contains("v1");
        assertThat(catalog.preferredVersion("unknown.io")).isEmpty();
    }

    @Test
    @DisplayName("keeps its own copy of the preferred versions")
    void copiesPreferredVersions() {
        Map<String, String> preferred = new HashMap<>(Map.of("apps", "v1"));
        ApiCatalog copy = ApiCatalog.of(List.of(DEPLOYMENTS), preferred);

        preferred.put("apps", "v2");

        assertThat(copy.preferredVersion("apps")).contains("v1");
    }

    @Test
    @DisplayName("lists the groups it serves, core first")
    void groups() {
        assertThat(catalog.groups())
                .startsWith("", "apiextensions.k8s.io", "apps")
                .contains("cert-manager.io");
        assertThat(ApiCatalog.empty().groups()).isEmpty();
    }

    @Test
    @DisplayName("uses the group's preferred version by default, even over a higher one")
    void defaultsToPreferred() {
        ResourceType hpaV3 = type("autoscaling", "v3", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true);
        assertThat(catalog.defaultVersion(List.of(HPA_V1, hpaV3, HPA_V2))).isEqualTo(HPA_V2);
    }

    @Test
    @DisplayName("uses the highest version by priority when the preferred one does not serve the type")
    void defaultsToHighest() {
        ResourceType v1beta1 =
                type("autoscaling", "v1beta1", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true);
        ResourceType v2alpha1 =
                type("autoscaling", "v2alpha1", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true);

        assertThat(catalog.defaultVersion(List.of(v2alpha1, HPA_V1, v1beta1))).isEqualTo(HPA_V1);
        assertThat(catalog.defaultVersion(List.of(v2alpha1, v1beta1))).isEqualTo(v1beta1);
        assertThat(ApiCatalog.empty().defaultVersion(List.of(CERTIFICATES_V1ALPHA2, CERTIFICATES_V1)))
                .isEqualTo(CERTIFICATES_V1);
    }

    @Test
    @DisplayName("chooses a default version only among versions of one type")
    void defaultVersionNeedsOneType() {
        assertThatThrownBy(() -> catalog.defaultVersion(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> catalog.defaultVersion(List.of(PODS, DEPLOYMENTS)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("lists each type once, in its default version")
    void defaultVersions() {
        assertThat(catalog.defaultVersions())
                .contains(HPA_V2, CERTIFICATES_V1)
                .doesNotContain(HPA_V1, CERTIFICATES_V1ALPHA2)
                .hasSize(ClusterCatalogFixture.TYPES.size() - 2);
    }

    @Test
    @DisplayName("filters to the types that pass, keeping preferred versions")
    void filters() {
        ApiCatalog core = catalog.filter(ResourceType::isCore);

        assertThat(core.types()).allMatch(ResourceType::isCore).contains(PODS).doesNotContain(DEPLOYMENTS);
        assertThat(core.preferredVersion("autoscaling")).contains("v2");
    }

    @Test
    @DisplayName("groups versions of the same type together")
    void byType() {
        Map<String, List<ResourceType>> byType = ApiCatalog.byType(List.of(HPA_V1, PODS, HPA_V2));

        assertThat(byType).containsOnlyKeys("pods", "horizontalpodautoscalers.autoscaling");
        assertThat(byType.get("horizontalpodautoscalers.autoscaling")).containsExactly(HPA_V2, HPA_V1);
        assertThat(byType.keySet()).containsExactly("pods", "horizontalpodautoscalers.autoscaling");
    }
}
