package io.kmcp.application.port.out;

import io.kmcp.domain.resource.ContinueToken;
import io.kmcp.domain.resource.FieldSelector;
import io.kmcp.domain.resource.LabelSelector;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.ResourceQuery;
import io.kmcp.domain.type.ResourceType;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a list, already validated by the use case, in the plain strings an adapter sends.
 *
 * @param namespace empty for all namespaces, or for a cluster-scoped type
 */
public record ListRequest(
        ResourceType type,
        Optional<String> namespace,
        Optional<String> labelSelector,
        Optional<String> fieldSelector,
        int limit,
        Optional<String> continueToken) {

    public ListRequest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(labelSelector, "labelSelector");
        Objects.requireNonNull(fieldSelector, "fieldSelector");
        Objects.requireNonNull(continueToken, "continueToken");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
    }

    /** The request for a query the domain has validated. */
    public static ListRequest of(ResourceQuery query) {
        return new ListRequest(
                query.type(),
                query.namespace().map(NamespaceName::value),
                query.labelSelector().map(LabelSelector::value),
                query.fieldSelector().map(FieldSelector::value),
                query.limit().value(),
                query.continueToken().map(ContinueToken::value));
    }
}
