package io.kmcp.domain.resource;

import io.kmcp.domain.InvalidInputException;
import io.kmcp.domain.type.ResourceType;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a list of objects of a resolved type.
 *
 * @param namespace empty: all namespaces (or none, for a cluster-scoped type)
 * @param continueToken empty: the first page
 */
public record ResourceQuery(
        ResourceType type,
        Optional<NamespaceName> namespace,
        Optional<LabelSelector> labelSelector,
        Optional<FieldSelector> fieldSelector,
        PageLimit limit,
        Optional<ContinueToken> continueToken) {

    public ResourceQuery {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(labelSelector, "labelSelector");
        Objects.requireNonNull(fieldSelector, "fieldSelector");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(continueToken, "continueToken");
        if (!type.namespaced() && namespace.isPresent()) {
            throw new InvalidInputException(type.fullyQualifiedName() + " is cluster-scoped, so its objects are in no"
                    + " namespace; leave the namespace out.");
        }
    }

    /** The first page of every object of the type, default limit, no selectors. */
    public static ResourceQuery of(ResourceType type) {
        return new ResourceQuery(
                type, Optional.empty(), Optional.empty(), Optional.empty(), PageLimit.defaultLimit(), Optional.empty());
    }

    public ResourceQuery inNamespace(NamespaceName namespace) {
        return new ResourceQuery(type, Optional.of(namespace), labelSelector, fieldSelector, limit, continueToken);
    }

    public ResourceQuery withLabelSelector(LabelSelector selector) {
        return new ResourceQuery(type, namespace, Optional.of(selector), fieldSelector, limit, continueToken);
    }

    public ResourceQuery withFieldSelector(FieldSelector selector) {
        return new ResourceQuery(type, namespace, labelSelector, Optional.of(selector), limit, continueToken);
    }

    public ResourceQuery withLimit(PageLimit limit) {
        return new ResourceQuery(type, namespace, labelSelector, fieldSelector, limit, continueToken);
    }

    public ResourceQuery continuingFrom(ContinueToken token) {
        return new ResourceQuery(type, namespace, labelSelector, fieldSelector, limit, Optional.of(token));
    }

    /** True if a namespaced type is listed across every namespace. */
    public boolean spansAllNamespaces() {
        return type.namespaced() && namespace.isEmpty();
    }
}
