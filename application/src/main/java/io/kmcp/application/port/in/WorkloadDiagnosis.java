package io.kmcp.application.port.in;

import io.kmcp.domain.diagnosis.EventGroup;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import java.util.List;
import java.util.Objects;

/**
 * The diagnosis of one workload.
 *
 * @param graph everything read about the workload and the objects around it
 * @param findings named causes with their evidence, most severe first; empty when nothing is wrong
 * @param events the events of every object involved, deduplicated, warnings first, newest first
 * @param gaps what could not be read and why (a denied list of events, an unreachable log), so that
 *     an agent knows the picture is partial
 * @param apiRequests how many requests were sent to the API server to build this diagnosis
 */
public record WorkloadDiagnosis(
        WorkloadGraph graph, List<Finding> findings, List<EventGroup> events, List<String> gaps, int apiRequests) {

    public WorkloadDiagnosis {
        Objects.requireNonNull(graph, "graph");
        findings = List.copyOf(findings);
        events = List.copyOf(events);
        gaps = List.copyOf(gaps);
    }
}
