package io.kmcp.application.service;

import static io.kmcp.application.service.TestTypes.ALL_VERBS;
import static io.kmcp.application.service.TestTypes.CALLER;
import static io.kmcp.application.service.TestTypes.CATALOG;
import static io.kmcp.application.service.TestTypes.PODS;
import static io.kmcp.application.service.TestTypes.catalogWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.domain.policy.AccessPolicy;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.Verb;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Looking up the type a caller names")
class TypeLookupTest {

    @Test
    @DisplayName("a name that resolves from the cached catalog does not refresh discovery")
    void cachedNameNeedsNoRefresh() {
        FakeCluster cluster = new FakeCluster(CATALOG);

        assertThat(new TypeLookup(cluster, AccessPolicy.builtIn()).resolve(CALLER, "po", Verb.GET))
                .isEqualTo(PODS);
        assertThat(cluster.refreshes).hasValue(0);
    }

    @Test
    @DisplayName("a name served by two groups, neither core, is ambiguous and the message lists both")
    void ambiguous() {
        TypeLookup lookup = new TypeLookup(
                new FakeCluster(catalogWith(widgets("example.com", ALL_VERBS), widgets("example.org", ALL_VERBS))),
                AccessPolicy.builtIn());

        assertThatThrownBy(() -> lookup.resolve(CALLER, "widgets", Verb.GET))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.AMBIGUOUS_TYPE))
                .hasMessageContaining("widgets.v1.example.com")
                .hasMessageContaining("widgets.v1.example.org");
    }

    @Test
    @DisplayName("a verb the type lacks is refused listing its verbs in a fixed order")
    void unsupportedVerbListsVerbsInOrder() {
        TypeLookup lookup = new TypeLookup(
                new FakeCluster(catalogWith(widgets("example.com", EnumSet.of(Verb.PATCH, Verb.GET)))),
                AccessPolicy.builtIn());

        assertThatThrownBy(() -> lookup.resolve(CALLER, "widgets", Verb.LIST))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.INVALID_ARGUMENT))
                .hasMessage("widgets.v1.example.com does not support list; it supports get, patch.");
    }

    @Test
    @DisplayName("a type without any verb k-mcp uses says so instead of listing nothing")
    void noUsableVerb() {
        TypeLookup lookup =
                new TypeLookup(new FakeCluster(catalogWith(widgets("example.com", Set.of()))), AccessPolicy.builtIn());

        assertThatThrownBy(() -> lookup.resolve(CALLER, "widgets", Verb.GET))
                .hasMessage("widgets.v1.example.com does not support get; it supports no verb k-mcp uses.");
    }

    @Test
    @DisplayName("a malformed name is refused in the domain's words before discovery is asked")
    void malformedName() {
        FakeCluster cluster = new FakeCluster(CATALOG);

        assertThatThrownBy(() -> new TypeLookup(cluster, AccessPolicy.builtIn()).resolve(CALLER, "pods/", Verb.GET))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.INVALID_ARGUMENT))
                .hasMessageContaining("pods/");
        assertThat(cluster.calls).isEmpty();
    }

    private static ResourceType widgets(String group, Set<Verb> verbs) {
        return new ResourceType(group, "v1", "Widget", "widgets", "widget", List.of(), true, verbs);
    }
}
