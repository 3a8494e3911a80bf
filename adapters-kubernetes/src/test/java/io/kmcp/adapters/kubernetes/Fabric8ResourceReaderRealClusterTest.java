package io.kmcp.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess.ServiceAccountRef;
import io.kmcp.application.Caller;
import io.kmcp.application.Problem;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.out.ResourcePage;
import io.kmcp.domain.resource.ContinueToken;
import io.kmcp.domain.resource.FieldSelector;
import io.kmcp.domain.resource.LabelSelector;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.ObjectName;
import io.kmcp.domain.resource.PageLimit;
import io.kmcp.domain.resource.ResourceKey;
import io.kmcp.domain.resource.ResourceQuery;
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

    private static ResourceQuery request(ResourceType type, String namespace, int limit) {
        ResourceQuery query = ResourceQuery.of(type).withLimit(new PageLimit(limit));
        return namespace == null ? query : query.inNamespace(new NamespaceName(namespace));
    }

    private static ResourceKey key(ResourceType type, String namespace, String name) {
        return new ResourceKey(type, NamespaceName.ofNullable(namespace), new ObjectName(name));
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
                request(configMaps, PAGED, 2)
                        .continuingFrom(new ContinueToken(first.continueToken().orElseThrow())));
        seen.addAll(names(second));
        assertThat(second.remainingItemCount()).contains(1L);

        ResourcePage last = reader.list(
                clusterReader,
                request(configMaps, PAGED, 2)
                        .continuingFrom(new ContinueToken(second.continueToken().orElseThrow())));
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
                request(configMaps, PAGED, 50).withLabelSelector(new LabelSelector("app=reader-it,parity in (odd)")));
        ResourcePage byName = reader.list(
                clusterReader,
                request(configMaps, PAGED, 50).withFieldSelector(new FieldSelector("metadata.name=cm-3")));

        assertThat(names(odd)).containsExactlyInAnyOrder("cm-1", "cm-3");
        assertThat(names(byName)).containsExactly("cm-3");
    }

    @Test
    @DisplayName("without a namespace a namespaced type is listed across all namespaces; cluster-scoped types list too")
    void allNamespacesAndClusterScoped() {
        ResourcePage everywhere = reader.list(
                clusterReader,
                request(configMaps, null, 50).withLabelSelector(new LabelSelector("app=reader-it,parity=even")));
        ResourcePage ns = reader.list(
                clusterReader,
                request(namespaces, null, 50).withFieldSelector(new FieldSelector("metadata.name=" + PAGED)));

        assertThat(names(everywhere)).containsExactlyInAnyOrder("cm-0", "cm-2", "cm-4", "elsewhere");
        assertThat(names(ns)).containsExactly(PAGED);
    }

    @Test
    @DisplayName("get returns the object, and empty for a name that does not exist")
    void get() {
        Optional<Map<String, Object>> found = reader.get(clusterReader, key(configMaps, PAGED, "cm-2"));
        Optional<Map<String, Object>> missing = reader.get(clusterReader, key(configMaps, PAGED, "nope"));
        Optional<Map<String, Object>> namespace = reader.get(clusterReader, key(namespaces, null, OTHER));

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
        assertThatThrownBy(() -> reader.get(namespaceReader, key(configMaps, OTHER, "elsewhere")))
                .hasMessageContaining(subject + " cannot get configmaps in namespace " + OTHER);
    }

    @Test
    @DisplayName("a malformed label selector is an invalid argument naming the selector")
    void badSelector() {
        assertThatThrownBy(() -> reader.list(
                        clusterReader, request(configMaps, PAGED, 10).withLabelSelector(new LabelSelector("app==="))))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Problem.Reason.INVALID_ARGUMENT))
                .hasMessageContaining("selector");
    }
}
