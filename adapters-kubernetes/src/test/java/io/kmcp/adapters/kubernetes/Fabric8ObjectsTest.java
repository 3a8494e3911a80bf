package io.kmcp.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kmcp.application.port.out.ContractObjects;
import io.kmcp.domain.resource.KubernetesObjects;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.Verb;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("fabric8's generic objects become the JSON-like trees the ports speak")
class Fabric8ObjectsTest {

    private static final KubernetesClient CLIENT = new KubernetesClientBuilder()
            .withConfig(new ConfigBuilder(Config.empty())
                    .withMasterUrl("https://127.0.0.1:1")
                    .build())
            .build();
    private static final ResourceType DEPLOYMENTS = new ResourceType(
            "apps", "v1", "Deployment", "deployments", "deployment", List.of("deploy"), true, Set.of(Verb.GET));

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    private static List<GenericKubernetesResource> servedItems() throws IOException {
        try (InputStream json = Fabric8ObjectsTest.class.getResourceAsStream("objects-as-served.json")) {
            return CLIENT.getKubernetesSerialization()
                    .unmarshal(json, GenericKubernetesResourceList.class)
                    .getItems();
        }
    }

    @Test
    @DisplayName("the tree is what a full conversion through Jackson gives: nulls, numbers, order and nesting kept")
    void sameAsFullConversion() throws IOException {
        for (GenericKubernetesResource item : servedItems()) {
            Map<String, Object> expected = PreviousConversion.toMap(CLIENT, item, DEPLOYMENTS);

            Map<String, Object> converted = Fabric8Objects.toMap(CLIENT, item, DEPLOYMENTS);

            assertThat(converted).isEqualTo(expected);
            assertThat(List.copyOf(converted.keySet())).isEqualTo(List.copyOf(expected.keySet()));
        }
    }

    @Test
    @DisplayName("list items get the type's apiVersion and kind, first, since the list left them out")
    void typeFilledIn() throws IOException {
        Map<String, Object> orders = Fabric8Objects.toMap(CLIENT, servedItems().get(0), DEPLOYMENTS);

        assertThat(orders).containsEntry("apiVersion", "apps/v1").containsEntry("kind", "Deployment");
        assertThat(List.copyOf(orders.keySet())).startsWith("apiVersion", "kind", "metadata");
        assertThat(at(orders, "spec", "template", "metadata")).containsEntry("creationTimestamp", null);
        assertThat(at(orders, "metadata")).containsKey("managedFields");
    }

    @Test
    @DisplayName("what a reader answers leaves out metadata.managedFields and is otherwise the full conversion")
    void readLeavesOutManagedFields() throws IOException {
        List<GenericKubernetesResource> served = servedItems();
        assertThat(at(PreviousConversion.toMap(CLIENT, served.get(0), DEPLOYMENTS), "metadata"))
                .as("the first object as served has managed fields")
                .containsKey("managedFields");
        for (GenericKubernetesResource item : served) {
            Map<String, Object> full = PreviousConversion.toMap(CLIENT, item, DEPLOYMENTS);
            Map<String, Object> expected = new LinkedHashMap<>(full);
            Map<String, Object> metadata = new LinkedHashMap<>(at(full, "metadata"));
            metadata.remove("managedFields");
            expected.put("metadata", metadata);

            Map<String, Object> read = Fabric8Objects.read(CLIENT, item, DEPLOYMENTS);

            assertThat(read).isEqualTo(expected);
            assertThat(List.copyOf(at(read, "metadata").keySet()))
                    .isEqualTo(List.copyOf(metadata.keySet()))
                    .doesNotContain("managedFields");
            ContractObjects.assertFrozen(read);
        }
    }

    @Test
    @DisplayName("every map and list of the tree is unmodifiable, however deep")
    void unmodifiable() throws IOException {
        Map<String, Object> gadget = Fabric8Objects.toMap(CLIENT, servedItems().get(1), DEPLOYMENTS);
        Map<String, Object> orders = Fabric8Objects.toMap(CLIENT, servedItems().get(0), DEPLOYMENTS);

        assertThatThrownBy(() -> gadget.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        List<Object> row = (List<Object>) ((List<?>) at(gadget, "spec").get("matrix")).get(0);
        assertThatThrownBy(() -> row.set(0, 9)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> at(orders, "metadata", "labels").put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        List<Object> managedFields = (List<Object>) at(orders, "metadata").get("managedFields");
        assertThatThrownBy(managedFields::clear).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("trimming a converted object gives what the deep-copying trim gave, sharing what it leaves untouched")
    void trimSharesUntouchedParts() throws IOException {
        List<Map<String, Object>> served = servedItems().stream()
                .map(item -> Fabric8Objects.toMap(CLIENT, item, DEPLOYMENTS))
                .toList();
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("apiVersion", "apps/v1");
        list.put("kind", "DeploymentList");
        list.put("items", served);

        for (Map<String, Object> object : served) {
            Map<String, Object> trimmed = KubernetesObjects.withoutNoise(object);
            Map<String, Object> copied = PreviousTrim.withoutNoise(object);

            assertThat(trimmed).isEqualTo(copied);
            assertThat(List.copyOf(trimmed.keySet())).isEqualTo(List.copyOf(copied.keySet()));
            assertThat(List.copyOf(at(trimmed, "metadata").keySet()))
                    .isEqualTo(List.copyOf(at(copied, "metadata").keySet()))
                    .doesNotContain("managedFields");
            object.forEach((key, value) -> {
                if (!key.equals("metadata")) {
                    assertThat(trimmed.get(key)).as(key).isSameAs(value);
                }
            });
            at(trimmed, "metadata").forEach((key, value) -> {
                if (!key.equals("annotations")) {
                    assertThat(value)
                            .as("metadata." + key)
                            .isSameAs(at(object, "metadata").get(key));
                }
            });
            ContractObjects.assertFrozen(trimmed);
        }
        Map<String, Object> trimmedList = KubernetesObjects.withoutNoise(list);
        assertThat(trimmedList).isEqualTo(PreviousTrim.withoutNoise(list));
        ContractObjects.assertFrozen(trimmedList);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> object, String... path) {
        Map<String, Object> current = object;
        for (String key : path) {
            current = (Map<String, Object>) current.get(key);
        }
        return current;
    }
}
