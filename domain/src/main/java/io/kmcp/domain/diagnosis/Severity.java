package io.kmcp.domain.diagnosis;

/** How bad a finding is; the order is the order findings are told in. */
public enum Severity {
    /** The workload does not do its job. */
    CRITICAL,
    /** The workload works, but not as asked, or will not for long. */
    WARNING,
    /** Worth knowing; nothing is wrong. */
    INFO
}
