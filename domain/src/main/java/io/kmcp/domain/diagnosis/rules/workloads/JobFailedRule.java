package io.kmcp.domain.diagnosis.rules.workloads;

import io.kmcp.domain.diagnosis.Condition;
import io.kmcp.domain.diagnosis.ContainerState;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.WorkloadSnapshot;
import io.kmcp.domain.diagnosis.rules.DiagnosisRule;
import io.kmcp.domain.diagnosis.rules.Evidence;
import io.kmcp.domain.diagnosis.rules.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Jobs their controller gave up on (condition Failed: BackoffLimitExceeded, DeadlineExceeded,
 * PodFailurePolicy, MaxFailedIndexesExceeded, FailedIndexes), with the next step for the reason. A
 * failed run of a CronJob that a later run made good is a WARNING.
 */
public final class JobFailedRule implements DiagnosisRule {

    @Override
    public List<Finding> findings(WorkloadGraph graph) {
        List<WorkloadSnapshot> jobs =
                graph.workloads().stream().filter(WorkloadSnapshot::isJob).toList();
        return jobs.stream()
                .flatMap(job -> job.failure().map(failed -> finding(graph, jobs, job, failed)).stream())
                .toList();
    }

    private static Finding finding(
            WorkloadGraph graph, List<WorkloadSnapshot> jobs, WorkloadSnapshot job, Condition failed) {
        String reason = failed.reason().orElse("Failed");
        boolean superseded = jobs.stream()
                .flatMap(other -> other.completion().stream())
                .flatMap(complete -> complete.lastTransition().stream())
                .anyMatch(completed ->
                        failed.lastTransition().filter(completed::isAfter).isPresent());
        List<PodSnapshot> pods =
                graph.pods().stream().filter(pod -> pod.controlledBy(job.ref())).toList();
        List<String> evidence = new ArrayList<>();
        evidence.add("condition Failed: " + reason
                + failed.message().map(message -> ": " + Wording.brief(message)).orElse(""));
        evidence.add(job.job().failed() + " failed pods, " + job.job().succeeded() + " succeeded"
                + job.backoffLimit().map(limit -> ", backoffLimit " + limit).orElse(""));
        String exitCodes = exitCodes(pods);
        if (!exitCodes.isEmpty()) {
            evidence.add("exit codes of its failed pods: " + exitCodes);
        }
        Evidence.lastLogLine(
                        graph,
                        pods.stream().map(pod -> pod.ref().name()).collect(Collectors.toSet()),
                        container -> true)
                .ifPresent(evidence::add);
        return new Finding(
                superseded ? Severity.WARNING : Severity.CRITICAL,
                "JobFailed",
                job.ref(),
                job.ref().display() + " failed: " + reason
                        + failed.message()
                                .map(message -> " (" + Wording.brief(message) + ")")
                                .orElse("")
                        + (superseded ? "; a later run completed" : "; " + advice(reason)),
                evidence);
    }

    /** What to do, by the reason the Job controller gave up for. */
    static String advice(String reason) {
        return switch (reason) {
            case "DeadlineExceeded" ->
                "it ran longer than its activeDeadlineSeconds: make it finish sooner or" + " raise the deadline";
            case "PodFailurePolicy" ->
                "a rule of its podFailurePolicy failed it at the first such failure: the"
                        + " message names the container and exit code";
            case "MaxFailedIndexesExceeded" ->
                "more indexes failed than its maxFailedIndexes allows: read the logs" + " of its failed pods";
            case "FailedIndexes" ->
                "some indexes used up their backoffLimitPerIndex: read the logs of their" + " failed pods";
            default -> "read the logs of its failed pods";
        };
    }

    /** "1, 2": the distinct non-zero exit codes of the pods' containers, restarted instances included. */
    private static String exitCodes(List<PodSnapshot> pods) {
        return pods.stream()
                .flatMap(pod -> pod.containers().stream())
                .flatMap(container -> Stream.concat(
                        container.state().exitCode().stream(),
                        container.lastTermination().flatMap(ContainerState::exitCode).stream()))
                .filter(code -> code != 0)
                .distinct()
                .sorted()
                .map(String::valueOf)
                .collect(Collectors.joining(", "));
    }
}
