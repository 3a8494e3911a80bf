package io.kmcp.domain.diagnosis.rules.workloads;

import io.kmcp.domain.diagnosis.EventGroup;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.WorkloadSnapshot;
import io.kmcp.domain.diagnosis.rules.DiagnosisRule;
import io.kmcp.domain.diagnosis.rules.Evidence;
import io.kmcp.domain.diagnosis.rules.Wording;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A CronJob whose controller cannot start its runs on time: its schedule or time zone does not parse
 * (it never runs: CRITICAL), or it missed too many start times to catch up (WARNING), as the CronJob
 * controller's warning events say.
 */
public final class CronJobScheduleRule implements DiagnosisRule {

    static final Set<String> REASONS = Set.of("UnparseableSchedule", "UnknownTimeZone", "TooManyMissedTimes");

    @Override
    public List<Finding> findings(WorkloadGraph graph) {
        return graph
                .workload()
                .filter(workload -> workload.kind().equals("CronJob"))
                .flatMap(cronJob -> finding(graph, cronJob))
                .stream()
                .toList();
    }

    private static Optional<Finding> finding(WorkloadGraph graph, WorkloadSnapshot cronJob) {
        List<EventGroup> events = Evidence.eventGroups(
                graph,
                "CronJob",
                Set.of(cronJob.ref().name()),
                group -> group.type().equals("Warning") && REASONS.contains(group.reason()));
        if (events.isEmpty()) {
            return Optional.empty();
        }
        EventGroup newest = events.get(0);
        boolean neverRuns = events.stream().anyMatch(event -> !event.reason().equals("TooManyMissedTimes"));
        EventGroup told = neverRuns
                ? events.stream()
                        .filter(event -> !event.reason().equals("TooManyMissedTimes"))
                        .findFirst()
                        .orElse(newest)
                : newest;
        return Optional.of(new Finding(
                neverRuns ? Severity.CRITICAL : Severity.WARNING,
                "CronJobNotScheduling",
                cronJob.ref(),
                cronJob.ref().display() + " " + problem(told),
                Evidence.lines(events)));
    }

    private static String problem(EventGroup event) {
        String said = " (" + Wording.brief(event.message()) + ")";
        return switch (event.reason()) {
            case "UnparseableSchedule" -> "never runs: its schedule does not parse; fix spec.schedule" + said;
            case "UnknownTimeZone" ->
                "never runs: its time zone is unknown; fix spec.timeZone to a name of the tz database" + said;
            default ->
                "missed too many start times to catch up; it starts again from the next one: set or lower"
                        + " spec.startingDeadlineSeconds, or check the controller manager's clock" + said;
        };
    }
}
