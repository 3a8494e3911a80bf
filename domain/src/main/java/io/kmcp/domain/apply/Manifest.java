package io.kmcp.domain.apply;

import io.kmcp.domain.InvalidInputException;
import io.kmcp.domain.resource.KubernetesObjects;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.ObjectName;
import io.kmcp.domain.type.TypeReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One object to apply, as the caller wrote it: checked to have what server-side apply needs, and
 * immutable.
 *
 * @param namespace as written; empty if the document names none (the type's scope, known only from
 *     discovery, decides whether that is an error or means a default)
 * @param body the whole document, an unmodifiable deep copy that agrees with the other components
 */
public record Manifest(
        Position position,
        String apiVersion,
        String kind,
        Optional<NamespaceName> namespace,
        ObjectName name,
        Map<String, Object> body) {

    public static final String NAMESPACE_KIND = "Namespace";
    public static final String CRD_GROUP = "apiextensions.k8s.io";
    public static final String CRD_KIND = "CustomResourceDefinition";

    public Manifest {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(body, "body");
        body = KubernetesObjects.immutableCopy(body);
        Header written = Header.of(position, body);
        if (!written.equals(new Header(apiVersion, kind, namespace, name))) {
            throw new IllegalArgumentException("the body of " + position + " does not agree with the other"
                    + " components; build the manifest with Manifest.from(position, body)");
        }
    }

    /**
     * The manifest in a parsed document.
     *
     * @throws InvalidManifestException with the problem and how to fix it
     */
    public static Manifest from(Position position, Map<String, ?> document) {
        Objects.requireNonNull(position, "position");
        Header header = Header.of(position, document);
        return new Manifest(
                position,
                header.apiVersion(),
                header.kind(),
                header.namespace(),
                header.name(),
                KubernetesObjects.immutableCopy(document));
    }

    /** The manifest of document {@code document} (counted from 1) of a stream. */
    public static Manifest from(int document, Map<String, ?> content) {
        return from(Position.of(document), content);
    }

    /** What identifies the object, read and checked from a document. */
    private record Header(String apiVersion, String kind, Optional<NamespaceName> namespace, ObjectName name) {

        static Header of(Position position, Map<String, ?> document) {
            if (document == null || document.isEmpty()) {
                throw problem(position, "the document is empty; remove it or write an object");
            }
            String apiVersion = text(position, document.get("apiVersion"), "apiVersion", "e.g. apps/v1 or v1");
            String kind = text(position, document.get("kind"), "kind", "e.g. Deployment");
            if (kind.equals("List")) {
                throw problem(position, "kind List holds several objects; expand it into its items first");
            }
            try {
                TypeReference.ofManifest(apiVersion, kind);
            } catch (InvalidInputException e) {
                throw problem(position, e.getMessage());
            }
            if (!(document.get("metadata") instanceof Map<?, ?> metadata)) {
                throw problem(position, "metadata.name is missing; every object applied needs a name");
            }
            Object name = metadata.get("name");
            if ((name == null || "".equals(name)) && metadata.get("generateName") != null) {
                throw problem(
                        position,
                        "metadata.generateName is not supported: server-side apply needs a fixed"
                                + " name, so set metadata.name instead");
            }
            String checkedName = text(position, name, "metadata.name", "every object applied needs a name");
            Object namespace = metadata.get("namespace");
            if (namespace != null && !(namespace instanceof String)) {
                throw problem(position, "metadata.namespace must be a string, e.g. default");
            }
            try {
                return new Header(
                        apiVersion, kind, NamespaceName.ofNullable((String) namespace), new ObjectName(checkedName));
            } catch (InvalidInputException e) {
                throw problem(position, e.getMessage());
            }
        }

        private static String text(Position position, Object value, String field, String hint) {
            if (value == null || (value instanceof String s && s.isBlank())) {
                throw problem(position, field + " is missing; " + hint);
            }
            if (!(value instanceof String s)) {
                throw problem(position, field + " must be a string; " + hint);
            }
            return s;
        }

        private static InvalidManifestException problem(Position position, String problem) {
            return new InvalidManifestException(List.of(new ManifestProblem(position, problem)));
        }
    }

    /** The API group of {@link #apiVersion}, lower case, {@code ""} for the core group. */
    public String group() {
        return typeReference().group().orElseThrow();
    }

    /** The version of {@link #apiVersion}, lower case. */
    public String version() {
        return typeReference().version().orElseThrow();
    }

    /** The type to look up in discovery. */
    public TypeReference typeReference() {
        return TypeReference.ofManifest(apiVersion, kind);
    }

    public boolean isNamespace() {
        return group().isEmpty() && kind.equals(NAMESPACE_KIND);
    }

    public boolean isCustomResourceDefinition() {
        return group().equals(CRD_GROUP) && kind.equals(CRD_KIND);
    }

    /**
     * The same manifest placed in a namespace: for a namespaced type whose document names none, once
     * the caller decided which namespace that means.
     */
    public Manifest inNamespace(NamespaceName target) {
        Objects.requireNonNull(target, "target");
        Map<String, Object> document = new LinkedHashMap<>(body);
        Map<String, Object> metadata = new LinkedHashMap<>(metadata());
        metadata.put("namespace", target.value());
        document.put("metadata", metadata);
        return from(position, document);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> metadata() {
        return (Map<String, Object>) body.get("metadata");
    }

    /** {@code document 2 (apps/v1 Deployment shop/web)}: how messages name the document. */
    public String describe() {
        return position + " (" + apiVersion + " " + kind + " "
                + namespace.map(ns -> ns + "/").orElse("") + name + ")";
    }
}
