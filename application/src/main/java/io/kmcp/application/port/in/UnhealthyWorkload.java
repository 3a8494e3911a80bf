package io.kmcp.application.port.in;

import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.Severity;
import java.util.Objects;

/** A workload that is not as asked, with its most telling cause in one line. */
public record UnhealthyWorkload(ObjectRef workload, Severity severity, String cause, String summary) {

    public UnhealthyWorkload {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(summary, "summary");
    }
}
