package io.kmcp.application.service;

import static io.kmcp.application.service.TestTypes.CALLER;
import static io.kmcp.application.service.TestTypes.CONFIG_MAPS;
import static io.kmcp.application.service.TestTypes.NAMESPACES;
import static io.kmcp.application.service.TestTypes.PODS;
import static io.kmcp.application.service.TestTypes.SECRETS;
import static io.kmcp.application.service.TestTypes.WIDGETS;
import static io.kmcp.application.service.TestTypes.catalogWith;
import static io.kmcp.application.service.TestTypes.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.application.Problem.Reason;
import io.kmcp.application.port.in.Completion;
import io.kmcp.application.port.in.CompletionQuery;
import io.kmcp.application.port.in.CompletionQuery.Target;
import io.kmcp.domain.policy.AccessPolicy;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Completing types, namespaces and names")
class CompleteNamesServiceTest {

    private final FakeCluster cluster = new FakeCluster(catalogWith(CONFIG_MAPS, WIDGETS))
            .with(NAMESPACES, null, "shop", object("v1", "Namespace", null, "shop"))
            .with(NAMESPACES, null, "staging", object("v1", "Namespace", null, "staging"))
            .with(NAMESPACES, null, "kube-system", object("v1", "Namespace", null, "kube-system"))
            .with(PODS, "shop", "web-1", object("v1", "Pod", "shop", "web-1"))
            .with(PODS, "shop", "web-2", object("v1", "Pod", "shop", "web-2"))
            .with(PODS, "shop", "db-0", object("v1", "Pod", "shop", "db-0"))
            .with(PODS, "staging", "web-9", object("v1", "Pod", "staging", "web-9"))
            .with(SECRETS, "shop", "web-token", object("v1", "Secret", "shop", "web-token"));
    private final CompleteNamesService service =
            new CompleteNamesService(new TypeLookup(cluster, AccessPolicy.builtIn()), cluster);

    @Test
    @DisplayName("types are offered as kubectl names them, matched by plural, kind or short name")
    void typesFromAPrefix() {
        assertThat(complete(Target.TYPE, "po").values()).containsExactly("pods");
        assertThat(complete(Target.TYPE, "Dep").values()).containsExactly("deployments.apps");
        assertThat(complete(Target.TYPE, "wd").values()).containsExactly("widgets.example.com");
        assertThat(complete(Target.TYPE, "c").values()).containsExactly("configmaps");
    }

    @Test
    @DisplayName("an empty prefix offers every usable type in order, and no restricted one")
    void everyUsableType() {
        Completion completion = complete(Target.TYPE, "");

        assertThat(completion.values())
                .containsExactly("configmaps", "deployments.apps", "namespaces", "pods", "widgets.example.com");
        assertThat(completion.total()).isEqualTo(5);
        assertThat(completion.hasMore()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"se", "secret", "sa", "serviceaccount", "ro", "rbac", "tokenreviews"})
    @DisplayName("a restricted type, or one that cannot be listed, is never offered")
    void restrictedTypesAreNeverOffered(String prefix) {
        assertThat(complete(Target.TYPE, prefix).values()).isEmpty();
    }

    @Test
    @DisplayName("namespaces come from a list with the caller's token, filtered by the prefix")
    void namespaces() {
        Completion completion = complete(Target.NAMESPACE, "s");

        assertThat(completion.values()).containsExactly("shop", "staging");
        assertThat(completion.total()).isEqualTo(2);
        assertThat(cluster.calls).contains("list namespaces.v1 *");
    }

    @Test
    @DisplayName("a caller who may not list namespaces is offered none, and no failure")
    void namespacesDenied() {
        cluster.failingFor(NAMESPACES, Reason.FORBIDDEN, "namespaces is forbidden");

        assertThat(complete(Target.NAMESPACE, "")).isEqualTo(Completion.none());
    }

    @Test
    @DisplayName("names are those of the type in the namespace, in one bounded list")
    void namesInANamespace() {
        Completion completion = service.complete(CALLER, names("po", "shop", "web"));

        assertThat(completion.values()).containsExactly("web-1", "web-2");
        assertThat(cluster.calls).contains("list pods.v1 shop");
        assertThat(cluster.listRequests)
                .singleElement()
                .satisfies(query -> assertThat(query.limit()).isEqualTo(CompleteNamesService.ONE_PAGE));
    }

    @Test
    @DisplayName("without a namespace, names of every namespace the caller may list")
    void namesEverywhere() {
        Completion completion = service.complete(
                CALLER, new CompletionQuery(Target.NAME, "web", Optional.of("pods"), Optional.empty()));

        assertThat(completion.values()).containsExactly("web-1", "web-2", "web-9");
        assertThat(cluster.calls).contains("list pods.v1 *");
    }

    @Test
    @DisplayName("a cluster-scoped type ignores the namespace")
    void clusterScopedNames() {
        Completion completion = service.complete(CALLER, names("ns", "shop", "kube"));

        assertThat(completion.values()).containsExactly("kube-system");
        assertThat(cluster.calls).contains("list namespaces.v1 *");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"secrets", "Secret", "sa", "roles.rbac.authorization.k8s.io"})
    @DisplayName("names of a restricted type are never read nor offered")
    void restrictedNames(String type) {
        assertThat(service.complete(CALLER, names(type, "shop", ""))).isEqualTo(Completion.none());
        assertThat(cluster.touchedObjects()).isFalse();
    }

    @Test
    @DisplayName("names need a type; an unknown one or a bad namespace offers nothing")
    void namesNeedAKnownType() {
        assertThat(service.complete(CALLER, CompletionQuery.of(Target.NAME, "web")))
                .isEqualTo(Completion.none());
        assertThat(service.complete(CALLER, names(" ", "shop", "web"))).isEqualTo(Completion.none());
        assertThat(service.complete(CALLER, names("gadgets", "shop", "web"))).isEqualTo(Completion.none());
        assertThat(service.complete(CALLER, names("pods", "Not_A_Namespace", "web")))
                .isEqualTo(Completion.none());
        assertThat(cluster.touchedObjects()).isFalse();
    }

    @Test
    @DisplayName("a listing cut at one page says more may exist")
    void cutListingHasMore() {
        FakeCluster big = new FakeCluster(catalogWith(CONFIG_MAPS));
        for (int i = 0; i < CompleteNamesService.ONE_PAGE.value() + 1; i++) {
            String name = "cm-%04d".formatted(i);
            big.with(CONFIG_MAPS, "shop", name, object("v1", "ConfigMap", "shop", name));
        }
        CompleteNamesService completions = new CompleteNamesService(new TypeLookup(big, AccessPolicy.builtIn()), big);

        Completion completion = completions.complete(CALLER, names("configmaps", "shop", "cm-"));

        assertThat(completion.values()).hasSize(Completion.MAX_VALUES).startsWith("cm-0000");
        assertThat(completion.total()).isEqualTo(CompleteNamesService.ONE_PAGE.value());
        assertThat(completion.hasMore()).isTrue();
    }

    private Completion complete(Target target, String prefix) {
        return service.complete(CALLER, CompletionQuery.of(target, prefix));
    }

    private static CompletionQuery names(String type, String namespace, String prefix) {
        return new CompletionQuery(Target.NAME, prefix, Optional.of(type), Optional.of(namespace));
    }
}
