package io.kmcp.domain.apply;

import static io.kmcp.domain.fixtures.ManifestFixture.crd;
import static io.kmcp.domain.fixtures.ManifestFixture.document;
import static io.kmcp.domain.fixtures.ManifestFixture.metadata;
import static io.kmcp.domain.fixtures.ManifestFixture.namespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.domain.InvalidInputException;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.ObjectName;
import io.kmcp.domain.type.TypeReference;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A manifest")
class ManifestTest {

    @Test
    @DisplayName("is read from a document: apiVersion, kind, namespace, name and the whole body")
    void reads() {
        Map<String, Object> document = document("apps/v1", "Deployment", "shop", "web");

        Manifest manifest = Manifest.from(2, document);

        assertThat(manifest.position()).isEqualTo(Position.of(2));
        assertThat(manifest.apiVersion()).isEqualTo("apps/v1");
        assertThat(manifest.kind()).isEqualTo("Deployment");
        assertThat(manifest.namespace()).contains(new NamespaceName("shop"));
        assertThat(manifest.name()).isEqualTo(new ObjectName("web"));
        assertThat(manifest.body()).isEqualTo(document);
        assertThat(manifest.group()).isEqualTo("apps");
        assertThat(manifest.version()).isEqualTo("v1");
        assertThat(manifest.typeReference()).isEqualTo(TypeReference.exactly("Deployment", "v1", "apps"));
        assertThat(manifest.describe()).isEqualTo("document 2 (apps/v1 Deployment shop/web)");
    }

    @Test
    @DisplayName("of the core group has the group \"\"")
    void core() {
        Manifest manifest = Manifest.from(1, document("v1", "ConfigMap", null, "settings"));

        assertThat(manifest.group()).isEmpty();
        assertThat(manifest.version()).isEqualTo("v1");
        assertThat(manifest.namespace()).isEmpty();
        assertThat(manifest.describe()).isEqualTo("document 1 (v1 ConfigMap settings)");
    }

    @Test
    @DisplayName("keeps its own unmodifiable copy of the document")
    void copies() {
        Map<String, Object> document = document("v1", "ConfigMap", "shop", "settings");
        Manifest manifest = Manifest.from(1, document);

        document.put("data", Map.of("a", "b"));

        assertThat(manifest.body()).doesNotContainKey("data");
        assertThatThrownBy(() -> manifest.body().put("data", "x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("knows Namespaces and CustomResourceDefinitions by group and kind")
    void specialKinds() {
        assertThat(Manifest.from(1, namespace("shop")).isNamespace()).isTrue();
        assertThat(Manifest.from(1, document("example.com/v1", "Namespace", null, "x"))
                        .isNamespace())
                .isFalse();
        assertThat(Manifest.from(1, crd("example.com", "Widget", "widgets")).isCustomResourceDefinition())
                .isTrue();
        assertThat(Manifest.from(1, document("example.com/v1", "CustomResourceDefinition", null, "x"))
                        .isCustomResourceDefinition())
                .isFalse();
        assertThat(Manifest.from(1, document("v1", "ConfigMap", null, "x")).isNamespace())
                .isFalse();
    }

    @Test
    @DisplayName("can be placed in a namespace, body included")
    void placedInNamespace() {
        Manifest manifest = Manifest.from(3, document("v1", "ConfigMap", null, "settings"));

        Manifest placed = manifest.inNamespace(new NamespaceName("shop"));

        assertThat(placed.namespace()).contains(new NamespaceName("shop"));
        assertThat(metadata(placed.body())).containsEntry("namespace", "shop");
        assertThat(placed.position()).isEqualTo(Position.of(3));
        assertThat(manifest.namespace()).isEmpty();
    }

    @Test
    @DisplayName("built directly must agree with its body")
    void agreesWithBody() {
        Map<String, Object> body = document("v1", "ConfigMap", "shop", "settings");

        assertThat(new Manifest(
                        Position.of(1),
                        "v1",
                        "ConfigMap",
                        Optional.of(new NamespaceName("shop")),
                        new ObjectName("settings"),
                        body))
                .isEqualTo(Manifest.from(1, body));
        assertThatThrownBy(() -> new Manifest(
                        Position.of(1), "v1", "ConfigMap", Optional.empty(), new ObjectName("settings"), body))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not agree");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no apiVersion|apiVersion|apiVersion is missing; e.g. apps/v1 or v1",
                "no kind|kind|kind is missing; e.g. Deployment",
                "no name|name|metadata.name is missing; every object applied needs a name",
            })
    @DisplayName("refuses a document that lacks what server-side apply needs")
    void rejectsMissingFields(String description, String field, String problem) {
        Map<String, Object> document = document("v1", "ConfigMap", null, "settings");
        if (field.equals("name")) {
            metadata(document).remove("name");
        } else {
            document.remove(field);
        }

        assertThatThrownBy(() -> Manifest.from(4, document))
                .isInstanceOf(InvalidManifestException.class)
                .hasMessage("A document cannot be applied: document 4: " + problem);
    }

    @Test
    @DisplayName("refuses a document without metadata")
    void rejectsMissingMetadata() {
        Map<String, Object> document = document("v1", "ConfigMap", null, "settings");
        document.put("metadata", "settings");

        assertThatThrownBy(() -> Manifest.from(1, document))
                .hasMessageEndingWith("metadata.name is missing; every object applied needs a name");
    }

    @Test
    @DisplayName("refuses generateName, which server-side apply cannot honour")
    void rejectsGenerateName() {
        Map<String, Object> document = document("v1", "Pod", null, "");
        metadata(document).put("generateName", "job-");

        assertThatThrownBy(() -> Manifest.from(1, document))
                .isInstanceOf(InvalidManifestException.class)
                .hasMessageEndingWith("metadata.generateName is not supported: server-side apply needs a fixed name, so"
                        + " set metadata.name instead");
    }

    @Test
    @DisplayName("accepts generateName beside a fixed name, which the server then ignores")
    void generateNameWithName() {
        Map<String, Object> document = document("v1", "Pod", null, "job-1");
        metadata(document).put("generateName", "job-");

        assertThat(Manifest.from(1, document).name()).isEqualTo(new ObjectName("job-1"));
    }

    @Test
    @DisplayName("refuses a List, which must be expanded first")
    void rejectsLists() {
        assertThatThrownBy(() -> Manifest.from(1, document("v1", "List", null, "x")))
                .hasMessageEndingWith("kind List holds several objects; expand it into its items first");
    }

    @Test
    @DisplayName("refuses fields of the wrong type")
    void rejectsWrongTypes() {
        Map<String, Object> numericKind = document("v1", "ConfigMap", null, "x");
        numericKind.put("kind", 42);
        Map<String, Object> numericNamespace = document("v1", "ConfigMap", null, "x");
        metadata(numericNamespace).put("namespace", 7);

        assertThatThrownBy(() -> Manifest.from(1, numericKind))
                .hasMessageEndingWith("kind must be a string; e.g. Deployment");
        assertThatThrownBy(() -> Manifest.from(1, numericNamespace))
                .hasMessageEndingWith("metadata.namespace must be a string, e.g. default");
    }

    @Test
    @DisplayName("refuses a bad name, namespace or apiVersion with the reason")
    void rejectsBadValues() {
        assertThatThrownBy(() -> Manifest.from(1, document("v1", "ConfigMap", null, "Bad_Name")))
                .hasMessageContaining("document 1: The object name 'Bad_Name' is not a valid Kubernetes name");
        assertThatThrownBy(() -> Manifest.from(1, document("v1", "ConfigMap", "Shop", "x")))
                .hasMessageContaining("document 1: The namespace 'Shop' is not a valid namespace name");
        assertThatThrownBy(() -> Manifest.from(1, document("a/b/c", "ConfigMap", null, "x")))
                .hasMessageContaining("document 1: apiVersion 'a/b/c' is malformed");
    }

    @Test
    @DisplayName("refuses an empty document")
    void rejectsEmpty() {
        assertThatThrownBy(() -> Manifest.from(1, new HashMap<>()))
                .hasMessageEndingWith("document 1: the document is empty; remove it or write an object");
        assertThatThrownBy(() -> Manifest.from(1, null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("reports problems with their position so that a person can find the document")
    void problemsHavePositions() {
        Map<String, Object> document = new LinkedHashMap<>(document("v1", "ConfigMap", null, "x"));
        document.remove("apiVersion");

        assertThatThrownBy(() -> Manifest.from(Position.of(2).item(3), document))
                .isInstanceOfSatisfying(
                        InvalidManifestException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(new ManifestProblem(
                                        Position.of(2).item(3), "apiVersion is missing; e.g. apps/v1 or v1")));
    }
}
