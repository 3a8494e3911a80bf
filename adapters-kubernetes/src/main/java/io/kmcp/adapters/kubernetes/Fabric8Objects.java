package io.kmcp.adapters.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kmcp.domain.resource.KubernetesObjects;
import io.kmcp.domain.type.ResourceType;
import java.util.LinkedHashMap;
import java.util.Map;

/** Between fabric8's generic objects and the JSON-like maps the ports speak. */
final class Fabric8Objects {

    private Fabric8Objects() {}

    /** The generic operations on objects of the type, for any group, version and scope. */
    static MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            resources(KubernetesClient client, ResourceType type) {
        return client.genericKubernetesResources(context(type));
    }

    static ResourceDefinitionContext context(ResourceType type) {
        return new ResourceDefinitionContext.Builder()
                .withGroup(type.group())
                .withVersion(type.version())
                .withKind(type.kind())
                .withPlural(type.plural())
                .withNamespaced(type.namespaced())
                .build();
    }

    /** An unmodifiable JSON-like tree; {@code apiVersion} and {@code kind} filled in where the list left them out. */
    static Map<String, Object> toMap(KubernetesClient client, GenericKubernetesResource resource, ResourceType type) {
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = client.getKubernetesSerialization().convertValue(resource, Map.class);
        Map<String, Object> withType = new LinkedHashMap<>();
        // Items of a list carry no apiVersion or kind on the wire; an agent reading one item alone needs both.
        withType.put("apiVersion", type.groupVersion());
        withType.put("kind", type.kind());
        raw.forEach((key, value) -> {
            if (value != null || !withType.containsKey(key)) {
                withType.put(key, value);
            }
        });
        return KubernetesObjects.immutableCopy(withType);
    }

    static GenericKubernetesResource fromMap(KubernetesClient client, Map<String, Object> object) {
        return client.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class);
    }
}
