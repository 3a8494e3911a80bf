package io.kmcp.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess.ServiceAccountRef;
import io.kmcp.application.Caller;
import io.kmcp.application.Problem;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.out.ListRequest;
import io.kmcp.application.port.out.ResourcePage;
import io.kmcp.domain.type.ApiCatalog;
import io.kmcp.domain.type.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading from a real kube-apiserver: paging, selectors, get, and RBAC denials")
class Fabric8ResourceReaderRealClusterTest {

    private static final String PAGED = "reader-paged";
    private static final String OTHER = "reader-other";
    private static final RealCluster CLUSTER = new RealCluster();

    private static KubernetesClientPool pool;
    private static Fabric8ResourceReader reader;
    private static ResourceType configMaps;
    private static ResourceType deployments;
    private static ResourceType namespaces;
    private static Caller clusterReader;
    private static Caller namespaceReader;

    @BeforeAll
    static void setUp() {
        pool = CLUSTER.newPool();
        reader = new Fabric8ResourceReader(pool);
        TestBedAccess access = CLUSTER.access();
        access.namespace(PAGED).namespace(OTHER);
        for (int i = 0; i < 5; i++) {
            configMap(PAGED, "cm-" + i, i % 2 == 0 ? "even" : "odd");
        }
        configMap(OTHER, "elsewhere", "even");

        ServiceAccountRef wide = access.serviceAccount("reader-it", "cluster-reader");
        access.clusterRole("reader-it-configmaps", "", List.of("configmaps", "namespaces"), List.of("get", "list"))
                .grantClusterWide(wide, "reader-it-configmaps");
        ServiceAccountRef narrow = access.serviceAccount("reader-it", "namespace-reader");
        access.grantInNamespace(narrow, PAGED, "reader-it-configmaps");
        clusterReader = CLUSTER.callerFor(wide);
        namespaceReader = CLUSTER.callerFor(narrow);

        ApiCatalog catalog = new Fabric8ResourceCatalog(pool, DiscoverySettings.defaults()).catalog(clusterReader);
        configMaps = type(catalog, "configmaps.v1");
        deployments = type(catalog, "deployments.v1.apps");
        namespaces = type(catalog, "namespaces.v1");
        RealCluster.eventually(() -> reader.list(clusterReader, request(configMaps, PAGED, 1)));
        RealCluster.eventually(() -> reader.list(namespaceReader, request(configMaps, PAGED, 1)));
    }

    @AfterAll
    static void tearDown() {
        pool.close();
    }

    private static void configMap(String namespace, String name, String parity) {
        CLUSTER.admin()
                .configMaps()
                .inNamespace(namespace)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(namespace)
                        .addToLabels("app", "reader-it")
                        .addToLabels("parity", parity)
                        .endMetadata()
                        .addToData("name", name)
                        .build())
                .serverSideApply();
    }

    private static ResourceType type(ApiCatalog catalog, String fullyQualifiedName) {
        return catalog.types().stream()
                .filter(type -> type.fullyQualifiedName().equals(fullyQualifiedName))
                .findFirst()
                .orElseThrow();
    }

    private static ListRequest request(ResourceType type, String namespace, int limit) {
        return new ListRequest(
                type, Optional.ofNullable(namespace), Optional.empty(), Optional.empty(), limit, Optional.empty());
    }

    private static List<String> names(ResourcePage page) {
        return page.items().stream()
                .map(item -> (String) ((Map<?, ?>) item.get("metadata")).get("name"))
                .toList();
    }

    @Test
    @DisplayName("a list is paged by limit and continue token, with the remaining count, until the last page")
    void paging() {
        List<String> seen = new ArrayList<>();
        ResourcePage first = reader.list(clusterReader, request(configMaps, PAGED, 2));
        seen.addAll(names(first));
        assertThat(first.items()).hasSize(2);
        assertThat(first.continueToken()).isPresent();
        assertThat(first.remainingItemCount()).contains(3L);

        ResourcePage second = reader.list(
                clusterReader,
                new ListRequest(
                        configMaps, Optional.of(PAGED), Optional.empty(), Optional.empty(), 2, first.continueToken()));
        seen.addAll(names(second));
        assertThat(second.remainingItemCount()).contains(1L);

        ResourcePage last = reader.list(
                clusterReader,
                new ListRequest(
                        configMaps, Optional.of(PAGED), Optional.empty(), Optional.empty(), 2, second.continueToken()));
        seen.addAll(names(last));
        assertThat(last.continueToken()).isEmpty();

        assertThat(seen).containsExactlyInAnyOrder("cm-0", "cm-1", "cm-2", "cm-3", "cm-4");
    }

    @Test
    @DisplayName("items are JSON-like maps that carry their apiVersion and kind")
    void itemsAreMaps() {
        Map<String, Object> item = reader.list(clusterReader, request(configMaps, PAGED, 1))
                .items()
                .get(0);

        assertThat(item).containsEntry("apiVersion", "v1").containsEntry("kind", "ConfigMap");
        assertThat(item.get("data")).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) item.get("metadata")).get("namespace")).isEqualTo(PAGED);
    }

    @Test
    @DisplayName("label and field selectors are passed to the API server")
    void selectors() {
        ResourcePage odd = reader.list(
                clusterReader,
                new ListRequest(
                        configMaps,
                        Optional.of(PAGED),
                        Optional.of("app=reader-it,parity in (odd)"),
                        Optional.empty(),
                        50,
                        Optional.empty()));
        ResourcePage byName = reader.list(
                clusterReader,
                new ListRequest(
                        configMaps,
                        Optional.of(PAGED),
                        Optional.empty(),
                        Optional.of("metadata.name=cm-3"),
                        50,
                        Optional.empty()));

        assertThat(names(odd)).containsExactlyInAnyOrder("cm-1", "cm-3");
        assertThat(names(byName)).containsExactly("cm-3");
    }

    @Test
    @DisplayName("without a namespace a namespaced type is listed across all namespaces; cluster-scoped types list too")
    void allNamespacesAndClusterScoped() {
        ResourcePage everywhere = reader.list(
                clusterReader,
                new ListRequest(
                        configMaps,
                        Optional.empty(),
                        Optional.of("app=reader-it,parity=even"),
                        Optional.empty(),
                        50,
                        Optional.empty()));
        ResourcePage ns = reader.list(
                clusterReader,
                new ListRequest(
                        namespaces,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("metadata.name=" + PAGED),
                        50,
                        Optional.empty()));

        assertThat(names(everywhere)).containsExactlyInAnyOrder("cm-0", "cm-2", "cm-4", "elsewhere");
        assertThat(names(ns)).containsExactly(PAGED);
    }

    @Test
    @DisplayName("get returns the object, and empty for a name that does not exist")
    void get() {
        Optional<Map<String, Object>> found = reader.get(clusterReader, configMaps, Optional.of(PAGED), "cm-2");
        Optional<Map<String, Object>> missing = reader.get(clusterReader, configMaps, Optional.of(PAGED), "nope");
        Optional<Map<String, Object>> namespace = reader.get(clusterReader, namespaces, Optional.empty(), OTHER);

        assertThat(found)
                .hasValueSatisfying(object -> assertThat(object.get("data")).isEqualTo(Map.of("name", "cm-2")));
        assertThat(found.get()).containsEntry("kind", "ConfigMap").containsEntry("apiVersion", "v1");
        assertThat(missing).isEmpty();
        assertThat(namespace).hasValueSatisfying(object -> assertThat(object).containsEntry("kind", "Namespace"));
    }

    @Test
    @DisplayName("RBAC denial names the subject, verb, group-qualified resource and namespace")
    void forbidden() {
        String subject = "system:serviceaccount:reader-it:namespace-reader";

        assertThatThrownBy(() -> reader.list(namespaceReader, request(configMaps, OTHER, 10)))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Problem.Reason.FORBIDDEN))
                .hasMessageStartingWith("RBAC denied: " + subject + " cannot list configmaps in namespace " + OTHER
                        + "; ask an administrator to grant it");
        assertThatThrownBy(() -> reader.list(namespaceReader, request(configMaps, null, 10)))
                .hasMessageContaining(subject + " cannot list configmaps across all namespaces")
                .hasMessageContaining("ClusterRoleBinding");
        assertThatThrownBy(() -> reader.list(namespaceReader, request(deployments, PAGED, 10)))
                .hasMessageContaining(subject + " cannot list deployments.apps in namespace " + PAGED);
        assertThatThrownBy(() -> reader.get(namespaceReader, configMaps, Optional.of(OTHER), "elsewhere"))
                .hasMessageContaining(subject + " cannot get configmaps in namespace " + OTHER);
    }

    @Test
    @DisplayName("a malformed label selector is an invalid argument naming the selector")
    void badSelector() {
        assertThatThrownBy(() -> reader.list(
                        clusterReader,
                        new ListRequest(
                                configMaps,
                                Optional.of(PAGED),
                                Optional.of("app==="),
                                Optional.empty(),
                                10,
                                Optional.empty())))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Problem.Reason.INVALID_ARGUMENT))
                .hasMessageContaining("selector");
    }

    @Test
    @DisplayName("a namespaced get without a namespace, or a cluster-scoped one with, is refused before any request")
    void namespaceArguments() {
        assertThatThrownBy(() -> reader.get(clusterReader, configMaps, Optional.empty(), "cm-1"))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Problem.Reason.NAMESPACE_REQUIRED));
        assertThatThrownBy(() -> reader.get(clusterReader, namespaces, Optional.of(PAGED), OTHER))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Problem.Reason.INVALID_ARGUMENT));
    }
}
