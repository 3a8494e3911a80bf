package io.kmcp.application.port.in;

import io.kmcp.domain.diagnosis.ObjectRef;
import java.util.Objects;

/** A pod that is not running yet, and what holds it back as the cluster says it. */
public record PendingPod(ObjectRef pod, String why) {

    public PendingPod {
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(why, "why");
    }
}
