package io.kmcp.adapters.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListMeta;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kmcp.application.Caller;
import io.kmcp.application.Problem;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.out.ListRequest;
import io.kmcp.application.port.out.ResourcePage;
import io.kmcp.application.port.out.ResourceReader;
import io.kmcp.domain.type.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Lists and gets objects of any type through fabric8's generic API, with the caller's token. */
public final class Fabric8ResourceReader implements ResourceReader {

    private final KubernetesClientPool pool;

    public Fabric8ResourceReader(KubernetesClientPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public ResourcePage list(Caller caller, ListRequest request) {
        ResourceType type = request.type();
        Optional<String> namespace = request.namespace();
        requireNoNamespaceOnClusterScoped(type, namespace);
        ClusterConnection cluster = pool.clusters().connection(caller.cluster());
        ListOptions options = new ListOptionsBuilder()
                .withLimit((long) request.limit())
                .withContinue(request.continueToken().orElse(null))
                .withLabelSelector(request.labelSelector().orElse(null))
                .withFieldSelector(request.fieldSelector().orElse(null))
                .build();
        try {
            return pool.withClient(caller, client -> {
                var resources = Fabric8Objects.resources(client, type);
                GenericKubernetesResourceList list = namespace.isPresent()
                        ? resources.inNamespace(namespace.get()).list(options)
                        : resources.inAnyNamespace().list(options);
                List<Map<String, Object>> items = list.getItems().stream()
                        .map(item -> Fabric8Objects.toMap(client, item, type))
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
    public Optional<Map<String, Object>> get(
            Caller caller, ResourceType type, Optional<String> namespace, String name) {
        Objects.requireNonNull(name, "name");
        requireNoNamespaceOnClusterScoped(type, namespace);
        if (type.namespaced() && namespace.isEmpty()) {
            throw new RequestFailedException(
                    Problem.Reason.NAMESPACE_REQUIRED,
                    type.groupResource() + " is namespaced: name the namespace of " + name + " as well.");
        }
        ClusterConnection cluster = pool.clusters().connection(caller.cluster());
        try {
            return pool.withClient(caller, client -> {
                var resources = Fabric8Objects.resources(client, type);
                GenericKubernetesResource found = namespace.isPresent()
                        ? resources.inNamespace(namespace.get()).withName(name).get()
                        : resources.withName(name).get();
                // fabric8 answers a 404 with null.
                return Optional.ofNullable(found).map(object -> Fabric8Objects.toMap(client, object, type));
            });
        } catch (KubernetesClientException e) {
            throw Fabric8Problems.translate(e, ApiCall.on(caller, cluster, "get", type, namespace, Optional.of(name)));
        }
    }

    static void requireNoNamespaceOnClusterScoped(ResourceType type, Optional<String> namespace) {
        if (!type.namespaced() && namespace.isPresent()) {
            throw new RequestFailedException(
                    Problem.Reason.INVALID_ARGUMENT,
                    type.groupResource() + " is cluster-scoped, so its objects are in no namespace; leave the"
                            + " namespace out.");
        }
    }
}
