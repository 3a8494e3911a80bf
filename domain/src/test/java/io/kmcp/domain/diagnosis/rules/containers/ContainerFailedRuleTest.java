package io.kmcp.domain.diagnosis.rules.containers;

import static io.kmcp.domain.diagnosis.Fixtures.ago;
import static io.kmcp.domain.diagnosis.Fixtures.condition;
import static io.kmcp.domain.diagnosis.Fixtures.container;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.log;
import static io.kmcp.domain.diagnosis.Fixtures.only;
import static io.kmcp.domain.diagnosis.Fixtures.pod;
import static io.kmcp.domain.diagnosis.Fixtures.terminated;
import static io.kmcp.domain.diagnosis.Fixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.ContainerState;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.OwnerRef;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ContainerFailed")
class ContainerFailedRuleTest {

    private final ContainerFailedRule rule = new ContainerFailedRule();

    private final ObjectRef migrate = new ObjectRef("Job", "shop", "migrate", "uid-migrate");

    @Test
    @DisplayName("a container that ended with an error and is not restarted: exit, log, termination message")
    void failed() {
        WorkloadGraph graph = graph(migrate)
                .workload(workload(migrate).job(1, 0, 1))
                .pods(pod("migrate-x1")
                        .ownedBy(new OwnerRef("Job", "migrate", "uid-migrate", true))
                        .phase("Failed")
                        .with(container("migrate")
                                .state(new ContainerState(
                                        ContainerState.Phase.TERMINATED,
                                        java.util.Optional.of("Error"),
                                        java.util.Optional.of("relation \"orders\" does not exist\n"),
                                        java.util.Optional.of(1),
                                        java.util.Optional.of(ago(Duration.ofSeconds(13))),
                                        java.util.Optional.of(ago(Duration.ofSeconds(10)))))))
                .logs(log("migrate-x1", "migrate", false, "applying 0042_orders.sql", "ERROR: relation"))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.cause()).isEqualTo("ContainerFailed");
        assertThat(finding.subject()).isEqualTo(migrate);
        assertThat(finding.summary())
                .isEqualTo("container migrate of 1/1 pods of Job shop/migrate failed: exit code 1 (Error) after ~3s");
        assertThat(finding.evidence())
                .containsExactly(
                        "1 of 1 pods: migrate-x1",
                        "last log line: ERROR: relation",
                        "termination message: relation \"orders\" does not exist");
    }

    @Test
    @DisplayName("a clean exit, an OOM kill, or a failed attempt of a Job that completed since are no finding")
    void notFailures() {
        ObjectRef cronJob = new ObjectRef("CronJob", "shop", "migrate", "uid-cj");
        WorkloadGraph graph = graph(cronJob)
                .workload(workload(cronJob).noDesired())
                .related(workload(new ObjectRef("Job", "shop", "migrate-1", "uid-1"))
                        .condition(condition("Complete", "True")))
                .pods(
                        pod("migrate-1-a")
                                .ownedBy(new OwnerRef("Job", "migrate-1", "uid-1", true))
                                .with(container("migrate").state(terminated(1, "Error", Duration.ofSeconds(1)))),
                        pod("migrate-1-b")
                                .ownedBy(new OwnerRef("Job", "migrate-1", "uid-1", true))
                                .with(container("migrate").state(terminated(0, "Completed", Duration.ofSeconds(1)))),
                        pod("other")
                                .ownedBy()
                                .with(container("migrate").state(terminated(137, "OOMKilled", Duration.ofSeconds(1)))))
                .build();

        assertThat(rule.findings(graph)).isEmpty();
    }

    @Test
    @DisplayName("the pods of a Job that has not completed are told, whoever else is called Complete")
    void jobNotCompleted() {
        WorkloadGraph graph = graph(migrate)
                .workload(workload(migrate).condition(condition("Complete", "False")))
                .related(
                        workload(new ObjectRef("Deployment", "shop", "migrate", "u"))
                                .condition(condition("Complete", "True")),
                        workload(new ObjectRef("Job", "shop", "done", "u")).condition(condition("Complete", "True")))
                .pods(
                        pod("migrate-x1")
                                .ownedBy(new OwnerRef("Job", "migrate", "uid-migrate", true))
                                .with(container("migrate").state(terminated(2, null, Duration.ofSeconds(1)))),
                        pod("migrate-x2")
                                .ownedBy(new OwnerRef("ReplicaSet", "done", "uid-done", true))
                                .with(container("migrate").state(terminated(2, null, Duration.ofSeconds(1)))))
                .build();

        assertThat(only(rule.findings(graph)).summary())
                .isEqualTo("container migrate of 2/2 pods of Job shop/migrate failed: exit code 2 after ~1s");
    }

    @Test
    @DisplayName("a container that exited cleanly is no failure, though its neighbour in the pod failed")
    void cleanExitBesideAFailure() {
        ObjectRef report = new ObjectRef("Job", "shop", "report", "uid-report");
        WorkloadGraph graph = graph(report)
                .workload(workload(report).job(1, 0, 0))
                .pods(pod("report-x1")
                        .ownedBy(new OwnerRef("Job", "report", "uid-report", true))
                        .phase("Failed")
                        .with(
                                container("render").state(terminated(1, "Error", Duration.ofSeconds(4))),
                                container("upload").state(terminated(2, "Error", Duration.ofSeconds(1))),
                                container("fetch").state(terminated(0, "Completed", Duration.ofSeconds(2)))))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.summary())
                .isEqualTo("container render of 1/1 pods of Job shop/report failed: exit code 1 (Error) after ~4s");
        assertThat(finding.evidence())
                .containsExactly(
                        "1 of 1 pods: report-x1", "also container upload (1 pod): exit code 2 (Error) after ~1s");
    }

    @Test
    @DisplayName("a command the runtime could not start (StartError): what to fix")
    void startError() {
        WorkloadGraph graph = graph(migrate)
                .workload(workload(migrate).job(0, 0, 1))
                .pods(pod("migrate-x1")
                        .ownedBy(new OwnerRef("Job", "migrate", "uid-migrate", true))
                        .phase("Failed")
                        .with(container("migrate")
                                .state(terminated(
                                        128,
                                        "StartError",
                                        "failed to create containerd task: exec: \"migrate\": executable file not"
                                                + " found in $PATH"))))
                .build();

        assertThat(only(rule.findings(graph)).summary())
                .isEqualTo("container migrate of 1/1 pods of Job shop/migrate failed: exit code 128 (StartError):"
                        + " the command it runs is not in the image: fix command/args or the image");
    }

    @Test
    @DisplayName("the containers of a pod that failed as a whole (evicted) are told by the pod's reason")
    void podFailedAsAWhole() {
        WorkloadGraph graph = graph().pods(pod("web-7d9f-a")
                        .failed("Evicted", "The node was low on resource: memory.")
                        .with(container("app").state(terminated(137, "ContainerStatusUnknown", Duration.ofHours(1)))))
                .build();

        assertThat(rule.findings(graph)).isEmpty();
    }
}
