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

    /** Not bound to a volume: still Pending, or Lost the one it had. */
    public boolean unbound() {
        return phase.equals("Pending") || lost();
    }

    public boolean lost() {
        return phase.equals("Lost");
    }
}
