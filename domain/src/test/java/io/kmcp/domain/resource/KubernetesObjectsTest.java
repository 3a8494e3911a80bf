package io.kmcp.domain.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Kubernetes objects for an agent to read")
class KubernetesObjectsTest {

    private static Map<String, Object> pod(Map<String, Object> annotations) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", "web-0");
        metadata.put("managedFields", new ArrayList<>(List.of(Map.of("manager", "kubectl"))));
        metadata.put("annotations", annotations);
        Map<String, Object> pod = new LinkedHashMap<>();
        pod.put("apiVersion", "v1");
        pod.put("kind", "Pod");
        pod.put("metadata", metadata);
        pod.put("spec", new LinkedHashMap<>(Map.of("containers", new ArrayList<>(List.of(Map.of("image", "nginx"))))));
        return pod;
    }

    @Test
    @DisplayName("lose managed fields and the last-applied annotation, and keep everything else")
    void stripsNoise() {
        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put(KubernetesObjects.LAST_APPLIED_ANNOTATION, "{…}");
        annotations.put("team", "shop");

        Map<String, Object> trimmed = KubernetesObjects.withoutNoise(pod(annotations));

        assertThat(trimmed)
                .isEqualTo(Map.of(
                        "apiVersion",
                        "v1",
                        "kind",
                        "Pod",
                        "metadata",
                        Map.of("name", "web-0", "annotations", Map.of("team", "shop")),
                        "spec",
                        Map.of("containers", List.of(Map.of("image", "nginx")))));
        assertThat(trimmed.keySet()).containsExactly("apiVersion", "kind", "metadata", "spec");
    }

    @Test
    @DisplayName("lose the annotations entirely when only the last-applied one was there")
    void dropsEmptyAnnotations() {
        Map<String, Object> annotations = new HashMap<>(Map.of(KubernetesObjects.LAST_APPLIED_ANNOTATION, "{}"));

        assertThat(map(KubernetesObjects.withoutNoise(pod(annotations)).get("metadata")))
                .containsOnlyKeys("name");
    }

    @Test
    @DisplayName("in a list are trimmed item by item")
    void stripsListItems() {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("kind", "PodList");
        list.put("items", List.of(pod(new HashMap<>()), "not an object"));

        List<Object> items = list(KubernetesObjects.withoutNoise(list).get("items"));

        assertThat(map(map(items.get(0)).get("metadata"))).containsOnlyKeys("name");
        assertThat(items.get(1)).isEqualTo("not an object");
    }

    @Test
    @DisplayName("are copies: the original stays untouched and the copy cannot be changed")
    void copies() {
        Map<String, Object> original = pod(new HashMap<>(Map.of("team", "shop")));

        Map<String, Object> trimmed = KubernetesObjects.withoutNoise(original);

        assertThat(map(original.get("metadata"))).containsKey("managedFields");
        assertThatThrownBy(() -> trimmed.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(
                        () -> list(map(trimmed.get("spec")).get("containers")).clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map(trimmed.get("metadata")).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("without metadata, or with odd metadata, pass through unchanged")
    void oddShapes() {
        Map<String, Object> noMetadata = Map.of("kind", "Status");
        Map<String, Object> oddMetadata = new HashMap<>(Map.of("metadata", "text"));
        Map<String, Object> oddAnnotations = Map.of("metadata", Map.of("annotations", "text"));

        assertThat(KubernetesObjects.withoutNoise(noMetadata)).isEqualTo(noMetadata);
        assertThat(KubernetesObjects.withoutNoise(oddMetadata)).isEqualTo(oddMetadata);
        assertThat(KubernetesObjects.withoutNoise(oddAnnotations)).isEqualTo(oddAnnotations);
        assertThat(KubernetesObjects.withoutNoise(Map.of("items", "text"))).isEqualTo(Map.of("items", "text"));
    }

    @Test
    @DisplayName("copy deeply, keeping nulls and the order of keys")
    void immutableCopies() {
        Map<String, Object> original = new LinkedHashMap<>();
        original.put("b", null);
        original.put("a", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("x", 1)))));

        Map<String, Object> copy = KubernetesObjects.immutableCopy(original);
        list(original.get("a")).add("later");

        assertThat(copy.keySet()).containsExactly("b", "a");
        assertThat(copy).containsEntry("b", null);
        assertThat(list(copy.get("a"))).containsExactly(Map.of("x", 1));
    }

    /** A Deployment as the reading ports return it: every map and list unmodifiable. */
    private static Map<String, Object> servedDeployment(Map<String, Object> annotations) {
        List<Object> managedFields = List.of(Map.of(
                "manager",
                "kubectl",
                "operation",
                "Apply",
                "fieldsV1",
                Map.of("f:spec", Map.of("f:replicas", Map.of()))));
        Map<String, Object> containers = Map.of("containers", List.of(Map.of("name", "app", "image", "orders:1")));
        return KubernetesObjects.immutableCopy(orderedMap(
                "apiVersion", "apps/v1",
                "kind", "Deployment",
                "metadata",
                        orderedMap(
                                "name",
                                "orders",
                                "namespace",
                                "shop",
                                "labels",
                                Map.of("app", "orders"),
                                "annotations",
                                annotations,
                                "managedFields",
                                managedFields,
                                "ownerReferences",
                                List.of(Map.of("kind", "Namespace", "name", "shop")),
                                "creationTimestamp",
                                null),
                "spec", Map.of("replicas", 3, "template", Map.of("spec", containers)),
                "status", Map.of("conditions", List.of(Map.of("type", "Available", "status", "True")))));
    }

    @Test
    @DisplayName(
            "share what they leave untouched when it is already unmodifiable, and rebuild only the way to the noise")
    void sharesUntouchedParts() {
        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put("team", "shop");
        annotations.put(KubernetesObjects.LAST_APPLIED_ANNOTATION, "{…}");
        Map<String, Object> served = servedDeployment(annotations);

        Map<String, Object> trimmed = KubernetesObjects.withoutNoise(served);

        assertThat(trimmed.get("spec")).isSameAs(served.get("spec"));
        assertThat(trimmed.get("status")).isSameAs(served.get("status"));
        map(trimmed.get("metadata")).forEach((key, value) -> {
            if (!key.equals("annotations")) {
                assertThat(value).as(key).isSameAs(map(served.get("metadata")).get(key));
            }
        });
        assertThat(trimmed.get("metadata")).isNotSameAs(served.get("metadata"));
        Map<String, Object> expectedMetadata = new LinkedHashMap<>(map(served.get("metadata")));
        expectedMetadata.remove("managedFields");
        expectedMetadata.put("annotations", Map.of("team", "shop"));
        assertThat(map(trimmed.get("metadata"))).containsExactlyEntriesOf(expectedMetadata);
        assertThat(List.copyOf(trimmed.keySet())).containsExactly("apiVersion", "kind", "metadata", "spec", "status");
        assertThat(map(served.get("metadata"))).containsKey("managedFields");
        assertThatThrownBy(() -> trimmed.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map(trimmed.get("metadata")).clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() ->
                        map(map(trimmed.get("metadata")).get("annotations")).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("share annotations without the last-applied one, and metadata without any noise, whole")
    void sharesMetadataWithoutNoise() {
        Map<String, Object> served = servedDeployment(Map.of("team", "shop"));
        Map<String, Object> quiet = new LinkedHashMap<>(served);
        Map<String, Object> quietMetadata = new LinkedHashMap<>(map(served.get("metadata")));
        quietMetadata.remove("managedFields");
        quiet.put("metadata", quietMetadata);
        Map<String, Object> quietServed = KubernetesObjects.immutableCopy(quiet);

        Map<String, Object> trimmed = KubernetesObjects.withoutNoise(served);
        Map<String, Object> trimmedQuiet = KubernetesObjects.withoutNoise(quietServed);

        assertThat(map(trimmed.get("metadata")).get("annotations"))
                .isSameAs(map(served.get("metadata")).get("annotations"));
        assertThat(trimmed.get("metadata")).isEqualTo(quietMetadata);
        assertThat(trimmedQuiet.get("metadata")).isSameAs(quietServed.get("metadata"));
        assertThat(trimmedQuiet).isEqualTo(quietServed).isNotSameAs(quietServed);
    }

    @Test
    @DisplayName("drop empty annotations even when the metadata holds no other noise")
    void dropsEmptyAnnotationsAlone() {
        Map<String, Object> served = KubernetesObjects.immutableCopy(
                Map.of("kind", "Pod", "metadata", Map.of("name", "web-0", "annotations", Map.of())));

        assertThat(KubernetesObjects.withoutNoise(served))
                .isEqualTo(Map.of("kind", "Pod", "metadata", Map.of("name", "web-0")));
        Map<String, Object> lastAppliedAlone = KubernetesObjects.immutableCopy(Map.of(
                "kind",
                "Pod",
                "metadata",
                Map.of("name", "web-0", "annotations", Map.of(KubernetesObjects.LAST_APPLIED_ANNOTATION, "{}"))));
        assertThat(KubernetesObjects.withoutNoise(lastAppliedAlone))
                .isEqualTo(Map.of("kind", "Pod", "metadata", Map.of("name", "web-0")));
    }

    @Test
    @DisplayName("trim only the metadata: the same keys elsewhere are the object's content")
    void trimsOnlyMetadata() {
        Map<String, Object> served = KubernetesObjects.immutableCopy(Map.of(
                "kind",
                "Example",
                "spec",
                Map.of("managedFields", "kept", "annotations", Map.of()),
                "data",
                Map.of(KubernetesObjects.LAST_APPLIED_ANNOTATION, "kept")));

        assertThat(KubernetesObjects.withoutNoise(served)).isEqualTo(served);
    }

    @Test
    @DisplayName("in a list share each item's untouched parts, and leave the items' own items alone")
    void sharesListItems() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("kind", "Inner");
        nested.put("items", List.of(servedDeployment(Map.of())));
        Map<String, Object> served = servedDeployment(Map.of());
        Map<String, Object> list = KubernetesObjects.immutableCopy(
                Map.of("kind", "DeploymentList", "items", List.of(served, nested, "not an object")));
        Map<String, Object> item = map(list(list.get("items")).get(0));

        List<Object> items = list(KubernetesObjects.withoutNoise(list).get("items"));

        assertThat(map(items.get(0)).get("spec")).isSameAs(item.get("spec"));
        assertThat(map(map(items.get(0)).get("metadata"))).doesNotContainKeys("managedFields", "annotations");
        assertThat(items.get(1)).isEqualTo(list(list.get("items")).get(1));
        assertThat(map(list(map(items.get(1)).get("items")).get(0)).get("metadata"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKey("managedFields");
        assertThat(items.get(2)).isEqualTo("not an object");
        assertThatThrownBy(() -> items.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("copy what is modifiable in an otherwise unmodifiable object")
    void copiesModifiableParts() {
        List<Object> containers = new ArrayList<>(List.of(Map.of("image", "nginx")));
        Map<String, Object> served = Collections.unmodifiableMap(new LinkedHashMap<>(Map.of(
                "kind",
                "Pod",
                "spec",
                Collections.unmodifiableMap(new LinkedHashMap<>(Map.of("x", 1))),
                "status",
                Map.of("containers", List.of()),
                "other",
                containers)));

        Map<String, Object> trimmed = KubernetesObjects.withoutNoise(served);
        containers.add("later");

        assertThat(trimmed.get("other")).isEqualTo(List.of(Map.of("image", "nginx")));
        assertThat(trimmed.get("spec")).isSameAs(served.get("spec"));
        assertThatThrownBy(() -> list(trimmed.get("other")).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("copy deeply even what is already unmodifiable, for a manifest's body")
    void immutableCopiesShareNothing() {
        List<Object> containers = new ArrayList<>(List.of("a"));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("containers", Collections.unmodifiableList(containers));
        Map<String, Object> original = Collections.unmodifiableMap(new LinkedHashMap<>(Map.of("spec", spec)));

        Map<String, Object> copy = KubernetesObjects.immutableCopy(original);
        containers.add("later");

        assertThat(copy).isNotSameAs(original).isEqualTo(Map.of("spec", Map.of("containers", List.of("a"))));
    }

    private static Map<String, Object> orderedMap(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
