package io.kmcp.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess.ServiceAccountRef;
import io.kmcp.application.Caller;
import io.kmcp.domain.type.ApiCatalog;
import java.time.Duration;
import java.util.Map;
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
}
