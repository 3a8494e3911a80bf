package io.kmcp.domain.diagnosis;

import java.util.Objects;

/**
 * Names one object.
 *
 * @param namespace empty for a cluster-scoped object
 * @param uid empty when unknown (events name objects by kind and name)
 */
public record ObjectRef(String kind, String namespace, String name, String uid) {

    public ObjectRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uid, "uid");
    }

    /** "Pod shop/web-7d9f-abc" or "Node kwok-node-0". */
    public String display() {
        return kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }
}
