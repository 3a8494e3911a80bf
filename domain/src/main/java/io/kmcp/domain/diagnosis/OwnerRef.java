package io.kmcp.domain.diagnosis;

import java.util.Objects;

/** An owner reference; {@code controller} marks the one owner that manages the object. */
public record OwnerRef(String kind, String name, String uid, boolean controller) {

    public OwnerRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uid, "uid");
    }
}
