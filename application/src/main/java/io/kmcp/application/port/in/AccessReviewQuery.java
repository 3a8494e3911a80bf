package io.kmcp.application.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * @param namespace where to review the rules, or the one action
 * @param verb with {@code resource}: the one action to check
 * @param resource a type as the caller names it ({@code deploy}, {@code deployments.apps})
 */
public record AccessReviewQuery(Optional<String> namespace, Optional<String> verb, Optional<String> resource) {

    /** The verbs RBAC knows for resources, that a check may name: deletions included, to be told apart. */
    public static final List<String> VERBS =
            List.of("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection");

    public AccessReviewQuery {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(resource, "resource");
    }
}
