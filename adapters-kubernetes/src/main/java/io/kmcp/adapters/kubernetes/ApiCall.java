package io.kmcp.adapters.kubernetes;

import io.kmcp.application.Caller;
import io.kmcp.domain.type.ResourceType;
import java.util.Objects;
import java.util.Optional;

/**
 * What k-mcp asked the API server, in the terms an error message needs: who, which verb (as RBAC
 * names it), which resource (group-qualified), where.
 *
 * @param resource group-qualified, as kubectl and RBAC name it: {@code pods}, {@code deployments.apps}
 * @param namespace empty: all namespaces for a namespaced type, none for a cluster-scoped one
 */
record ApiCall(
        Caller caller,
        ClusterConnection cluster,
        String verb,
        String resource,
        boolean namespaced,
        Optional<String> namespace,
        Optional<String> name) {

    ApiCall {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    static ApiCall on(
            Caller caller,
            ClusterConnection cluster,
            String verb,
            ResourceType type,
            Optional<String> namespace,
            Optional<String> name) {
        return new ApiCall(caller, cluster, verb, type.groupResource(), type.namespaced(), namespace, name);
    }

    static ApiCall selfSubjectReview(Caller caller, ClusterConnection cluster) {
        return review(caller, cluster, "selfsubjectreviews.authentication.k8s.io");
    }

    /** The creation of a review object ({@code selfsubjectrulesreviews.authorization.k8s.io} …). */
    static ApiCall review(Caller caller, ClusterConnection cluster, String resource) {
        return new ApiCall(caller, cluster, "create", resource, false, Optional.empty(), Optional.empty());
    }

    static ApiCall discovery(Caller caller, ClusterConnection cluster) {
        return new ApiCall(
                caller, cluster, "get", "the API discovery endpoints", false, Optional.empty(), Optional.empty());
    }

    /** "in namespace shop", "across all namespaces", "(cluster-scoped)". */
    String where() {
        if (!namespaced) {
            return "(cluster-scoped)";
        }
        return namespace.map(ns -> "in namespace " + ns).orElse("across all namespaces");
    }

    /** "configmaps shop/settings", "deployments.apps" … for messages about one object or a list. */
    String object() {
        return name.map(n -> resource + " " + namespace.map(ns -> ns + "/").orElse("") + n)
                .orElse(resource);
    }
}
