package io.kmcp.domain.apply;

import static io.kmcp.domain.fixtures.ManifestFixture.document;
import static io.kmcp.domain.fixtures.ManifestFixture.list;
import static io.kmcp.domain.fixtures.ManifestFixture.metadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading a stream of documents")
class ManifestsTest {

    private final Map<String, Object> configMap = document("v1", "ConfigMap", "shop", "settings");
    private final Map<String, Object> deployment = document("apps/v1", "Deployment", "shop", "web");
    private final Map<String, Object> service = document("v1", "Service", "shop", "web");

    @Test
    @DisplayName("numbers documents as written, from 1, and drops empty ones")
    void numbersDocuments() {
        List<Map<String, ?>> documents = Arrays.asList(configMap, null, new HashMap<>(), deployment);

        List<Document> expanded = Manifests.expand(documents);

        assertThat(expanded)
                .containsExactly(new Document(Position.of(1), configMap), new Document(Position.of(4), deployment));
    }

    @Test
    @DisplayName("replaces a kind: List by its items, numbered within the list")
    void expandsLists() {
        List<Document> expanded = Manifests.expand(List.of(list("List", List.of(configMap, deployment)), service));

        assertThat(expanded)
                .containsExactly(
                        new Document(Position.of(1).item(1), configMap),
                        new Document(Position.of(1).item(2), deployment),
                        new Document(Position.of(2), service));
    }

    @Test
    @DisplayName("expands *List objects too, and lists within lists")
    void expandsTypedAndNestedLists() {
        Map<String, Object> inner = list("DeploymentList", List.of(deployment));

        List<Document> expanded = Manifests.expand(List.of(list("List", List.of(inner, configMap))));

        assertThat(expanded)
                .containsExactly(
                        new Document(Position.of(1).item(1).item(1), deployment),
                        new Document(Position.of(1).item(2), configMap));
    }

    @Test
    @DisplayName("keeps a named object whose kind merely ends in List")
    void keepsNamedListKinds() {
        Map<String, Object> allowList = document("example.com/v1", "IPAllowList", "shop", "office");
        allowList.put("items", List.of("10.0.0.0/8"));
        Map<String, Object> withoutItems = document("example.com/v1", "WatchList", null, "x");

        assertThat(Manifests.isList(allowList)).isFalse();
        assertThat(Manifests.isList(withoutItems)).isFalse();
        assertThat(Manifests.isList(list("PodList", List.of()))).isTrue();
        assertThat(Manifests.isList(Map.of("items", List.of()))).isFalse();
        assertThat(Manifests.expand(List.of(allowList))).hasSize(1);
    }

    @Test
    @DisplayName("treats a List without items as empty")
    void emptyList() {
        Map<String, Object> emptyList = list("List", List.of());
        emptyList.remove("items");

        assertThat(Manifests.expand(List.of(emptyList))).isEmpty();
    }

    @Test
    @DisplayName("refuses lists nested deeper than 3, items that are not objects, and items that are not a list")
    void rejectsBadLists() {
        Map<String, Object> deep =
                list("List", List.of(list("List", List.of(list("List", List.of(list("List", List.of(configMap))))))));
        Map<String, Object> notAList = list("List", List.of());
        notAList.put("items", "oops");

        assertThat(Manifests.expand(List.of(list(
                        "List", List.of(list("List", List.of(list("List", List.of(configMap)))))))))
                .hasSize(1);
        assertThatThrownBy(() -> Manifests.expand(List.of(deep, list("List", List.of("text")), notAList)))
                .isInstanceOfSatisfying(
                        InvalidManifestException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        new ManifestProblem(
                                                Position.of(1).item(1).item(1).item(1),
                                                "lists are nested more than 3 deep; write the objects as separate documents"
                                                        + " instead"),
                                        new ManifestProblem(
                                                Position.of(2).item(1),
                                                "an item of a List must be an object with apiVersion, kind and metadata"),
                                        new ManifestProblem(
                                                Position.of(3), "items of a List must be a list of objects")));
    }

    @Test
    @DisplayName("expands one document at a given position")
    void expandsOne() {
        assertThat(Manifests.expand(5, list("List", List.of(configMap))))
                .containsExactly(new Document(Position.of(5).item(1), configMap));
        assertThatThrownBy(() -> Manifests.expand(2, list("List", List.of(1))))
                .isInstanceOf(InvalidManifestException.class)
                .hasMessageStartingWith("A document cannot be applied: document 2, item 1:");
    }

    @Test
    @DisplayName("turns documents into manifests")
    void parses() {
        List<Manifest> manifests = Manifests.parse(List.of(list("List", List.of(configMap)), deployment));

        assertThat(manifests)
                .extracting(Manifest::position)
                .containsExactly(Position.of(1).item(1), Position.of(2));
    }

    @Test
    @DisplayName("reports every bad document at once, not only the first")
    void reportsAllProblems() {
        Map<String, Object> unnamed = document("v1", "ConfigMap", null, "x");
        metadata(unnamed).remove("name");
        Map<String, Object> kindless = new HashMap<>(deployment);
        kindless.remove("kind");
        List<Map<String, ?>> documents = new ArrayList<>(List.of(configMap, unnamed, kindless));

        assertThatThrownBy(() -> Manifests.parse(documents))
                .isInstanceOf(InvalidManifestException.class)
                .hasMessage("2 problems in the documents; fix them all and send the request again:\n"
                        + "document 2: metadata.name is missing; every object applied needs a name\n"
                        + "document 3: kind is missing; e.g. Deployment");
    }

    @Test
    @DisplayName("an invalid-manifest error always names at least one problem")
    void needsProblems() {
        assertThatThrownBy(() -> new InvalidManifestException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
