package io.kmcp.domain.resource;

import io.kmcp.domain.type.ResourceType;
import java.util.Objects;
import java.util.Optional;

/**
 * Exactly one object: its type, its namespace if the type is namespaced, its name. Whether a
 * namespace belongs is decided here and nowhere else.
 *
 * @param namespace present if and only if the type is namespaced
 * @throws NamespaceScopeException if the namespace does not fit the type's scope
 */
public record ResourceKey(ResourceType type, Optional<NamespaceName> namespace, ObjectName name) {

    public ResourceKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        if (type.namespaced() && namespace.isEmpty()) {
            throw NamespaceScopeException.missing(type, name);
        }
        if (!type.namespaced() && namespace.isPresent()) {
            throw NamespaceScopeException.notAllowed(type, name + " is");
        }
    }

    public static ResourceKey namespaced(ResourceType type, NamespaceName namespace, ObjectName name) {
        return new ResourceKey(type, Optional.of(namespace), name);
    }

    public static ResourceKey clusterScoped(ResourceType type, ObjectName name) {
        return new ResourceKey(type, Optional.empty(), name);
    }

    /**
     * The object of that name in the namespace of a read that spans several types (an overview, a
     * diagnosis): a cluster-scoped type, such as the node a pod runs on, has no namespace to be in, so
     * the namespace only places objects of namespaced types.
     */
    public static ResourceKey within(Optional<NamespaceName> namespace, ResourceType type, ObjectName name) {
        return new ResourceKey(type, type.namespaced() ? namespace : Optional.empty(), name);
    }

    /** {@code pods.v1 shop/web-0}, {@code nodes.v1 worker-1}: how messages name the object. */
    @Override
    public String toString() {
        return type.fullyQualifiedName() + " " + namespace.map(ns -> ns + "/").orElse("") + name;
    }
}
