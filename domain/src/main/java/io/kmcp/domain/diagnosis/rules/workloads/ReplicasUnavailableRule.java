package io.kmcp.domain.diagnosis.rules.workloads;

import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.WorkloadSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fewer replicas ready than asked for. It names no cause of its own but points at the findings of the
 * other rules, so it runs after them and is given what they found.
 */
public final class ReplicasUnavailableRule {

    /** Jobs and CronJobs run to completion: their pods are not replicas kept ready. */
    private static final Set<String> RUN_TO_COMPLETION = Set.of("Job", "CronJob");

    /** @param explaining the other rules' findings, which its evidence points at */
    public List<Finding> findings(WorkloadGraph graph, List<Finding> explaining) {
        List<Finding> findings = new ArrayList<>();
        for (WorkloadSnapshot workload : graph.workload().stream().toList()) {
            int desired = workload.desired().orElse(0);
            if (RUN_TO_COMPLETION.contains(workload.kind()) || workload.suspended() || workload.ready() >= desired) {
                continue;
            }
            List<String> evidence = new ArrayList<>();
            evidence.add(workload.updated() + " up to date, " + workload.available() + " available");
            String causes = explaining.stream()
                    .filter(finding -> finding.severity() != Severity.INFO)
                    .sorted(Finding.MOST_SEVERE_FIRST)
                    .map(Finding::cause)
                    .distinct()
                    .collect(Collectors.joining(", "));
            evidence.add(
                    causes.isEmpty()
                            ? "no more specific cause found: read the pods' events and logs"
                            : "explained by: " + causes);
            findings.add(new Finding(
                    Severity.WARNING,
                    "ReplicasUnavailable",
                    workload.ref(),
                    workload.ref().display() + ": " + workload.ready() + "/" + desired + " replicas ready",
                    evidence));
        }
        return findings;
    }
}
