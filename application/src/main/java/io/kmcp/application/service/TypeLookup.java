package io.kmcp.application.service;

import io.kmcp.application.Caller;
import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.out.ResourceCatalog;
import io.kmcp.domain.policy.AccessPolicy;
import io.kmcp.domain.resolution.Resolution;
import io.kmcp.domain.resolution.TypeResolver;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.TypeReference;
import io.kmcp.domain.type.Verb;
import java.util.List;
import java.util.Objects;

/**
 * Turns what a caller typed into one resolved, unrestricted type of the caller's cluster, or a
 * failure the caller can act on. A name that does not resolve is tried once more against a fresh
 * catalog, because a CRD may have been installed since discovery was cached.
 */
public final class TypeLookup {

    private final ResourceCatalog catalog;
    private final AccessPolicy policy;
    private final TypeResolver resolver;

    public TypeLookup(ResourceCatalog catalog, AccessPolicy policy) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.resolver = new TypeResolver(policy);
    }

    /** The type the text names, supporting the verb the caller is about to use. */
    public ResourceType resolve(Caller caller, String text, Verb verb) {
        return resolve(caller, Inputs.valid(() -> TypeReference.parse(text)), verb);
    }

    public ResourceType resolve(Caller caller, TypeReference reference, Verb verb) {
        Resolution resolution = resolver.resolve(catalog.catalog(caller), reference);
        if (resolution instanceof Resolution.NotFound) {
            resolution = resolver.resolve(catalog.refreshed(caller), reference);
        }
        // Java 17: no pattern matching for switch yet, so the sealed outcomes are told apart by instanceof.
        if (resolution instanceof Resolution.Ambiguous) {
            throw failure(Reason.AMBIGUOUS_TYPE, resolution);
        }
        if (resolution instanceof Resolution.NotFound) {
            throw new RequestFailedException(
                    Reason.UNKNOWN_TYPE,
                    resolution.message() + " A CustomResourceDefinition installed moments ago is served a few"
                            + " seconds later; if you just installed one, try again shortly.");
        }
        if (resolution instanceof Resolution.Restricted) {
            throw failure(Reason.RESTRICTED, resolution);
        }
        ResourceType type = ((Resolution.Resolved) resolution).type();
        if (!type.supports(verb)) {
            throw new RequestFailedException(
                    Reason.INVALID_ARGUMENT,
                    type.fullyQualifiedName() + " does not support "
                            + verb.name().toLowerCase() + "; it supports "
                            + (type.verbs().isEmpty() ? "no verb k-mcp uses" : Verbs.describe(type.verbs())) + ".");
        }
        return type;
    }

    /** The cluster's types minus the restricted ones, one version of each (the one a bare name resolves to). */
    public List<ResourceType> usableTypes(Caller caller) {
        return policy.filter(catalog.catalog(caller)).defaultVersions();
    }

    /** The same from fresh discovery: for a question the cached catalog has no answer to. */
    public List<ResourceType> usableTypesRefreshed(Caller caller) {
        return policy.filter(catalog.refreshed(caller)).defaultVersions();
    }

    private static RequestFailedException failure(Reason reason, Resolution resolution) {
        return new RequestFailedException(reason, resolution.message());
    }
}
