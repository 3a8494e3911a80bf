package io.kmcp.domain.apply;

import java.util.List;
import java.util.Objects;

/** What applying one document did. */
public sealed interface ApplyOutcome {

    /** A few words for the caller: "created", "configured (spec.replicas)", "failed: …". */
    String describe();

    /** True if the object is now as the document says. */
    default boolean succeeded() {
        return this instanceof Created || this instanceof Configured || this instanceof Unchanged;
    }

    record Created() implements ApplyOutcome {
        @Override
        public String describe() {
            return "created";
        }
    }

    /** @param fields the changed fields, as far as known; may be empty */
    record Configured(List<String> fields) implements ApplyOutcome {
        public Configured {
            fields = List.copyOf(fields);
        }

        @Override
        public String describe() {
            return fields.isEmpty() ? "configured" : "configured (" + String.join(", ", fields) + ")";
        }
    }

    record Unchanged() implements ApplyOutcome {
        @Override
        public String describe() {
            return "unchanged";
        }
    }

    /** @param reason what went wrong and what to do, as the API server's answer allows */
    record Failed(String reason) implements ApplyOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "failed: " + reason;
        }
    }

    /** @param reason why it was not tried, e.g. an earlier document failed */
    record NotAttempted(String reason) implements ApplyOutcome {
        public NotAttempted {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "not applied: " + reason;
        }
    }
}
