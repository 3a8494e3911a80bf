package io.kmcp.domain.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
