package io.kmcp.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess.ServiceAccountRef;
import io.kmcp.application.Caller;
import io.kmcp.domain.type.ApiCatalog;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.Verb;
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

    private static ResourceType type(ApiCatalog catalog, String fullyQualifiedName) {
        return catalog.types().stream()
                .filter(type -> type.fullyQualifiedName().equals(fullyQualifiedName))
                .findFirst()
                .orElseThrow(() -> new AssertionError(fullyQualifiedName + " not discovered"));
    }

    @Test
    @DisplayName("pods and deployments.apps are discovered with kind, short names, scope, verbs and preferred versions")
    void builtInTypes() {
        ApiCatalog catalog = new Fabric8ResourceCatalog(pool, DiscoverySettings.defaults()).catalog(nobody);

        ResourceType pods = type(catalog, "pods.v1");
        assertThat(pods.kind()).isEqualTo("Pod");
        assertThat(pods.singular()).isEqualTo("pod");
        assertThat(pods.shortNames()).contains("po");
        assertThat(pods.namespaced()).isTrue();
        assertThat(pods.verbs()).contains(Verb.GET, Verb.LIST, Verb.PATCH, Verb.WATCH);

        ResourceType deployments = type(catalog, "deployments.v1.apps");
        assertThat(deployments.kind()).isEqualTo("Deployment");
        assertThat(deployments.shortNames()).contains("deploy");
        assertThat(catalog.preferredVersion("apps")).contains("v1");
        assertThat(catalog.preferredVersion("")).contains("v1");

        assertThat(type(catalog, "namespaces.v1").namespaced()).isFalse();
        assertThat(catalog.groups()).contains("", "apps", "rbac.authorization.k8s.io", "apiextensions.k8s.io");
        assertThat(catalog.types()).extracting(ResourceType::plural).doesNotContain("pods/log", "pods/exec");
    }

    @Test
    @DisplayName("a CRD installed after the first discovery appears after a refresh")
    void customResourceAfterRefresh() {
        Fabric8ResourceCatalog catalog =
                new Fabric8ResourceCatalog(pool, new DiscoverySettings(Duration.ofMinutes(5), Duration.ZERO));
        assertThat(catalog.catalog(nobody).types())
                .extracting(ResourceType::fullyQualifiedName)
                .doesNotContain("widgets.v1.catalog-it.kmcp.io");

        CLUSTER.admin()
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .resource(widgetDefinition())
                .serverSideApply();

        ResourceType widgets =
                RealCluster.eventually(() -> type(catalog.refreshed(nobody), "widgets.v1.catalog-it.kmcp.io"));
        assertThat(widgets.kind()).isEqualTo("Widget");
        assertThat(widgets.singular()).isEqualTo("widget");
        assertThat(widgets.shortNames()).containsExactly("wdg");
        assertThat(widgets.namespaced()).isTrue();
        assertThat(widgets.verbs()).contains(Verb.LIST, Verb.PATCH);
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

        assertThat(type(catalog, "pods.v1").kind()).isEqualTo("Pod");
        assertThat(catalog.groups()).doesNotContain("broken.kmcp.io");
    }

    private static CustomResourceDefinition widgetDefinition() {
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName("widgets.catalog-it.kmcp.io")
                .endMetadata()
                .withNewSpec()
                .withGroup("catalog-it.kmcp.io")
                .withScope("Namespaced")
                .withNewNames()
                .withKind("Widget")
                .withPlural("widgets")
                .withSingular("widget")
                .withShortNames("wdg")
                .endNames()
                .addNewVersion()
                .withName("v1")
                .withServed(true)
                .withStorage(true)
                .withNewSchema()
                .withNewOpenAPIV3Schema()
                .withType("object")
                .withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema()
                .endSchema()
                .endVersion()
                .endSpec()
                .build();
    }
}
