package io.kmcp.domain.diagnosis;

import java.util.Objects;
import java.util.Optional;

/** A PersistentVolumeClaim: Pending, Bound or Lost, and where its storage should come from. */
public record ClaimSnapshot(ObjectRef ref, String phase, Optional<String> storageClass, Optional<String> volumeName) {

    public ClaimSnapshot {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(storageClass, "storageClass");
        Objects.requireNonNull(volumeName, "volumeName");
    }
}
