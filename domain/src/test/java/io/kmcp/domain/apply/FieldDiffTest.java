package io.kmcp.domain.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.resource.KubernetesObjects;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The fields a server-side apply would change")
class FieldDiffTest {

    private static Map<String, Object> deployment(int replicas, String image, Map<String, Object> labels) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", "web");
        metadata.put("labels", labels);
        Map<String, Object> deployment = new LinkedHashMap<>();
        deployment.put("apiVersion", "apps/v1");
        deployment.put("kind", "Deployment");
        deployment.put("metadata", metadata);
        deployment.put(
                "spec",
                Map.of(
                        "replicas",
                        replicas,
                        "template",
                        Map.of("spec", Map.of("containers", List.of(Map.of("name", "web", "image", image))))));
        return deployment;
    }

    @Test
    @DisplayName("are none when the dry run leaves the object as it is")
    void unchanged() {
        Map<String, Object> live = deployment(2, "nginx:1", Map.of("app", "web"));

        assertThat(FieldDiff.between(live, deployment(2, "nginx:1", Map.of("app", "web"))))
                .isEqualTo(new PlannedChange.Unchanged());
    }

    @Test
    @DisplayName("are listed as JSON-path-like paths, sorted")
    void changedPaths() {
        Map<String, Object> live = deployment(2, "nginx:1", Map.of("app", "web"));
        Map<String, Object> planned = deployment(3, "nginx:2", Map.of("app", "shop"));

        assertThat(FieldDiff.between(live, planned))
                .isEqualTo(new PlannedChange.Change(
                        List.of("metadata.labels.app", "spec.replicas", "spec.template.spec.containers[0].image"), 0));
    }

    @Test
    @DisplayName("quote keys that are not plain names")
    void quotesKeys() {
        Map<String, Object> live = deployment(2, "nginx:1", Map.of("app.kubernetes.io/name", "web"));
        Map<String, Object> planned = deployment(2, "nginx:1", Map.of("app.kubernetes.io/name", "shop", "o'k", "1"));

        assertThat(FieldDiff.changedPaths(live, planned))
                .containsExactly("metadata.labels['app.kubernetes.io/name']", "metadata.labels['o\\'k']");
        assertThat(FieldDiff.changedPaths(Map.of("a\\b", 1), Map.of("a\\b", 2))).containsExactly("['a\\\\b']");
    }

    @Test
    @DisplayName("name a field that appears or disappears as a whole, once")
    void wholeFields() {
        Map<String, Object> live = new HashMap<>(Map.of("spec", Map.of("a", 1)));
        Map<String, Object> planned = new HashMap<>(Map.of("spec", Map.of("b", Map.of("c", 1, "d", 2))));

        assertThat(FieldDiff.changedPaths(live, planned)).containsExactly("spec.a", "spec.b");
    }

    @Test
    @DisplayName("name list elements added or removed by index")
    void listElements() {
        Map<String, Object> live = Map.of("spec", Map.of("ports", List.of(80, 443)));
        Map<String, Object> planned = Map.of("spec", Map.of("ports", List.of(80, 443, 8080)));

        assertThat(FieldDiff.changedPaths(live, planned)).containsExactly("spec.ports[2]");
        assertThat(FieldDiff.changedPaths(planned, live)).containsExactly("spec.ports[2]");
    }

    @Test
    @DisplayName("name a field whose shape changes")
    void shapeChanges() {
        assertThat(FieldDiff.changedPaths(Map.of("data", Map.of("a", "1")), Map.of("data", List.of("a"))))
                .containsExactly("data");
        assertThat(FieldDiff.changedPaths(Map.of("data", "x"), Map.of("data", Map.of("a", "1"))))
                .containsExactly("data");
    }

    @Test
    @DisplayName("ignore what the server maintains by itself")
    void ignoresServerFields() {
        Map<String, Object> live = deployment(2, "nginx:1", Map.of("app", "web"));
        Map<String, Object> planned = deployment(2, "nginx:1", Map.of("app", "web"));
        Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) planned.get("metadata"));
        metadata.putAll(Map.of(
                "resourceVersion", "42",
                "generation", 7,
                "uid", "0000",
                "creationTimestamp", "2026-01-01T00:00:00Z",
                "managedFields", List.of(Map.of("manager", "k-mcp")),
                "selfLink", "/apis/apps/v1/…",
                "annotations", Map.of(KubernetesObjects.LAST_APPLIED_ANNOTATION, "{}")));
        planned.put("metadata", metadata);
        planned.put("status", Map.of("readyReplicas", 2));

        assertThat(FieldDiff.between(live, planned)).isEqualTo(new PlannedChange.Unchanged());
    }

    @Test
    @DisplayName("treat missing, null and empty as the same")
    void absentValues() {
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("a", null);
        withNull.put("b", Map.of());
        withNull.put("c", List.of());

        assertThat(FieldDiff.changedPaths(Map.of(), withNull)).isEmpty();
        assertThat(FieldDiff.changedPaths(withNull, Map.of("a", 0))).containsExactly("a");
    }

    @Test
    @DisplayName("compare numbers by value, whichever parser made them")
    void numbers() {
        assertThat(FieldDiff.changedPaths(Map.of("n", 3), Map.of("n", 3L))).isEmpty();
        assertThat(FieldDiff.changedPaths(Map.of("n", 1), Map.of("n", 1.0d))).isEmpty();
        assertThat(FieldDiff.changedPaths(Map.of("n", 1), Map.of("n", 2L))).containsExactly("n");
        assertThat(FieldDiff.changedPaths(Map.of("n", Double.NaN), Map.of("n", Double.NaN)))
                .isEmpty();
        assertThat(FieldDiff.changedPaths(Map.of("n", Double.NaN), Map.of("n", 1)))
                .containsExactly("n");
        assertThat(FieldDiff.changedPaths(Map.of("n", "1"), Map.of("n", 1))).containsExactly("n");
    }

    @Test
    @DisplayName("show at most 20 paths and say how many more changed")
    void bounded() {
        Map<String, Object> live = new HashMap<>();
        Map<String, Object> planned = new HashMap<>();
        IntStream.range(0, 25).forEach(i -> planned.put(String.format("k%02d", i), i));

        PlannedChange change = FieldDiff.between(live, planned);

        assertThat(change).isInstanceOfSatisfying(PlannedChange.Change.class, c -> {
            assertThat(c.paths()).hasSize(20).startsWith("k00").endsWith("k19");
            assertThat(c.more()).isEqualTo(5);
        });
        assertThat(change.describe()).endsWith("k19 and 5 more fields");
    }

    @Test
    @DisplayName("shows exactly 20 paths without a remainder")
    void exactlyAtTheBound() {
        Map<String, Object> planned = new HashMap<>();
        IntStream.range(0, 20).forEach(i -> planned.put(String.format("k%02d", i), i));

        assertThat(FieldDiff.between(Map.of(), planned))
                .isInstanceOfSatisfying(
                        PlannedChange.Change.class, c -> assertThat(c.more()).isZero());
    }
}
