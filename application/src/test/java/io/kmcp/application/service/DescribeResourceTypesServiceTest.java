package io.kmcp.application.service;

import static io.kmcp.application.service.TestTypes.CALLER;
import static io.kmcp.application.service.TestTypes.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.application.port.in.ResourceTypesQuery;
import io.kmcp.domain.policy.AccessPolicy;
import io.kmcp.domain.type.ResourceType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Describing resource types")
class DescribeResourceTypesServiceTest {

    private final DescribeResourceTypesService service =
            new DescribeResourceTypesService(new TypeLookup(new FakeCluster(CATALOG), AccessPolicy.builtIn()));

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
}
