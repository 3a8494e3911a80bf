package io.kmcp.application.port.out;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The objects the contracts store and read, as JSON-like maps like those the ports speak. */
public final class ContractObjects {

    private ContractObjects() {}

    public static Map<String, Object> namespace(String name) {
        Map<String, Object> namespace = new LinkedHashMap<>();
        namespace.put("apiVersion", "v1");
        namespace.put("kind", "Namespace");
        namespace.put("metadata", Map.of("name", name));
        return namespace;
    }

    public static Map<String, Object> configMap(
            String namespace, String name, Map<String, String> labels, Map<String, String> data) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        if (!labels.isEmpty()) {
            metadata.put("labels", labels);
        }
        Map<String, Object> configMap = new LinkedHashMap<>();
        configMap.put("apiVersion", "v1");
        configMap.put("kind", "ConfigMap");
        configMap.put("metadata", metadata);
        configMap.put("data", data);
        return configMap;
    }

    public static String nameOf(Map<String, Object> object) {
        return (String) metadataOf(object).get("name");
    }

    public static String namespaceOf(Map<String, Object> object) {
        return (String) metadataOf(object).get("namespace");
    }

    /** {@code namespace/name}, or the name alone for a cluster-scoped object. */
    public static List<String> placesOf(List<Map<String, Object>> objects) {
        return objects.stream()
                .map(object ->
                        namespaceOf(object) == null ? nameOf(object) : namespaceOf(object) + "/" + nameOf(object))
                .toList();
    }

    /**
     * Fails unless every map and list of the object refuses to change, however deep, as the reading
     * ports promise. The probes change nothing of an object that keeps the promise.
     */
    public static void assertFrozen(Object value) {
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<Object, Object> probed = (Map<Object, Object>) map;
            assertThatThrownBy(() -> probed.put("contract-probe", "x"))
                    .as("a map of the object can be changed: %s", map)
                    .isInstanceOf(UnsupportedOperationException.class);
            map.values().forEach(ContractObjects::assertFrozen);
        } else if (value instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            List<Object> probed = (List<Object>) list;
            assertThatThrownBy(() -> probed.add("contract-probe"))
                    .as("a list of the object can be changed: %s", list)
                    .isInstanceOf(UnsupportedOperationException.class);
            list.forEach(ContractObjects::assertFrozen);
        }
    }

    private static Map<?, ?> metadataOf(Map<String, Object> object) {
        return (Map<?, ?>) object.get("metadata");
    }
}
