package io.kmcp.domain.diagnosis.rules;

import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import java.util.List;

/** One thing that can be wrong around a workload, and the findings that tell it: none when it is not so. */
@FunctionalInterface
public interface DiagnosisRule {

    List<Finding> findings(WorkloadGraph graph);
}
