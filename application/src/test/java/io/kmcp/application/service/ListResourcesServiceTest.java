package io.kmcp.application.service;

import static io.kmcp.application.service.TestTypes.CALLER;
import static io.kmcp.application.service.TestTypes.CATALOG;
import static io.kmcp.application.service.TestTypes.PODS;
import static io.kmcp.application.service.TestTypes.metadata;
import static io.kmcp.application.service.TestTypes.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.ListResourcesQuery;
import io.kmcp.application.port.in.ResourceList;
import io.kmcp.domain.policy.AccessPolicy;
import io.kmcp.domain.resource.ContinueToken;
import io.kmcp.domain.resource.FieldSelector;
import io.kmcp.domain.resource.LabelSelector;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.PageLimit;
import io.kmcp.domain.resource.ResourceQuery;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Listing resources")
class ListResourcesServiceTest {

    private final FakeCluster cluster = new FakeCluster(CATALOG)
            .with(PODS, "team", "web-1", object("v1", "Pod", "team", "web-1"))
            .with(PODS, "team", "web-2", object("v1", "Pod", "team", "web-2"))
            .with(PODS, "other", "db-0", object("v1", "Pod", "other", "db-0"));
    private final ListResourcesService service =
            new ListResourcesService(new TypeLookup(cluster, AccessPolicy.builtIn()), cluster);

    @Test
    @DisplayName("returns the objects of the resolved type in the namespace, without managed fields")
    void listsInNamespace() {
        ResourceList list = service.list(CALLER, query("po", "team", null));

        assertThat(list.type()).isEqualTo(PODS);
        assertThat(list.namespace()).contains("team");
        assertThat(list.items()).extracting(item -> metadata(item).get("name")).containsExactly("web-1", "web-2");
        assertThat(list.items()).allSatisfy(item -> assertThat(metadata(item)).doesNotContainKey("managedFields"));
        assertThat(cluster.calls).contains("list pods.v1 team");
    }

    @Test
    @DisplayName("no namespace lists every namespace")
    void listsAllNamespaces() {
        ResourceList list = service.list(CALLER, ListResourcesQuery.of("pods"));

        assertThat(list.namespace()).isEmpty();
        assertThat(list.items()).hasSize(3);
        assertThat(cluster.calls).contains("list pods.v1 *");
    }

    @Test
    @DisplayName("a page smaller than the result carries the continue token")
    void pages() {
        ResourceList list = service.list(CALLER, query("pods", null, 2));

        assertThat(list.items()).hasSize(2);
        assertThat(list.continueToken()).contains(FakeCluster.CONTINUE_PREFIX + 2);
        assertThat(list.remainingItemCount()).contains(1L);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"secrets", "Secret", "sa", "serviceaccounts", "roles.rbac.authorization.k8s.io"})
    @DisplayName("a restricted type is refused as restricted and nothing is listed")
    void restrictedTypesAreRefused(String resource) {
        assertThatThrownBy(() -> service.list(CALLER, ListResourcesQuery.of(resource)))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.RESTRICTED))
                .hasMessageContaining("restricted by this server's policy");
        assertThat(cluster.touchedObjects()).isFalse();
    }

    @Test
    @DisplayName("an unknown name is looked up again in fresh discovery before it is refused")
    void unknownTypeRefreshesDiscoveryOnce() {
        assertThatThrownBy(() -> service.list(CALLER, ListResourcesQuery.of("widgets")))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.UNKNOWN_TYPE));
        assertThat(cluster.refreshes).hasValue(1);
        assertThat(cluster.touchedObjects()).isFalse();
    }

    @Test
    @DisplayName("a type installed since discovery was cached is found after the refresh")
    void newlyInstalledTypeIsFound() {
        cluster.afterRefresh(TestTypes.CATALOG_WITH_WIDGETS);

        ResourceList list = service.list(CALLER, ListResourcesQuery.of("widgets"));

        assertThat(list.type()).isEqualTo(TestTypes.WIDGETS);
    }

    @Test
    @DisplayName("a type that cannot be listed is refused naming what it supports")
    void unsupportedVerb() {
        assertThatThrownBy(() -> service.list(CALLER, ListResourcesQuery.of("tokenreviews")))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.INVALID_ARGUMENT))
                .hasMessageContaining("does not support list")
                .hasMessageContaining("create");
        assertThat(cluster.touchedObjects()).isFalse();
    }

    @Test
    @DisplayName("a malformed namespace is refused before the type is even looked up")
    void malformedNamespace() {
        assertThatThrownBy(() -> service.list(CALLER, query("pods", "Not_A_Namespace", null)))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.INVALID_ARGUMENT));
        assertThat(cluster.calls).isEmpty();
    }

    @Test
    @DisplayName("a namespace given for a cluster-scoped type is refused")
    void namespaceForClusterScopedType() {
        assertThatThrownBy(() -> service.list(CALLER, query("namespaces", "team", null)))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.INVALID_ARGUMENT))
                .hasMessageContaining("cluster-scoped");
        assertThat(cluster.touchedObjects()).isFalse();
    }

    @Test
    @DisplayName("a limit above the maximum is refused, not silently clamped")
    void limitAboveMaximum() {
        assertThatThrownBy(() -> service.list(CALLER, query("pods", null, 100_000)))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.INVALID_ARGUMENT));
        assertThat(cluster.calls).isEmpty();
    }

    @Test
    @DisplayName("the API server's refusal reaches the caller unchanged")
    void apiServerRefusal() {
        cluster.failingWith(Reason.FORBIDDEN, "RBAC denied: cannot list pods");

        assertThatThrownBy(() -> service.list(CALLER, ListResourcesQuery.of("pods")))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.FORBIDDEN));
    }

    @Test
    @DisplayName("selectors, limit and continue token reach the cluster as given, the namespace with them")
    void argumentsReachTheCluster() {
        service.list(
                CALLER,
                new ListResourcesQuery(
                        "pods",
                        Optional.of(" team "),
                        Optional.of("app=web"),
                        Optional.of("status.phase=Running"),
                        Optional.of(7),
                        Optional.of(FakeCluster.CONTINUE_PREFIX + 2)));

        assertThat(cluster.listRequests)
                .containsExactly(new ResourceQuery(
                        PODS,
                        Optional.of(new NamespaceName("team")),
                        Optional.of(new LabelSelector("app=web")),
                        Optional.of(new FieldSelector("status.phase=Running")),
                        new PageLimit(7),
                        Optional.of(new ContinueToken(FakeCluster.CONTINUE_PREFIX + 2))));
    }

    @Test
    @DisplayName("blank selectors and continue token mean none, and the default page size applies")
    void blankArgumentsMeanNone() {
        service.list(
                CALLER,
                new ListResourcesQuery(
                        "pods",
                        Optional.of(""),
                        Optional.of(" "),
                        Optional.of(""),
                        Optional.empty(),
                        Optional.of(" ")));

        assertThat(cluster.listRequests).containsExactly(ResourceQuery.of(PODS));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"label", "field", "continue"})
    @DisplayName("a selector or continue token with a control character is refused before anything is sent")
    void malformedSelectorOrToken(String argument) {
        Optional<String> bad = Optional.of("app=web\nrole=admin");
        ListResourcesQuery query = new ListResourcesQuery(
                "pods",
                Optional.empty(),
                argument.equals("label") ? bad : Optional.empty(),
                argument.equals("field") ? bad : Optional.empty(),
                Optional.empty(),
                argument.equals("continue") ? bad : Optional.empty());

        assertThatThrownBy(() -> service.list(CALLER, query))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.INVALID_ARGUMENT));
        assertThat(cluster.calls).isEmpty();
    }

    private static ListResourcesQuery query(String resource, String namespace, Integer limit) {
        return new ListResourcesQuery(
                resource,
                Optional.ofNullable(namespace),
                Optional.empty(),
                Optional.empty(),
                Optional.ofNullable(limit),
                Optional.empty());
    }
}
