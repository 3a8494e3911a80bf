package io.kmcp.domain.diagnosis;

import static io.kmcp.domain.diagnosis.Fixtures.WEB_SERVICE;
import static io.kmcp.domain.diagnosis.Fixtures.claim;
import static io.kmcp.domain.diagnosis.Fixtures.container;
import static io.kmcp.domain.diagnosis.Fixtures.deployment;
import static io.kmcp.domain.diagnosis.Fixtures.event;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.log;
import static io.kmcp.domain.diagnosis.Fixtures.pod;
import static io.kmcp.domain.diagnosis.Fixtures.running;
import static io.kmcp.domain.diagnosis.Fixtures.service;
import static io.kmcp.domain.diagnosis.Fixtures.terminated;
import static io.kmcp.domain.diagnosis.Fixtures.warning;
import static io.kmcp.domain.diagnosis.Fixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a finding draws on, and what it leaves to others: only the pods, containers, events and logs of
 * its own subject, so that one workload's trouble is never told as another's.
 */
@DisplayName("The scope of a finding's evidence")
class DiagnosisRulesScopeTest {

    private static final String PROBE_FAILED = "Readiness probe failed: HTTP probe failed with statuscode: 503";

    private static Finding only(List<Finding> findings) {
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    private static Fixtures.Container notReady() {
        return container("app")
                .state(running(Fixtures.ago(Duration.ofMinutes(5))))
                .notReady();
    }

    @Test
    @DisplayName("the last log line comes from a failing container of a failing pod, not from its neighbours")
    void logOfTheFailingContainer() {
        WorkloadGraph graph = graph().workload(deployment(2, 1))
                .pods(pod("web-7d9f-a").with(container("app").crashLooping(), container("proxy")), pod("web-7d9f-b"))
                .logs(
                        log("web-7d9f-b", "app", true, "healthy neighbour's old line"),
                        log("web-7d9f-a", "proxy", true, "proxy's old line"),
                        log("web-7d9f-a", "app", true, "panic: cannot connect to database at db:5432"))
                .build();

        assertThat(only(DiagnosisRules.crashLoop(graph)).evidence())
                .contains("last log line: panic: cannot connect to database at db:5432")
                .doesNotContain("last log line: healthy neighbour's old line", "last log line: proxy's old line");
    }

    @Test
    @DisplayName("events about other pods, or about other kinds of object of the same name, are not evidence")
    void eventsOfTheFailingPods() {
        WorkloadGraph graph = graph().workload(deployment(2, 1))
                .pods(pod("web-7d9f-a").with(container("app").crashLooping()), pod("web-7d9f-b"))
                .events(
                        warning("BackOff", "web-7d9f-a", "Back-off restarting failed container app", 5),
                        warning("BackOff", "api-5c5c-a", "Back-off restarting failed container api", 7),
                        event("Warning", "BackOff", "Node", "web-7d9f-a", "node back-off", 11))
                .build();

        assertThat(only(DiagnosisRules.crashLoop(graph)).evidence())
                .contains("event BackOff ×5: Back-off restarting failed container app");
    }

    @Test
    @DisplayName("a claim names the pods that use it, and only the events about the claim itself")
    void claimUsersAndEvents() {
        WorkloadGraph graph = graph().workload(deployment(2, 1))
                .pods(
                        pod("web-7d9f-a").claim("web").unschedulable("pod has unbound PersistentVolumeClaims"),
                        pod("web-7d9f-b"))
                .claims(claim("web", "Pending", "fast"))
                .events(
                        event(
                                "Warning",
                                "ProvisioningFailed",
                                "PersistentVolumeClaim",
                                "web",
                                "storageclass.storage.k8s.io \"fast\" not found",
                                4),
                        event("Normal", "ScalingReplicaSet", "Deployment", "web", "Scaled up to 2", 1))
                .build();

        assertThat(only(DiagnosisRules.claimPending(graph)).evidence())
                .containsExactly(
                        "claim web: phase Pending, storage class fast",
                        "used by web-7d9f-a",
                        "event ProvisioningFailed ×4: storageclass.storage.k8s.io \"fast\" not found");
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

        Finding finding = only(DiagnosisRules.containerFailed(graph));

        assertThat(finding.summary())
                .isEqualTo("container render of 1/1 pods of Job shop/report failed: exit code 1 (Error) after ~4s");
        assertThat(finding.evidence())
                .containsExactly(
                        "1 of 1 pods: report-x1", "also container upload (1 pod): exit code 2 (Error) after ~1s");
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

        assertThat(only(DiagnosisRules.jobFailed(graph)).evidence()).contains("exit codes of its failed pods: 3");
    }

    @Test
    @DisplayName("readiness evidence is the readiness probe's events, not the liveness probe's")
    void readinessEventsOnly() {
        WorkloadGraph graph = graph().workload(deployment(1, 0))
                .pods(pod("web-7d9f-a").with(notReady()))
                .events(
                        warning("Unhealthy", "web-7d9f-a", PROBE_FAILED, 5),
                        warning("Unhealthy", "web-7d9f-a", "Liveness probe failed: timeout", 3))
                .build();

        assertThat(only(DiagnosisRules.readinessFailing(graph)).evidence())
                .containsExactly("1 of 1 pods: web-7d9f-a", "event Unhealthy ×5: " + PROBE_FAILED);
    }

    @Test
    @DisplayName("behind a Service, a Deployment none of whose pods is ready is CRITICAL, whatever other pods do")
    void noneReadyPerSubject() {
        WorkloadGraph graph = graph(WEB_SERVICE)
                .noWorkload()
                .service(service(Map.of("tier", "front")))
                .pods(
                        pod("web-7d9f-a")
                                .labels(Map.of("tier", "front", "pod-template-hash", "7d9f"))
                                .with(notReady()),
                        pod("api-5c5c-a")
                                .labels(Map.of("tier", "front", "pod-template-hash", "5c5c"))
                                .ownedBy(new OwnerRef("ReplicaSet", "api-5c5c", "uid-api-rs", true)))
                .events(warning("Unhealthy", "web-7d9f-a", PROBE_FAILED, 5))
                .build();

        Finding finding = only(DiagnosisRules.readinessFailing(graph));

        assertThat(finding.subject()).isEqualTo(new ObjectRef("Deployment", "shop", "web", ""));
        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
    }
}
