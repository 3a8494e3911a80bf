package io.kmcp.domain.resource;

import io.kmcp.domain.type.ResourceType;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a list of objects of a resolved type.
 *
 * @param namespace empty: all namespaces (or none, for a cluster-scoped type)
 * @param continueToken empty: the first page
 * @throws NamespaceScopeException if a namespace is given for a cluster-scoped type
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
            throw NamespaceScopeException.notAllowed(type, "its objects are");
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

    /**
     * Narrowed to the namespace of a read that spans several types (an overview, a diagnosis): a
     * cluster-scoped type, such as nodes, has no namespaces to narrow to and is listed whole.
     */
    public ResourceQuery within(Optional<NamespaceName> namespace) {
        return type.namespaced() ? namespace.map(this::inNamespace).orElse(this) : this;
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
