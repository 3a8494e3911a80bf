package io.kmcp.application.service;

import static io.kmcp.application.service.TestTypes.CALLER;
import static io.kmcp.application.service.TestTypes.CATALOG;
import static io.kmcp.application.service.TestTypes.catalogWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.application.port.in.ResourceTypesQuery;
import io.kmcp.domain.policy.AccessPolicy;
import io.kmcp.domain.type.ResourceType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Describing resource types")
class DescribeResourceTypesServiceTest {

    private final DescribeResourceTypesService service =
            new DescribeResourceTypesService(new TypeLookup(new FakeCluster(CATALOG), AccessPolicy.builtIn()));

    @Test
    @DisplayName("a group the cached catalog lacks is looked up again in fresh discovery (a CRD just installed)")
    void missingGroupRefreshes() {
        FakeCluster cluster = new FakeCluster(CATALOG).afterRefresh(TestTypes.CATALOG_WITH_WIDGETS);
        DescribeResourceTypesService fresh =
                new DescribeResourceTypesService(new TypeLookup(cluster, AccessPolicy.builtIn()));

        assertThat(fresh.describe(CALLER, new ResourceTypesQuery(Optional.of("example.com"), Optional.empty())))
                .extracting(ResourceType::plural)
                .containsExactly("widgets");
        assertThat(cluster.refreshes).hasValue(1);
    }

    @Test
    @DisplayName("a group the cache has is answered without asking discovery again")
    void knownGroupNoRefresh() {
        FakeCluster cluster = new FakeCluster(CATALOG).afterRefresh(TestTypes.CATALOG_WITH_WIDGETS);
        new DescribeResourceTypesService(new TypeLookup(cluster, AccessPolicy.builtIn()))
                .describe(CALLER, new ResourceTypesQuery(Optional.of("apps"), Optional.empty()));

        assertThat(cluster.refreshes).hasValue(0);
    }

    @Test
    @DisplayName("restricted types are absent")
    void restrictedTypesAbsent() {
        assertThat(service.describe(CALLER, ResourceTypesQuery.all()))
                .extracting(ResourceType::plural)
                .contains("pods", "deployments", "namespaces")
                .doesNotContain("secrets", "serviceaccounts", "roles");
    }

    @Test
    @DisplayName("the core group can be asked for as 'core'")
    void coreGroup() {
        List<ResourceType> core =
                service.describe(CALLER, new ResourceTypesQuery(Optional.of("core"), Optional.empty()));

        assertThat(core).extracting(ResourceType::plural).containsExactlyInAnyOrder("pods", "namespaces");
    }

    @Test
    @DisplayName("narrowing to cluster-scoped types")
    void clusterScoped() {
        assertThat(service.describe(CALLER, new ResourceTypesQuery(Optional.empty(), Optional.of(false))))
                .extracting(ResourceType::plural)
                .containsExactlyInAnyOrder("namespaces", "tokenreviews");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"apps", "Apps", " apps "})
    @DisplayName("a group narrows the listing to that group, in any case and with spaces trimmed")
    void byGroup(String group) {
        assertThat(service.describe(CALLER, new ResourceTypesQuery(Optional.of(group), Optional.empty())))
                .extracting(ResourceType::plural)
                .containsExactly("deployments");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "CORE", " core "})
    @DisplayName("the core group can also be asked for by its API name \"\" and as 'core' in any case")
    void coreGroupSpellings(String group) {
        assertThat(service.describe(CALLER, new ResourceTypesQuery(Optional.of(group), Optional.empty())))
                .extracting(ResourceType::plural)
                .containsExactlyInAnyOrder("pods", "namespaces");
    }

    @Test
    @DisplayName("a group the cluster does not serve gives an empty listing, not every type")
    void unknownGroup() {
        assertThat(service.describe(CALLER, new ResourceTypesQuery(Optional.of("example.com"), Optional.empty())))
                .isEmpty();
    }

    @Test
    @DisplayName("narrowing to namespaced types, alone and together with a group")
    void namespacedOnly() {
        assertThat(service.describe(CALLER, new ResourceTypesQuery(Optional.empty(), Optional.of(true))))
                .extracting(ResourceType::plural)
                .containsExactlyInAnyOrder("pods", "deployments");
        assertThat(service.describe(CALLER, new ResourceTypesQuery(Optional.of("core"), Optional.of(true))))
                .extracting(ResourceType::plural)
                .containsExactly("pods");
    }

    @Test
    @DisplayName("each type is listed once, in its preferred version")
    void oneVersionEach() {
        ResourceType deploymentsBeta = new ResourceType(
                "apps",
                "v1beta1",
                "Deployment",
                "deployments",
                "deployment",
                List.of("deploy"),
                true,
                TestTypes.ALL_VERBS);
        DescribeResourceTypesService withTwoVersions = new DescribeResourceTypesService(
                new TypeLookup(new FakeCluster(catalogWith(deploymentsBeta)), AccessPolicy.builtIn()));

        assertThat(withTwoVersions.describe(CALLER, new ResourceTypesQuery(Optional.of("apps"), Optional.empty())))
                .extracting(ResourceType::groupVersion)
                .containsExactly("apps/v1");
    }
}
