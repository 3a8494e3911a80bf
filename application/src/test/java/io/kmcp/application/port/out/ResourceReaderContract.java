package io.kmcp.application.port.out;

import static io.kmcp.application.port.out.ContractObjects.assertFrozen;
import static io.kmcp.application.port.out.ContractObjects.configMap;
import static io.kmcp.application.port.out.ContractObjects.namespace;
import static io.kmcp.application.port.out.ContractObjects.placesOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.resource.ContinueToken;
import io.kmcp.domain.resource.FieldSelector;
import io.kmcp.domain.resource.LabelSelector;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.ObjectName;
import io.kmcp.domain.resource.PageLimit;
import io.kmcp.domain.resource.ResourceKey;
import io.kmcp.domain.resource.ResourceQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ResourceReader} does, the in-memory one of the use case tests and the fabric8 one
 * on a real API server alike, so that the fake cannot drift from the adapter. Each test keeps to
 * namespaces and labels of its own, since a real cluster is shared by the tests of a run.
 */
public abstract class ResourceReaderContract {

    private static final String PREFIX = "reader-contract-";

    protected abstract ClusterUnderContract cluster();

    protected abstract ResourceReader reader();

    private String givenNamespace(String suffix) {
        String name = PREFIX + suffix;
        cluster().store(cluster().namespaces(), namespace(name));
        return name;
    }

    private void givenConfigMap(String namespace, String name, Map<String, String> labels) {
        cluster().store(cluster().configMaps(), configMap(namespace, name, labels, Map.of("name", name)));
    }

    private ResourceQuery configMapsIn(String namespace) {
        return ResourceQuery.of(cluster().configMaps()).inNamespace(new NamespaceName(namespace));
    }

    private ResourcePage list(ResourceQuery query) {
        return reader().list(cluster().caller(), query);
    }

    @Test
    @DisplayName("get answers the object with its apiVersion, kind, metadata and content")
    void getsByKey() {
        String namespace = givenNamespace("get");
        givenConfigMap(namespace, "settings", Map.of());

        Optional<Map<String, Object>> found = reader().get(
                        cluster().caller(),
                        ResourceKey.namespaced(
                                cluster().configMaps(), new NamespaceName(namespace), new ObjectName("settings")));

        assertThat(found).hasValueSatisfying(object -> {
            assertThat(object).containsEntry("apiVersion", "v1").containsEntry("kind", "ConfigMap");
            assertThat(object).containsEntry("data", Map.of("name", "settings"));
            assertThat(placesOf(List.of(object))).containsExactly(namespace + "/settings");
        });
    }

    @Test
    @DisplayName("what get and list answer is frozen: no map or list in it can be changed, however deep")
    void answersFrozen() {
        String namespace = givenNamespace("frozen");
        givenConfigMap(namespace, "settings", Map.of("tier", "web"));
        ResourceKey key = ResourceKey.namespaced(
                cluster().configMaps(), new NamespaceName(namespace), new ObjectName("settings"));

        Map<String, Object> found = reader().get(cluster().caller(), key).orElseThrow();
        ResourcePage page = list(configMapsIn(namespace));

        assertThat(found).containsKey("metadata");
        assertFrozen(found);
        assertThat(page.items()).hasSize(1);
        assertFrozen(page.items());
    }

    @Test
    @DisplayName("get answers empty for a name that does not exist, or one in another namespace")
    void getsNothingMissing() {
        String here = givenNamespace("missing-here");
        String there = givenNamespace("missing-there");
        givenConfigMap(there, "elsewhere", Map.of());

        assertThat(reader().get(
                                cluster().caller(),
                                ResourceKey.namespaced(
                                        cluster().configMaps(), new NamespaceName(here), new ObjectName("nope"))))
                .isEmpty();
        assertThat(reader().get(
                                cluster().caller(),
                                ResourceKey.namespaced(
                                        cluster().configMaps(), new NamespaceName(here), new ObjectName("elsewhere"))))
                .isEmpty();
    }

    @Test
    @DisplayName("get of a cluster-scoped object needs no namespace")
    void getsClusterScoped() {
        String namespace = givenNamespace("cluster-scoped");

        Optional<Map<String, Object>> found = reader().get(
                        cluster().caller(),
                        ResourceKey.clusterScoped(cluster().namespaces(), new ObjectName(namespace)));

        assertThat(found).hasValueSatisfying(object -> {
            assertThat(object).containsEntry("kind", "Namespace");
            assertThat(placesOf(List.of(object))).containsExactly(namespace);
        });
    }

    @Test
    @DisplayName("a list in a namespace holds that namespace's objects, by name, each with apiVersion and kind")
    void listsOneNamespace() {
        String namespace = givenNamespace("one");
        String other = givenNamespace("one-other");
        givenConfigMap(namespace, "b", Map.of());
        givenConfigMap(namespace, "a", Map.of());
        givenConfigMap(other, "c", Map.of());

        ResourcePage page = list(configMapsIn(namespace));

        assertThat(placesOf(page.items())).containsExactly(namespace + "/a", namespace + "/b");
        assertThat(page.items())
                .allSatisfy(item ->
                        assertThat(item).containsEntry("apiVersion", "v1").containsEntry("kind", "ConfigMap"));
        assertThat(page.continueToken()).isEmpty();
        assertThat(page.remainingItemCount()).isEmpty();
    }

    @Test
    @DisplayName("a list without a namespace spans every namespace, by namespace then name")
    void listsAcrossNamespaces() {
        String first = givenNamespace("across-1");
        String second = givenNamespace("across-2");
        Map<String, String> labels = Map.of("contract", "across");
        givenConfigMap(second, "a", labels);
        givenConfigMap(first, "b", labels);
        givenConfigMap(first, "a", labels);

        ResourcePage page =
                list(ResourceQuery.of(cluster().configMaps()).withLabelSelector(new LabelSelector("contract=across")));

        assertThat(placesOf(page.items())).containsExactly(first + "/a", first + "/b", second + "/a");
    }

    @Test
    @DisplayName("a list of a cluster-scoped type names no namespace")
    void listsClusterScoped() {
        String namespace = givenNamespace("listed");

        ResourcePage page = list(ResourceQuery.of(cluster().namespaces())
                .withFieldSelector(new FieldSelector("metadata.name=" + namespace)));

        assertThat(placesOf(page.items())).containsExactly(namespace);
    }

    @Test
    @DisplayName("label selectors select by equality, inequality, set and existence")
    void labelSelectors() {
        String namespace = givenNamespace("labels");
        givenConfigMap(namespace, "one", Map.of("parity", "odd", "tier", "web"));
        givenConfigMap(namespace, "two", Map.of("parity", "even"));
        givenConfigMap(namespace, "three", Map.of("parity", "odd"));
        givenConfigMap(namespace, "plain", Map.of());

        assertThat(names(list(configMapsIn(namespace).withLabelSelector(new LabelSelector("parity=odd")))))
                .containsExactly("one", "three");
        assertThat(names(list(configMapsIn(namespace).withLabelSelector(new LabelSelector("parity!=odd")))))
                .containsExactly("plain", "two");
        assertThat(names(list(configMapsIn(namespace).withLabelSelector(new LabelSelector("parity in (even,x)")))))
                .containsExactly("two");
        assertThat(names(list(configMapsIn(namespace).withLabelSelector(new LabelSelector("parity,!tier")))))
                .containsExactly("three", "two");
    }

    @Test
    @DisplayName("a field selector on the name selects that object")
    void fieldSelector() {
        String namespace = givenNamespace("fields");
        givenConfigMap(namespace, "wanted", Map.of());
        givenConfigMap(namespace, "other", Map.of());

        assertThat(names(list(configMapsIn(namespace).withFieldSelector(new FieldSelector("metadata.name=wanted")))))
                .containsExactly("wanted");
    }

    @Test
    @DisplayName("pages follow the continue token without repeats or gaps, counting what is left until the last")
    void pages() {
        String namespace = givenNamespace("pages");
        for (String name : List.of("cm-0", "cm-1", "cm-2", "cm-3", "cm-4")) {
            givenConfigMap(namespace, name, Map.of());
        }
        ResourceQuery query = configMapsIn(namespace).withLimit(new PageLimit(2));

        ResourcePage first = list(query);
        ResourcePage second = list(query.continuingFrom(tokenOf(first)));
        ResourcePage last = list(query.continuingFrom(tokenOf(second)));

        List<String> seen = new ArrayList<>();
        List.of(first, second, last).forEach(page -> seen.addAll(names(page)));
        assertThat(seen).containsExactly("cm-0", "cm-1", "cm-2", "cm-3", "cm-4");
        assertThat(first.remainingItemCount()).contains(3L);
        assertThat(second.remainingItemCount()).contains(1L);
        assertThat(last.continueToken()).isEmpty();
        assertThat(last.remainingItemCount()).isEmpty();
    }

    @Test
    @DisplayName("a page cut under a selector has a continue token but no count of what is left")
    void selectedPages() {
        String namespace = givenNamespace("selected-pages");
        for (String name : List.of("a", "b", "c")) {
            givenConfigMap(namespace, name, Map.of("paged", "yes"));
        }

        ResourcePage first = list(configMapsIn(namespace)
                .withLabelSelector(new LabelSelector("paged=yes"))
                .withLimit(new PageLimit(1)));

        assertThat(names(first)).containsExactly("a");
        assertThat(first.continueToken()).isPresent();
        assertThat(first.remainingItemCount()).isEmpty();
    }

    @Test
    @DisplayName("a namespace without objects of the type lists nothing")
    void listsNothing() {
        String namespace = givenNamespace("empty");

        ResourcePage page = list(configMapsIn(namespace));

        assertThat(page.items()).isEmpty();
        assertThat(page.continueToken()).isEmpty();
    }

    private static ContinueToken tokenOf(ResourcePage page) {
        return new ContinueToken(page.continueToken().orElseThrow());
    }

    private static List<String> names(ResourcePage page) {
        return page.items().stream().map(ContractObjects::nameOf).toList();
    }
}
