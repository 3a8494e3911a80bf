package io.kmcp.adapters.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kmcp.domain.type.ResourceType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    /**
     * An unmodifiable JSON-like tree; {@code apiVersion} and {@code kind} filled in where the list left them
     * out. Only the metadata, which fabric8 reads into its own type, is converted; the rest is already the
     * maps and lists fabric8 read from the answer, which nothing else holds, so they are taken over and
     * frozen where they are instead of being serialised into a buffer and read back, then copied.
     */
    static Map<String, Object> toMap(KubernetesClient client, GenericKubernetesResource resource, ResourceType type) {
        Map<String, Object> object = new LinkedHashMap<>();
        // Items of a list carry no apiVersion or kind on the wire; an agent reading one item alone needs both.
        object.put("apiVersion", Objects.requireNonNullElse(resource.getApiVersion(), type.groupVersion()));
        object.put("kind", Objects.requireNonNullElse(resource.getKind(), type.kind()));
        if (resource.getMetadata() != null) {
            object.put("metadata", client.getKubernetesSerialization().convertValue(resource.getMetadata(), Map.class));
        }
        resource.getAdditionalProperties().forEach(object::putIfAbsent);
        return freeze(object);
    }

    /**
     * As {@link #toMap}, for what a reader answers: without {@code metadata.managedFields}, the API
     * server's record of which manager set which field. Nothing k-mcp serves shows it, and it is most
     * of an object's metadata, so leaving it out before the metadata is converted spares most of the
     * conversion. The object is the caller's own, just read from the answer, so it is changed in place.
     */
    static Map<String, Object> read(KubernetesClient client, GenericKubernetesResource resource, ResourceType type) {
        if (resource.getMetadata() != null) {
            resource.getMetadata().setManagedFields(null);
        }
        return toMap(client, resource, type);
    }

    /** Freezes a tree this class made, in place: every map and list in it becomes unmodifiable. */
    @SuppressWarnings("unchecked")
    private static <T> T freeze(T value) {
        if (value instanceof Map<?, ?> map) {
            ((Map<Object, Object>) map).replaceAll((key, child) -> freeze(child));
            return (T) Collections.unmodifiableMap(map);
        }
        if (value instanceof List<?> list) {
            ((List<Object>) list).replaceAll(Fabric8Objects::freeze);
            return (T) Collections.unmodifiableList(list);
        }
        return value;
    }

    static GenericKubernetesResource fromMap(KubernetesClient client, Map<String, Object> object) {
        return client.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class);
    }
}
