package io.kmcp.application.service;

import io.kmcp.application.Caller;
import io.kmcp.application.Problem;
import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.GetResource;
import io.kmcp.application.port.in.GetResourceQuery;
import io.kmcp.application.port.in.ResourceDetail;
import io.kmcp.application.port.out.ResourceReader;
import io.kmcp.domain.resource.KubernetesObjects;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.NamespaceScopeException;
import io.kmcp.domain.resource.ObjectName;
import io.kmcp.domain.resource.ResourceKey;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.Verb;
import java.util.Objects;
import java.util.Optional;

/** Reads one object of one type, after the type is resolved and found unrestricted. */
public final class GetResourceService implements GetResource {

    private final TypeLookup types;
    private final ResourceReader reader;

    public GetResourceService(TypeLookup types, ResourceReader reader) {
        this.types = Objects.requireNonNull(types, "types");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    @Override
    public ResourceDetail get(Caller caller, GetResourceQuery query) {
        ObjectName objectName = Inputs.valid(() -> new ObjectName(query.name()));
        Optional<NamespaceName> namespace = Inputs.valid(() -> query.namespace().flatMap(NamespaceName::ofNullable));
        ResourceType type = types.resolve(caller, query.resource(), Verb.GET);
        ResourceKey key = key(type, namespace, objectName);
        String name = quoted(objectName);
        return reader.get(caller, key)
                .map(object -> new ResourceDetail(type, KubernetesObjects.withoutNoise(object)))
                .orElseThrow(() -> new RequestFailedException(
                        Reason.NOT_FOUND,
                        type.fullyQualifiedName() + " " + name + " was not found"
                                + namespace.map(ns -> " in namespace " + ns).orElse("")
                                + "; list " + type.groupResource()
                                + namespace.map(ns -> " in that namespace").orElse("")
                                + " to see the names that exist."));
    }

    /** The key decides whether the namespace fits the type; this only says so, with the remedy. */
    private static ResourceKey key(ResourceType type, Optional<NamespaceName> namespace, ObjectName objectName) {
        try {
            return new ResourceKey(type, namespace, objectName);
        } catch (NamespaceScopeException e) {
            String name = quoted(objectName);
            throw e.namespaceMissing()
                    ? new RequestFailedException(
                            Reason.NAMESPACE_REQUIRED,
                            type.fullyQualifiedName() + " is namespaced, so reading " + name + " needs its namespace",
                            Problem.Remedy.GIVE_THE_NAMESPACE)
                    : new RequestFailedException(
                            Reason.INVALID_ARGUMENT,
                            type.fullyQualifiedName() + " is cluster-scoped, so " + name + " is in no namespace",
                            Problem.Remedy.GIVE_NO_NAMESPACE);
        }
    }

    private static String quoted(ObjectName name) {
        return '"' + name.value() + '"';
    }
}
