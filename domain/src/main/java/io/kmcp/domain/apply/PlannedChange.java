package io.kmcp.domain.apply;

import java.util.List;
import java.util.Objects;

/** What applying one document would do, as a server-side dry run showed it. */
public sealed interface PlannedChange {

    /** A few words for a person confirming the plan: "will be created", "will change spec.replicas". */
    String describe();

    /** The object does not exist yet. */
    record Create() implements PlannedChange {
        @Override
        public String describe() {
            return "will be created";
        }
    }

    /**
     * The object exists and these fields would change.
     *
     * @param paths the first changed fields, as JSON-path-like paths ({@code spec.replicas})
     * @param more how many further changed fields are not listed
     */
    record Change(List<String> paths, int more) implements PlannedChange {
        public Change {
            paths = List.copyOf(paths);
            if (paths.isEmpty() || more < 0) {
                throw new IllegalArgumentException(
                        "a change has at least one path and no negative rest: " + paths + ", " + more);
            }
        }

        @Override
        public String describe() {
            return "will change " + String.join(", ", paths) + (more == 0 ? "" : " and " + more + " more fields");
        }
    }

    /** Applying would leave the object as it is. */
    record Unchanged() implements PlannedChange {
        @Override
        public String describe() {
            return "is unchanged";
        }
    }

    /**
     * No dry run was possible, for example because the document's namespace or CRD is created by an
     * earlier document of the same request.
     */
    record CannotPreview(String reason) implements PlannedChange {
        public CannotPreview {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "cannot be previewed: " + reason;
        }
    }
}
