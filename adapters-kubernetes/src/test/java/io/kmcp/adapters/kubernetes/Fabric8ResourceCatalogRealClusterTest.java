package io.kmcp.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess.ServiceAccountRef;
import io.kmcp.application.Caller;
import io.kmcp.domain.type.ApiCatalog;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.Verb;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Discovery against a real kube-apiserver, with an unprivileged caller's own token")
class Fabric8ResourceCatalogRealClusterTest {

    private static final RealCluster CLUSTER = new RealCluster();
    private static KubernetesClientPool pool;
    private static Caller nobody;

    @BeforeAll
    static void setUp() {
        pool = CLUSTER.newPool();
        // No RBAC grant at all: discovery is open to every authenticated user.
        ServiceAccountRef account = CLUSTER.access().serviceAccount("catalog-it", "nobody");
        nobody = CLUSTER.callerFor(account);
    }

    @AfterAll
    static void tearDown() {
        pool.close();
    }

    @Test
    @DisplayName("an aggregated API that is down (503 on its discovery) is left out; the rest of the catalog works")
    void partialDiscoveryFailure() {
        CLUSTER.admin()
                .genericKubernetesResources("apiregistration.k8s.io/v1", "APIService")
                .resource(new GenericKubernetesResourceBuilder()
                        .withApiVersion("apiregistration.k8s.io/v1")
                        .withKind("APIService")
                        .withNewMetadata()
                        .withName("v1beta1.broken.kmcp.io")
                        .endMetadata()
                        .withAdditionalProperties(Map.of(
                                "spec",
                                Map.of(
                                        "group",
                                        "broken.kmcp.io",
                                        "version",
                                        "v1beta1",
                                        "service",
                                        Map.of("namespace", "kube-system", "name", "no-such-service"),
                                        "insecureSkipTLSVerify",
                                        true,
                                        "groupPriorityMinimum",
                                        100,
                                        "versionPriority",
                                        100)))
                        .build())
                .serverSideApply();
        // The API server itself answers 503 for that group version: discovery really meets a failure.
        RealCluster.eventually(() -> {
            assertThat(CLUSTER.admin().raw("/apis")).contains("broken.kmcp.io");
            return true;
        });
        Integer status = RealCluster.eventually(() -> {
            try {
                CLUSTER.admin().raw("/apis/broken.kmcp.io/v1beta1");
                throw new AssertionError("the broken group version answered");
            } catch (KubernetesClientException e) {
                assertThat(e.getCode()).isEqualTo(503);
                return e.getCode();
            }
        });
        assertThat(status).isEqualTo(503);

        ApiCatalog catalog = new Fabric8ResourceCatalog(
                        pool, new DiscoverySettings(Duration.ofMinutes(5), Duration.ZERO))
                .catalog(nobody);

        assertThat(RealCluster.type(catalog, "pods.v1").kind()).isEqualTo("Pod");
        assertThat(catalog.groups()).doesNotContain("broken.kmcp.io");
    }

    @Test
    @DisplayName("aggregated discovery reads the catalog in two requests, the same types legacy discovery lists")
    void aggregatedDiscovery() {
        CLUSTER.access().customResourceDefinition("aggregated.kmcp.io", "Gadget", "gadgets", List.of("gdg"));
        AtomicInteger requests = new AtomicInteger();
        ApiRequestObserver counting = (cluster, request) -> {
            requests.incrementAndGet();
            return ApiRequestObserver.Request.IGNORED;
        };
        ApiCatalog catalog;
        try (KubernetesClientPool counted = new KubernetesClientPool(
                KubernetesClusters.of(CLUSTER.connection()), PoolSettings.defaults(), counting)) {
            catalog = RealCluster.eventually(() -> {
                ApiCatalog found = new Fabric8ResourceCatalog(
                                counted, new DiscoverySettings(Duration.ofMinutes(5), Duration.ZERO))
                        .catalog(nobody);
                assertThat(found.types())
                        .extracting(ResourceType::fullyQualifiedName)
                        .contains("gadgets.v1.aggregated.kmcp.io");
                return found;
            });
            requests.set(0);
            new Fabric8ResourceCatalog(counted, DiscoverySettings.defaults()).catalog(nobody);
        }

        assertThat(requests.get()).isEqualTo(2);
        Legacy legacy = legacyDiscovery(CLUSTER.admin());
        assertThat(legacy.groupVersions()).isGreaterThan(10);
        assertThat(catalog.types())
                .extracting(ResourceType::fullyQualifiedName)
                .containsExactlyInAnyOrderElementsOf(legacy.fullyQualifiedNames());
        Map<String, String> preferredOfAnswering = new HashMap<>(catalog.preferredVersions());
        preferredOfAnswering.keySet().removeAll(legacy.unavailableGroups());
        assertThat(preferredOfAnswering).isEqualTo(legacy.preferredVersions());
        ResourceType gadgets = RealCluster.type(catalog, "gadgets.v1.aggregated.kmcp.io");
        assertThat(gadgets.kind()).isEqualTo("Gadget");
        assertThat(gadgets.shortNames()).containsExactly("gdg");
        ResourceType namespaces = RealCluster.type(catalog, "namespaces.v1");
        assertThat(namespaces.namespaced()).isFalse();
        assertThat(namespaces.singular()).isEqualTo("namespace");
        assertThat(RealCluster.type(catalog, "deployments.v1.apps").verbs()).contains(Verb.GET, Verb.LIST, Verb.PATCH);
    }

    /** What the per-group-version documents list, read here without k-mcp's code: types, and how many documents. */
    private record Legacy(
            Set<String> fullyQualifiedNames,
            Map<String, String> preferredVersions,
            Set<String> unavailableGroups,
            int groupVersions) {}

    private static Legacy legacyDiscovery(KubernetesClient admin) {
        Set<String> names = new HashSet<>();
        Map<String, String> preferred = new HashMap<>();
        Set<String> unavailable = new HashSet<>();
        preferred.put("", "v1");
        int groupVersions = 1;
        admin.getApiResources("v1").getResources().stream()
                .filter(resource -> !resource.getName().contains("/"))
                .forEach(resource -> names.add(resource.getName() + ".v1"));
        for (APIGroup group : admin.getApiGroups().getGroups()) {
            preferred.put(group.getName(), group.getPreferredVersion().getVersion());
            for (GroupVersionForDiscovery version : group.getVersions()) {
                groupVersions++;
                try {
                    admin.getApiResources(version.getGroupVersion()).getResources().stream()
                            .filter(resource -> !resource.getName().contains("/"))
                            .forEach(resource ->
                                    names.add(resource.getName() + "." + version.getVersion() + "." + group.getName()));
                } catch (KubernetesClientException e) {
                    // The broken APIService of the other test answers 503: left out of both catalogs.
                    unavailable.add(group.getName());
                }
            }
        }
        preferred.keySet().removeAll(unavailable);
        return new Legacy(names, preferred, unavailable, groupVersions);
    }
}
