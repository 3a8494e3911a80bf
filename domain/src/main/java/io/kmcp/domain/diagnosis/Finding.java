package io.kmcp.domain.diagnosis;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A named cause with the evidence that supports it.
 *
 * @param cause a stable name: CrashLoopBackOff, ImagePullBackOff, OOMKilled, Unschedulable …
 * @param subject the object the finding is about (a workload when all its pods fail alike)
 * @param summary one line an agent can act on
 * @param evidence short lines quoting what the cluster reported
 */
public record Finding(Severity severity, String cause, ObjectRef subject, String summary, List<String> evidence) {

    /** The order a diagnosis tells its findings in: most severe first, then by cause and subject. */
    public static final Comparator<Finding> MOST_SEVERE_FIRST = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::cause)
            .thenComparing(finding -> finding.subject().display());

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(summary, "summary");
        evidence = List.copyOf(evidence);
    }
}
