package io.kmcp.application.port.in;

import io.kmcp.domain.diagnosis.LogLines;
import io.kmcp.domain.diagnosis.ObjectRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A container's log, filtered and bounded.
 *
 * @param containers every container of the pod, to say what else can be read
 * @param grep the filter applied, if any
 */
public record PodLogs(
        ObjectRef pod,
        String container,
        boolean previous,
        LogLines lines,
        List<String> containers,
        Optional<String> grep) {

    public PodLogs {
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(lines, "lines");
        containers = List.copyOf(containers);
        Objects.requireNonNull(grep, "grep");
    }
}
