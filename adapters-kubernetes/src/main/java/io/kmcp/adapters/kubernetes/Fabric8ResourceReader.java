package io.kmcp.adapters.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListMeta;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kmcp.application.Caller;
import io.kmcp.application.port.out.ResourcePage;
import io.kmcp.application.port.out.ResourceReader;
import io.kmcp.domain.resource.ContinueToken;
import io.kmcp.domain.resource.FieldSelector;
import io.kmcp.domain.resource.LabelSelector;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.ResourceKey;
import io.kmcp.domain.resource.ResourceQuery;
import io.kmcp.domain.type.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Lists and gets objects of any type through fabric8's generic API, with the caller's token. The
 * query or key already fits the type's scope, so a namespace here is always one to send.
 */
public final class Fabric8ResourceReader implements ResourceReader {

    private final KubernetesClientPool pool;

    public Fabric8ResourceReader(KubernetesClientPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public ResourcePage list(Caller caller, ResourceQuery query) {
        ResourceType type = query.type();
        Optional<String> namespace = query.namespace().map(NamespaceName::value);
        ClusterConnection cluster = pool.clusters().connection(caller.cluster());
        ListOptions options = new ListOptionsBuilder()
                .withLimit((long) query.limit().value())
                .withContinue(query.continueToken().map(ContinueToken::value).orElse(null))
                .withLabelSelector(
                        query.labelSelector().map(LabelSelector::value).orElse(null))
                .withFieldSelector(
                        query.fieldSelector().map(FieldSelector::value).orElse(null))
                .build();
        try {
            return pool.withClient(caller, client -> {
                var resources = Fabric8Objects.resources(client, type);
                GenericKubernetesResourceList list = namespace.isPresent()
                        ? resources.inNamespace(namespace.get()).list(options)
                        : resources.inAnyNamespace().list(options);
                List<Map<String, Object>> items = list.getItems().stream()
                        .map(item -> Fabric8Objects.read(client, item, type))
                        .toList();
                Optional<ListMeta> meta = Optional.ofNullable(list.getMetadata());
                return new ResourcePage(
                        items,
                        meta.map(ListMeta::getContinue).filter(token -> !token.isEmpty()),
                        meta.map(ListMeta::getRemainingItemCount));
            });
        } catch (KubernetesClientException e) {
            throw Fabric8Problems.translate(e, ApiCall.on(caller, cluster, "list", type, namespace, Optional.empty()));
        }
    }

    @Override
    public Optional<Map<String, Object>> get(Caller caller, ResourceKey key) {
        ResourceType type = key.type();
        Optional<String> namespace = key.namespace().map(NamespaceName::value);
        String name = key.name().value();
        ClusterConnection cluster = pool.clusters().connection(caller.cluster());
        try {
            return pool.withClient(caller, client -> {
                var resources = Fabric8Objects.resources(client, type);
                GenericKubernetesResource found = namespace.isPresent()
                        ? resources.inNamespace(namespace.get()).withName(name).get()
                        : resources.withName(name).get();
                // fabric8 answers a 404 with null.
                return Optional.ofNullable(found).map(object -> Fabric8Objects.read(client, object, type));
            });
        } catch (KubernetesClientException e) {
            throw Fabric8Problems.translate(e, ApiCall.on(caller, cluster, "get", type, namespace, Optional.of(name)));
        }
    }
}
