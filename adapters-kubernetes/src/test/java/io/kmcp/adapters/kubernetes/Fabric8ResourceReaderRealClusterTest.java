package io.kmcp.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.adapters.kubernetes.testbed.TestBedAccess;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess.ServiceAccountRef;
import io.kmcp.application.Caller;
import io.kmcp.application.Problem;
import io.kmcp.application.RequestFailedException;
import io.kmcp.domain.resource.LabelSelector;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.ObjectName;
import io.kmcp.domain.resource.PageLimit;
import io.kmcp.domain.resource.ResourceKey;
import io.kmcp.domain.resource.ResourceQuery;
import io.kmcp.domain.type.ApiCatalog;
import io.kmcp.domain.type.ResourceType;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading from a real kube-apiserver: RBAC denials and selectors it refuses, as problems")
class Fabric8ResourceReaderRealClusterTest {

    private static final String PAGED = "reader-paged";
    private static final String OTHER = "reader-other";
    private static final RealCluster CLUSTER = new RealCluster();

    private static KubernetesClientPool pool;
    private static Fabric8ResourceReader reader;
    private static ResourceType configMaps;
    private static ResourceType deployments;
    private static Caller clusterReader;
    private static Caller namespaceReader;

    @BeforeAll
    static void setUp() {
        pool = CLUSTER.newPool();
        reader = new Fabric8ResourceReader(pool);
        TestBedAccess access = CLUSTER.access();
        access.namespace(PAGED).namespace(OTHER);

        ServiceAccountRef wide = access.serviceAccount("reader-it", "cluster-reader");
        access.clusterRole("reader-it-configmaps", "", List.of("configmaps", "namespaces"), List.of("get", "list"))
                .grantClusterWide(wide, "reader-it-configmaps");
        ServiceAccountRef narrow = access.serviceAccount("reader-it", "namespace-reader");
        access.grantInNamespace(narrow, PAGED, "reader-it-configmaps");
        clusterReader = CLUSTER.callerFor(wide);
        namespaceReader = CLUSTER.callerFor(narrow);

        ApiCatalog catalog = new Fabric8ResourceCatalog(pool, DiscoverySettings.defaults()).catalog(clusterReader);
        configMaps = RealCluster.type(catalog, "configmaps.v1");
        deployments = RealCluster.type(catalog, "deployments.v1.apps");
        RealCluster.eventually(() -> reader.list(clusterReader, request(configMaps, PAGED, 1)));
        RealCluster.eventually(() -> reader.list(namespaceReader, request(configMaps, PAGED, 1)));
    }

    @AfterAll
    static void tearDown() {
        pool.close();
    }

    private static ResourceQuery request(ResourceType type, String namespace, int limit) {
        ResourceQuery query = ResourceQuery.of(type).withLimit(new PageLimit(limit));
        return namespace == null ? query : query.inNamespace(new NamespaceName(namespace));
    }

    private static ResourceKey key(ResourceType type, String namespace, String name) {
        return new ResourceKey(type, NamespaceName.ofNullable(namespace), new ObjectName(name));
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
