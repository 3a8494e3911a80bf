package io.kmcp.domain.resource;

import io.kmcp.domain.InvalidInputException;
import io.kmcp.domain.type.ResourceType;
import java.util.Objects;
import java.util.Optional;

/**
 * Exactly one object: its type, its namespace if the type is namespaced, its name.
 *
 * @param namespace present if and only if the type is namespaced
 */
public record ResourceKey(ResourceType type, Optional<NamespaceName> namespace, ObjectName name) {

    public ResourceKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        if (type.namespaced() && namespace.isEmpty()) {
            throw new InvalidInputException(
                    type.fullyQualifiedName() + " is namespaced: name the namespace of " + name + " as well.");
        }
        if (!type.namespaced() && namespace.isPresent()) {
            throw new InvalidInputException(type.fullyQualifiedName() + " is cluster-scoped, so " + name
                    + " is in no namespace; leave the namespace out.");
        }
    }

    public static ResourceKey namespaced(ResourceType type, NamespaceName namespace, ObjectName name) {
        return new ResourceKey(type, Optional.of(namespace), name);
    }

    public static ResourceKey clusterScoped(ResourceType type, ObjectName name) {
        return new ResourceKey(type, Optional.empty(), name);
    }

    /** {@code pods.v1 shop/web-0}, {@code nodes.v1 worker-1}: how messages name the object. */
    @Override
    public String toString() {
        return type.fullyQualifiedName() + " " + namespace.map(ns -> ns + "/").orElse("") + name;
    }
}
