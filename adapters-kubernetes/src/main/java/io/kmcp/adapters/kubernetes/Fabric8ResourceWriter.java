package io.kmcp.adapters.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kmcp.application.Caller;
import io.kmcp.application.Problem;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.out.ResourceWriter;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.ResourceKey;
import io.kmcp.domain.type.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Server-side apply as the field manager {@code k-mcp}, never forcing: fields another manager owns
 * stay theirs, and the conflict is reported. Unknown fields are errors (strict field validation), so
 * a typo in a manifest is reported instead of silently dropped. The key already fits the type's
 * scope, so a namespaced object always goes to the namespace its document names, never a default.
 */
public final class Fabric8ResourceWriter implements ResourceWriter {

    static final String FIELD_MANAGER = "k-mcp";

    private final KubernetesClientPool pool;

    public Fabric8ResourceWriter(KubernetesClientPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public Map<String, Object> apply(Caller caller, ResourceKey key, Map<String, Object> object, ApplyMode mode) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(mode, "mode");
        ResourceType type = key.type();
        Map<String, Object> body = withTypeOf(type, object);
        String name = key.name().value();
        Optional<String> namespace = key.namespace().map(NamespaceName::value);
        ClusterConnection cluster = pool.clusters().connection(caller.cluster());
        PatchContext apply = new PatchContext.Builder()
                .withPatchType(PatchType.SERVER_SIDE_APPLY)
                .withFieldManager(FIELD_MANAGER)
                .withForce(false)
                .withDryRun(mode == ApplyMode.DRY_RUN ? List.of("All") : null)
                .withFieldValidation("Strict")
                .build();
        try {
            return pool.withClient(caller, client -> {
                var resources = Fabric8Objects.resources(client, type);
                GenericKubernetesResource resource = Fabric8Objects.fromMap(client, body);
                // The key names the object the request goes to; a body naming another is refused by the API server.
                GenericKubernetesResource applied = namespace.isPresent()
                        ? resources.inNamespace(namespace.get()).withName(name).patch(apply, resource)
                        : resources.withName(name).patch(apply, resource);
                return Fabric8Objects.toMap(client, applied, type);
            });
        } catch (KubernetesClientException e) {
            throw Fabric8Problems.translate(
                    e, ApiCall.on(caller, cluster, "patch", type, namespace, Optional.of(name)));
        }
    }

    /** The object with the type's apiVersion and kind, refusing a document that names another type. */
    private static Map<String, Object> withTypeOf(ResourceType type, Map<String, Object> object) {
        Map<String, Object> body = new LinkedHashMap<>(object);
        Object apiVersion = body.putIfAbsent("apiVersion", type.groupVersion());
        Object kind = body.putIfAbsent("kind", type.kind());
        if ((apiVersion != null && !type.groupVersion().equals(apiVersion))
                || (kind != null && !type.kind().equals(kind))) {
            throw new RequestFailedException(
                    Problem.Reason.INVALID_ARGUMENT,
                    "The document says apiVersion " + apiVersion + ", kind " + kind + " but was resolved to "
                            + type.fullyQualifiedName() + " (" + type.groupVersion() + " " + type.kind()
                            + "); this is a defect of k-mcp, the document was not applied.");
        }
        return body;
    }
}
