package io.kmcp.domain.diagnosis.rules.workloads;

import static io.kmcp.domain.diagnosis.Fixtures.ago;
import static io.kmcp.domain.diagnosis.Fixtures.condition;
import static io.kmcp.domain.diagnosis.Fixtures.container;
import static io.kmcp.domain.diagnosis.Fixtures.deployment;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.log;
import static io.kmcp.domain.diagnosis.Fixtures.only;
import static io.kmcp.domain.diagnosis.Fixtures.pod;
import static io.kmcp.domain.diagnosis.Fixtures.terminated;
import static io.kmcp.domain.diagnosis.Fixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.Condition;
import io.kmcp.domain.diagnosis.DiagnosisRules;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.Fixtures;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.OwnerRef;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("JobFailed")
class JobFailedRuleTest {

    private final JobFailedRule rule = new JobFailedRule();

    private final ObjectRef migrate = new ObjectRef("Job", "shop", "migrate", "uid-migrate");

    private Fixtures.Workload failedJob(ObjectRef ref) {
        return workload(ref)
                .job(0, 0, 4)
                .backoffLimit(3)
                .condition(condition(
                        "Failed", "True", "BackoffLimitExceeded", "Job has reached the specified backoff limit"));
    }

    private Fixtures.Pod failedPod(String name, String job, int exitCode) {
        return pod(name)
                .ownedBy(new OwnerRef("Job", job, "uid-" + job, true))
                .phase("Failed")
                .with(container("migrate").state(terminated(exitCode, "Error", Duration.ofSeconds(3))));
    }

    @Test
    @DisplayName("BackoffLimitExceeded: the condition, the counts, the exit codes of the failed pods, a log line")
    void backoffLimitExceeded() {
        WorkloadGraph graph = graph(migrate)
                .workload(failedJob(migrate))
                .pods(
                        failedPod("migrate-a", "migrate", 1),
                        failedPod("migrate-b", "migrate", 2),
                        failedPod("migrate-c", "migrate", 1),
                        failedPod("other-a", "other", 9))
                .logs(log("migrate-a", "migrate", false, "ERROR: relation \"orders\" does not exist"))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.cause()).isEqualTo("JobFailed");
        assertThat(finding.subject()).isEqualTo(migrate);
        assertThat(finding.summary())
                .isEqualTo("Job shop/migrate failed: BackoffLimitExceeded (Job has reached the specified backoff"
                        + " limit); read the logs of its failed pods");
        assertThat(finding.evidence())
                .containsExactly(
                        "condition Failed: BackoffLimitExceeded: Job has reached the specified backoff limit",
                        "4 failed pods, 0 succeeded, backoffLimit 3",
                        "exit codes of its failed pods: 1, 2",
                        "last log line: ERROR: relation \"orders\" does not exist");
    }

    @Test
    @DisplayName("the exit codes of restarted containers count too")
    void restartedExitCodes() {
        WorkloadGraph graph = graph(migrate)
                .workload(failedJob(migrate))
                .pods(pod("migrate-a")
                        .ownedBy(new OwnerRef("Job", "migrate", "uid-migrate", true))
                        .with(container("migrate").crashLooping().last(terminated(3, "Error", Duration.ofSeconds(1)))))
                .build();

        assertThat(only(rule.findings(graph)).evidence()).contains("exit codes of its failed pods: 3");
    }

    @Test
    @DisplayName("DeadlineExceeded without a message, without pods left")
    void deadline() {
        WorkloadGraph graph = graph(migrate)
                .workload(workload(migrate)
                        .job(0, 0, 1)
                        .condition(new Condition(
                                "Failed",
                                "True",
                                java.util.Optional.of("DeadlineExceeded"),
                                java.util.Optional.empty(),
                                java.util.Optional.empty())))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.summary())
                .isEqualTo("Job shop/migrate failed: DeadlineExceeded; it ran longer than its activeDeadlineSeconds:"
                        + " make it finish sooner or raise the deadline");
        assertThat(finding.evidence())
                .containsExactly("condition Failed: DeadlineExceeded", "1 failed pods, 0 succeeded");
    }

    @Test
    @DisplayName("every reason the Job controller gives up for has its next step")
    void reasons() {
        assertThat(JobFailedRule.advice("PodFailurePolicy")).startsWith("a rule of its podFailurePolicy failed it");
        assertThat(JobFailedRule.advice("MaxFailedIndexesExceeded"))
                .startsWith("more indexes failed than its maxFailedIndexes allows");
        assertThat(JobFailedRule.advice("FailedIndexes")).startsWith("some indexes used up their backoffLimitPerIndex");
        assertThat(JobFailedRule.advice("BackoffLimitExceeded")).isEqualTo("read the logs of its failed pods");
    }

    @Test
    @DisplayName("a failed condition without reason reads as Failed")
    void noReason() {
        WorkloadGraph graph = graph(migrate)
                .workload(workload(migrate).condition(condition("Failed", "True")))
                .build();

        assertThat(only(rule.findings(graph)).summary()).startsWith("Job shop/migrate failed: Failed;");
    }

    @Test
    @DisplayName("a completed Job has no finding at all")
    void completed() {
        WorkloadGraph graph = graph(migrate)
                .workload(workload(migrate)
                        .desired(1)
                        .ready(0)
                        .job(0, 1, 0)
                        .condition(condition("Complete", "True"))
                        .condition(condition("Failed", "False")))
                .pods(pod("migrate-a")
                        .ownedBy(new OwnerRef("Job", "migrate", "uid-migrate", true))
                        .phase("Succeeded")
                        .ready(false)
                        .with(container("migrate").state(terminated(0, "Completed", Duration.ofSeconds(4)))))
                .build();

        assertThat(DiagnosisRules.findings(graph)).isEmpty();
    }

    @Test
    @DisplayName("a CronJob's failed run is a WARNING once a later run completed, CRITICAL otherwise")
    void cronJobRuns() {
        ObjectRef cronJob = new ObjectRef("CronJob", "shop", "migrate", "uid-cj");
        ObjectRef first = new ObjectRef("Job", "shop", "migrate-100", "uid-100");
        ObjectRef second = new ObjectRef("Job", "shop", "migrate-200", "uid-200");
        Fixtures.Workload failed = workload(first)
                .condition(condition("Failed", "True", "BackoffLimitExceeded", ago(Duration.ofHours(2))));

        Finding superseded = only(rule.findings(graph(cronJob)
                .workload(workload(cronJob).noDesired())
                .related(
                        workload(second)
                                .condition(condition("Complete", "True", "Completed", ago(Duration.ofHours(1)))),
                        failed)
                .build()));
        Finding stillFailing = only(rule.findings(graph(cronJob)
                .workload(workload(cronJob).noDesired())
                .related(
                        workload(second)
                                .condition(condition("Complete", "True", "Completed", ago(Duration.ofHours(3)))),
                        failed)
                .build()));
        Finding timeUnknown = only(rule.findings(graph(cronJob)
                .workload(workload(cronJob).noDesired())
                .related(workload(second).condition(condition("Complete", "True")), failed)
                .build()));

        assertThat(superseded.severity()).isEqualTo(Severity.WARNING);
        assertThat(superseded.subject()).isEqualTo(first);
        assertThat(superseded.summary())
                .isEqualTo("Job shop/migrate-100 failed: BackoffLimitExceeded; a later run completed");
        assertThat(stillFailing.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(timeUnknown.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    @DisplayName("a Deployment with a condition called Failed is no Job")
    void notAJob() {
        WorkloadGraph graph = graph().workload(deployment(1, 1).condition(condition("Failed", "True")))
                .build();

        assertThat(rule.findings(graph)).isEmpty();
    }

    @Test
    @DisplayName("the exit codes of a failed Job leave out the clean exits of its pods")
    void jobExitCodesWithoutZero() {
        ObjectRef migrate = new ObjectRef("Job", "shop", "migrate", "uid-migrate");
        WorkloadGraph graph = graph(migrate)
                .workload(workload(migrate)
                        .job(0, 1, 1)
                        .condition(Fixtures.condition("Failed", "True", "BackoffLimitExceeded", "backoff limit")))
                .pods(
                        pod("migrate-a")
                                .ownedBy(new OwnerRef("Job", "migrate", "uid-migrate", true))
                                .with(container("migrate").state(terminated(3, "Error", Duration.ofSeconds(2)))),
                        pod("migrate-b")
                                .ownedBy(new OwnerRef("Job", "migrate", "uid-migrate", true))
                                .with(container("migrate").state(terminated(0, "Completed", Duration.ofSeconds(2)))))
                .build();

        assertThat(only(rule.findings(graph)).evidence()).contains("exit codes of its failed pods: 3");
    }
}
