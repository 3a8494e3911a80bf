package io.kmcp.application.service;

import io.kmcp.application.BearerToken;
import io.kmcp.application.Caller;
import io.kmcp.domain.type.ApiCatalog;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.Verb;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A small, realistic catalog and a caller, shared by the service tests. */
final class TestTypes {

    static final Set<Verb> ALL_VERBS = EnumSet.allOf(Verb.class);

    static final ResourceType PODS = new ResourceType("", "v1", "Pod", "pods", "pod", List.of("po"), true, ALL_VERBS);
    static final ResourceType NAMESPACES =
            new ResourceType("", "v1", "Namespace", "namespaces", "namespace", List.of("ns"), false, ALL_VERBS);
    static final ResourceType CONFIG_MAPS =
            new ResourceType("", "v1", "ConfigMap", "configmaps", "configmap", List.of("cm"), true, ALL_VERBS);
    static final ResourceType SECRETS =
            new ResourceType("", "v1", "Secret", "secrets", "secret", List.of(), true, ALL_VERBS);
    static final ResourceType SERVICE_ACCOUNTS = new ResourceType(
            "", "v1", "ServiceAccount", "serviceaccounts", "serviceaccount", List.of("sa"), true, ALL_VERBS);
    static final ResourceType DEPLOYMENTS = new ResourceType(
            "apps", "v1", "Deployment", "deployments", "deployment", List.of("deploy"), true, ALL_VERBS);
    static final ResourceType ROLES =
            new ResourceType("rbac.authorization.k8s.io", "v1", "Role", "roles", "role", List.of(), true, ALL_VERBS);
    static final ResourceType TOKEN_REVIEWS = new ResourceType(
            "authentication.k8s.io",
            "v1",
            "TokenReview",
            "tokenreviews",
            "tokenreview",
            List.of(),
            false,
            EnumSet.of(Verb.CREATE));
    static final ResourceType WIDGETS =
            new ResourceType("example.com", "v1", "Widget", "widgets", "widget", List.of("wd"), true, ALL_VERBS);

    static final ResourceType CRDS = new ResourceType(
            "apiextensions.k8s.io",
            "v1",
            "CustomResourceDefinition",
            "customresourcedefinitions",
            "customresourcedefinition",
            List.of("crd", "crds"),
            false,
            ALL_VERBS);

    static final ApiCatalog CATALOG = ApiCatalog.of(
            List.of(PODS, NAMESPACES, SECRETS, SERVICE_ACCOUNTS, DEPLOYMENTS, ROLES, TOKEN_REVIEWS),
            Map.of("", "v1", "apps", "v1", "rbac.authorization.k8s.io", "v1", "authentication.k8s.io", "v1"));

    static final ApiCatalog CATALOG_WITH_WIDGETS = ApiCatalog.of(
            List.of(PODS, NAMESPACES, SECRETS, SERVICE_ACCOUNTS, DEPLOYMENTS, ROLES, TOKEN_REVIEWS, WIDGETS),
            Map.of(
                    "",
                    "v1",
                    "apps",
                    "v1",
                    "rbac.authorization.k8s.io",
                    "v1",
                    "authentication.k8s.io",
                    "v1",
                    "example.com",
                    "v1"));

    /** {@link #CATALOG} and more types; a group new to it prefers the version of its first type. */
    static ApiCatalog catalogWith(ResourceType... extra) {
        List<ResourceType> types = new ArrayList<>(CATALOG.types());
        Map<String, String> preferred = new HashMap<>(CATALOG.preferredVersions());
        for (ResourceType type : extra) {
            types.add(type);
            preferred.putIfAbsent(type.group(), type.version());
        }
        return ApiCatalog.of(types, preferred);
    }

    static final Caller CALLER = new Caller(
            "dev",
            "system:serviceaccount:team:agent",
            new BearerToken("header.payload.signature", Instant.now().plus(1, ChronoUnit.HOURS)));

    static Map<String, Object> object(String apiVersion, String kind, String namespace, String name) {
        return Map.of(
                "apiVersion",
                apiVersion,
                "kind",
                kind,
                "metadata",
                namespace == null
                        ? Map.of("name", name, "managedFields", List.of(Map.of("manager", "kubectl")))
                        : Map.of(
                                "name",
                                name,
                                "namespace",
                                namespace,
                                "managedFields",
                                List.of(Map.of("manager", "kubectl"))));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Map<String, Object> object) {
        return (Map<String, Object>) object.get("metadata");
    }

    private TestTypes() {}
}
