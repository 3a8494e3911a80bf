package io.kmcp.adapters.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kmcp.application.Caller;
import io.kmcp.application.Problem;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.out.ResourceWriter;
import io.kmcp.domain.type.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Server-side apply as the field manager {@code k-mcp}, never forcing: fields another manager owns
 * stay theirs, and the conflict is reported. Unknown fields are errors (strict field validation), so
 * a typo in a manifest is reported instead of silently dropped.
 */
public final class Fabric8ResourceWriter implements ResourceWriter {

    static final String FIELD_MANAGER = "k-mcp";

    private final KubernetesClientPool pool;

    public Fabric8ResourceWriter(KubernetesClientPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public Map<String, Object> apply(Caller caller, ResourceType type, Map<String, Object> object, ApplyMode mode) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(mode, "mode");
        Map<String, Object> body = withTypeOf(type, object);
        Map<?, ?> metadata = body.get("metadata") instanceof Map<?, ?> map ? map : Map.of();
        String name = textOf(metadata.get("name"))
                .orElseThrow(() -> new RequestFailedException(
                        Problem.Reason.INVALID_ARGUMENT,
                        "A " + type.kind() + " document has no metadata.name; server-side apply needs the name of"
                                + " the object (generateName is not supported)."));
        Optional<String> namespace = textOf(metadata.get("namespace"));
        Fabric8ResourceReader.requireNoNamespaceOnClusterScoped(type, namespace);
        if (type.namespaced() && namespace.isEmpty()) {
            // Never a silent "default": the agent must say where the object goes.
            throw new RequestFailedException(
                    Problem.Reason.NAMESPACE_REQUIRED,
                    type.groupResource() + " " + name + " is namespaced and its document has no metadata.namespace;"
                            + " set it.");
        }
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
                GenericKubernetesResource applied = namespace.isPresent()
                        ? resources
                                .inNamespace(namespace.get())
                                .resource(resource)
                                .patch(apply)
                        : resources.resource(resource).patch(apply);
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

    private static Optional<String> textOf(Object value) {
        return value instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
    }
}
