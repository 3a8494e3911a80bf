package io.kmcp.adapters.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kmcp.domain.resource.KubernetesObjects;
import io.kmcp.domain.type.ResourceType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How objects were converted before {@link Fabric8Objects#toMap} took fabric8's maps over: the whole
 * object through a Jackson buffer, merged with its type, then deep-copied. The reference its result
 * is compared with, and the baseline of {@link ReadCostBench}.
 */
final class PreviousConversion {

    private PreviousConversion() {}

    static Map<String, Object> toMap(KubernetesClient client, GenericKubernetesResource resource, ResourceType type) {
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = client.getKubernetesSerialization().convertValue(resource, Map.class);
        Map<String, Object> withType = new LinkedHashMap<>();
        withType.put("apiVersion", type.groupVersion());
        withType.put("kind", type.kind());
        raw.forEach((key, value) -> {
            if (value != null || !withType.containsKey(key)) {
                withType.put(key, value);
            }
        });
        return KubernetesObjects.immutableCopy(withType);
    }
}
