package io.kmcp.application.service;

import io.kmcp.application.Caller;
import io.kmcp.application.port.in.ListResources;
import io.kmcp.application.port.in.ListResourcesQuery;
import io.kmcp.application.port.in.ResourceList;
import io.kmcp.application.port.out.ResourcePage;
import io.kmcp.application.port.out.ResourceReader;
import io.kmcp.domain.resource.ContinueToken;
import io.kmcp.domain.resource.FieldSelector;
import io.kmcp.domain.resource.KubernetesObjects;
import io.kmcp.domain.resource.LabelSelector;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.PageLimit;
import io.kmcp.domain.resource.ResourceQuery;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.Verb;
import java.util.Objects;

/** Lists one page of objects of one type, after the type is resolved and found unrestricted. */
public final class ListResourcesService implements ListResources {

    private final TypeLookup types;
    private final ResourceReader reader;

    public ListResourcesService(TypeLookup types, ResourceReader reader) {
        this.types = Objects.requireNonNull(types, "types");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    @Override
    public ResourceList list(Caller caller, ListResourcesQuery query) {
        // Every argument is validated before anything is sent to the cluster.
        var namespace = Inputs.valid(() -> query.namespace().flatMap(NamespaceName::ofNullable));
        var labels = Inputs.valid(() -> query.labelSelector().flatMap(LabelSelector::ofNullable));
        var fields = Inputs.valid(() -> query.fieldSelector().flatMap(FieldSelector::ofNullable));
        var limit = Inputs.valid(() -> PageLimit.ofNullable(query.limit().orElse(null)));
        var continueToken = Inputs.valid(() -> query.continueToken().flatMap(ContinueToken::ofNullable));
        ResourceType type = types.resolve(caller, query.resource(), Verb.LIST);
        ResourceQuery resourceQuery =
                Inputs.valid(() -> new ResourceQuery(type, namespace, labels, fields, limit, continueToken));

        ResourcePage page = reader.list(caller, resourceQuery);
        return new ResourceList(
                type,
                resourceQuery.namespace().map(NamespaceName::value),
                page.items().stream().map(KubernetesObjects::withoutNoise).toList(),
                page.continueToken(),
                page.remainingItemCount());
    }
}
