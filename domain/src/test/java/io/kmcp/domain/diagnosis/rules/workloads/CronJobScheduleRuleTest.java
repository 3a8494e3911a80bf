package io.kmcp.domain.diagnosis.rules.workloads;

import static io.kmcp.domain.diagnosis.Fixtures.event;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.only;
import static io.kmcp.domain.diagnosis.Fixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.Severity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CronJobNotScheduling")
class CronJobScheduleRuleTest {

    private final ObjectRef nightly = new ObjectRef("CronJob", "shop", "nightly", "uid-nightly");

    private final CronJobScheduleRule rule = new CronJobScheduleRule();

    @Test
    @DisplayName("too many missed start times: a WARNING, with the deadline to set and the clock to check")
    void missed() {
        String message =
                "too many missed start times: 101. Set or decrease .spec.startingDeadlineSeconds or check clock skew";
        Finding finding = only(rule.findings(graph(nightly)
                .workload(workload(nightly))
                .events(event("Warning", "TooManyMissedTimes", "CronJob", "nightly", message, 1))
                .build()));

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.cause()).isEqualTo("CronJobNotScheduling");
        assertThat(finding.summary())
                .isEqualTo("CronJob shop/nightly missed too many start times to catch up; it starts again from the next"
                        + " one: set or lower spec.startingDeadlineSeconds, or check the controller manager's clock ("
                        + message + ")");
        assertThat(finding.evidence()).containsExactly("event TooManyMissedTimes ×1: " + message);
    }

    @Test
    @DisplayName("a schedule or time zone that does not parse: it never runs, CRITICAL, told before missed times")
    void neverRuns() {
        Finding schedule = only(rule.findings(graph(nightly)
                .workload(workload(nightly))
                .events(
                        event("Warning", "TooManyMissedTimes", "CronJob", "nightly", "too many", 1),
                        event(
                                "Warning",
                                "UnparseableSchedule",
                                "CronJob",
                                "nightly",
                                "unparseable schedule: \"0 26 * * *\" : end of range (26) above maximum (23): 26",
                                1))
                .build()));
        Finding zone = only(rule.findings(graph(nightly)
                .workload(workload(nightly))
                .events(event("Warning", "UnknownTimeZone", "CronJob", "nightly", "invalid timeZone: \"Mars/Base\"", 1))
                .build()));

        assertThat(schedule.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(schedule.summary())
                .startsWith("CronJob shop/nightly never runs: its schedule does not parse; fix spec.schedule"
                        + " (unparseable schedule:");
        assertThat(zone.summary())
                .isEqualTo("CronJob shop/nightly never runs: its time zone is unknown; fix spec.timeZone to a name of"
                        + " the tz database (invalid timeZone: \"Mars/Base\")");
    }

    @Test
    @DisplayName("other workloads, and a CronJob without such warnings, are not told")
    void scope() {
        assertThat(rule.findings(graph().events(
                                event("Warning", "TooManyMissedTimes", "Deployment", "web", "too many", 1),
                                event("Warning", "TooManyMissedTimes", "CronJob", "web", "too many", 1))
                        .build()))
                .isEmpty();
        assertThat(rule.findings(graph(nightly)
                        .workload(workload(nightly))
                        .events(event("Normal", "SuccessfulCreate", "CronJob", "nightly", "Created job nightly-1", 1))
                        .build()))
                .isEmpty();
    }
}
