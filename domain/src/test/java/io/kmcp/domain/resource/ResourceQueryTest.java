package io.kmcp.domain.resource;

import static io.kmcp.domain.fixtures.ClusterCatalogFixture.NODES;
import static io.kmcp.domain.fixtures.ClusterCatalogFixture.PODS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.domain.InvalidInputException;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading resources")
class ResourceQueryTest {

    private final NamespaceName shop = new NamespaceName("shop");
    private final ObjectName web = new ObjectName("web-0");

    @Test
    @DisplayName("a query lists the first page of every namespace with the default limit unless told otherwise")
    void defaults() {
        ResourceQuery query = ResourceQuery.of(PODS);

        assertThat(query.namespace()).isEmpty();
        assertThat(query.spansAllNamespaces()).isTrue();
        assertThat(query.limit()).isEqualTo(PageLimit.defaultLimit());
        assertThat(query.labelSelector()).isEmpty();
        assertThat(query.fieldSelector()).isEmpty();
        assertThat(query.continueToken()).isEmpty();
    }

    @Test
    @DisplayName("a query can be narrowed step by step")
    void narrows() {
        ResourceQuery query = ResourceQuery.of(PODS)
                .inNamespace(shop)
                .withLabelSelector(new LabelSelector("app=web"))
                .withFieldSelector(new FieldSelector("status.phase=Running"))
                .withLimit(new PageLimit(10))
                .continuingFrom(new ContinueToken("next"));

        assertThat(query)
                .isEqualTo(new ResourceQuery(
                        PODS,
                        Optional.of(shop),
                        Optional.of(new LabelSelector("app=web")),
                        Optional.of(new FieldSelector("status.phase=Running")),
                        new PageLimit(10),
                        Optional.of(new ContinueToken("next"))));
        assertThat(query.spansAllNamespaces()).isFalse();
    }

    @Test
    @DisplayName("a query of a cluster-scoped type names no namespace")
    void clusterScopedQuery() {
        assertThat(ResourceQuery.of(NODES).spansAllNamespaces()).isFalse();
        assertThatThrownBy(() -> ResourceQuery.of(NODES).inNamespace(shop))
                .isInstanceOfSatisfying(NamespaceScopeException.class, e -> {
                    assertThat(e.namespaceMissing()).isFalse();
                    assertThat(e.type()).isEqualTo(NODES);
                })
                .hasMessage("nodes.v1 is cluster-scoped, so its objects are in no namespace; leave the namespace out.");
    }

    @Test
    @DisplayName("a read spanning types narrows namespaced types to its namespace and lists cluster-scoped ones whole")
    void queryWithinNamespace() {
        assertThat(ResourceQuery.of(PODS).within(Optional.of(shop)).namespace()).contains(shop);
        assertThat(ResourceQuery.of(PODS).within(Optional.empty()).namespace()).isEmpty();
        assertThat(ResourceQuery.of(NODES).within(Optional.of(shop))).isEqualTo(ResourceQuery.of(NODES));
    }

    @Test
    @DisplayName("a key of a namespaced type needs its namespace")
    void namespacedKey() {
        ResourceKey key = ResourceKey.namespaced(PODS, shop, web);

        assertThat(key).hasToString("pods.v1 shop/web-0");
        assertThatThrownBy(() -> new ResourceKey(PODS, Optional.empty(), web))
                .isInstanceOfSatisfying(NamespaceScopeException.class, e -> {
                    assertThat(e.namespaceMissing()).isTrue();
                    assertThat(e.type()).isEqualTo(PODS);
                })
                .hasMessage("pods.v1 is namespaced: name the namespace of web-0 as well.");
    }

    @Test
    @DisplayName("a key of a cluster-scoped type has no namespace")
    void clusterScopedKey() {
        assertThat(ResourceKey.clusterScoped(NODES, new ObjectName("worker-1"))).hasToString("nodes.v1 worker-1");
        assertThatThrownBy(() -> new ResourceKey(NODES, Optional.of(shop), web))
                .isInstanceOfSatisfying(
                        NamespaceScopeException.class,
                        e -> assertThat(e.namespaceMissing()).isFalse())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("nodes.v1 is cluster-scoped, so web-0 is in no namespace; leave the namespace out.");
    }

    @Test
    @DisplayName("a key within a read spanning types has the namespace only if its type is namespaced")
    void keyWithinNamespace() {
        ObjectName worker = new ObjectName("worker-1");

        assertThat(ResourceKey.within(Optional.of(shop), PODS, web)).isEqualTo(ResourceKey.namespaced(PODS, shop, web));
        assertThat(ResourceKey.within(Optional.of(shop), NODES, worker))
                .isEqualTo(ResourceKey.clusterScoped(NODES, worker));
        assertThatThrownBy(() -> ResourceKey.within(Optional.empty(), PODS, web))
                .isInstanceOf(NamespaceScopeException.class);
    }
}
