package io.kmcp.domain.readiness;

import java.util.Objects;

/** Where an applied object stands, as one read of it and its pods tells. */
public sealed interface Readiness {

    /** One line an agent reads: {@code rolled out: 3/3 replicas updated and available}. */
    String detail();

    /** True when waiting longer cannot change the answer. */
    default boolean settled() {
        return !(this instanceof Pending);
    }

    /** Rolled out, complete, or Ready. */
    record Ready(String detail) implements Readiness {
        public Ready {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** On its way: worth another look. */
    record Pending(String detail) implements Readiness {
        public Pending {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * A failure that waiting does not mend: a container that crashes or cannot be pulled, a Deployment
     * past its progress deadline, a Job its controller gave up on.
     *
     * @param cause a stable name, as the diagnosis names causes: CrashLoopBackOff, ProgressDeadlineExceeded …
     */
    record Failed(String cause, String detail) implements Readiness {
        public Failed {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** A kind with no notion of readiness (a ConfigMap, a Service): in effect as soon as it is applied. */
    record NotTracked(String detail) implements Readiness {
        public NotTracked {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
