package io.kmcp.domain.diagnosis.rules.containers;

import static io.kmcp.domain.diagnosis.Fixtures.WEB;
import static io.kmcp.domain.diagnosis.Fixtures.autoscaler;
import static io.kmcp.domain.diagnosis.Fixtures.claim;
import static io.kmcp.domain.diagnosis.Fixtures.container;
import static io.kmcp.domain.diagnosis.Fixtures.deployment;
import static io.kmcp.domain.diagnosis.Fixtures.event;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.log;
import static io.kmcp.domain.diagnosis.Fixtures.node;
import static io.kmcp.domain.diagnosis.Fixtures.only;
import static io.kmcp.domain.diagnosis.Fixtures.pod;
import static io.kmcp.domain.diagnosis.Fixtures.service;
import static io.kmcp.domain.diagnosis.Fixtures.slice;
import static io.kmcp.domain.diagnosis.Fixtures.terminated;
import static io.kmcp.domain.diagnosis.Fixtures.unavailableLog;
import static io.kmcp.domain.diagnosis.Fixtures.waiting;
import static io.kmcp.domain.diagnosis.Fixtures.warning;
import static io.kmcp.domain.diagnosis.Fixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.DiagnosisRules;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.Fixtures;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CrashLoopBackOff")
class CrashLoopBackOffRuleTest {

    private final CrashLoopBackOffRule rule = new CrashLoopBackOffRule();

    private final Fixtures.Graph crashing = graph().workload(deployment(2, 0))
            .pods(
                    pod("web-7d9f-a").with(container("app").crashLooping()),
                    pod("web-7d9f-b").with(container("app").crashLooping()))
            .logs(log(
                    "web-7d9f-a",
                    "app",
                    true,
                    "connecting to db:5432",
                    "panic: cannot connect to database at db:5432",
                    ""))
            .events(
                    warning("BackOff", "web-7d9f-a", "Back-off restarting failed container app in pod web-7d9f-a", 5),
                    warning("BackOff", "web-7d9f-b", "Back-off restarting failed container app in pod web-7d9f-b", 4));

    @Test
    @DisplayName("pods of one Deployment crashing alike make one finding on the Deployment, with the last log line")
    void groupedOnTheWorkload() {
        Finding finding = only(rule.findings(crashing.build()));

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.cause()).isEqualTo("CrashLoopBackOff");
        assertThat(finding.subject()).isEqualTo(WEB);
        assertThat(finding.summary())
                .isEqualTo("container app of 2/2 pods of Deployment shop/web keeps crashing: exit code 1 (Error)"
                        + " after ~2s, 4 restarts");
        assertThat(finding.evidence())
                .containsExactly(
                        "2 of 2 pods: web-7d9f-a, web-7d9f-b",
                        "last log line: panic: cannot connect to database at db:5432",
                        "kubelet: back-off 1m20s restarting failed container=app pod=web-7d9f-a_shop(uid)",
                        "event BackOff ×9 on 2 pods: Back-off restarting failed container app in pod web-7d9f-a");
    }

    @Test
    @DisplayName("a healthy Deployment has no finding at all")
    void healthy() {
        WorkloadGraph healthy = graph().pods(pod("web-7d9f-a"), pod("web-7d9f-b"), pod("web-7d9f-c"))
                .service(service(Map.of("app", "web")))
                .slices(slice(3, 0))
                .nodes(node("node-1", true, false, List.of()))
                .claims(claim("data", "Bound", "fast"))
                .autoscalers(autoscaler(2, 5, 3, 3))
                .events(event("Normal", "Pulled", "Pod", "web-7d9f-a", "Container image already present", 1))
                .build();

        assertThat(rule.findings(healthy)).isEmpty();
        assertThat(DiagnosisRules.findings(healthy)).isEmpty();
    }

    @Test
    @DisplayName("a pod asked about is told as itself, without a count of pods")
    void podAskedAbout() {
        ObjectRef pod = new ObjectRef("Pod", "shop", "web-7d9f-a", "uid-web-7d9f-a");
        WorkloadGraph graph = graph(pod)
                .pods(pod("web-7d9f-a").with(container("app").crashLooping()))
                .related(workload(Fixtures.WEB_RS), deployment(1, 0))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.subject()).isEqualTo(pod);
        assertThat(finding.summary())
                .isEqualTo("container app of Pod shop/web-7d9f-a keeps crashing: exit code 1 (Error) after ~2s,"
                        + " 4 restarts");
        assertThat(finding.evidence()).noneMatch(line -> line.contains(" pods: "));
    }

    @Test
    @DisplayName("restart counts that differ between pods read as 'up to'; one restart is singular")
    void restartCounts() {
        Finding differing = only(rule.findings(graph().pods(
                        pod("web-7d9f-a").with(container("app").crashLooping().restarts(2)),
                        pod("web-7d9f-b").with(container("app").crashLooping().restarts(6)))
                .build()));
        Finding once = only(rule.findings(graph().pods(
                        pod("web-7d9f-a").with(container("app").crashLooping().restarts(1)))
                .build()));

        assertThat(differing.summary()).endsWith(", up to 6 restarts");
        assertThat(once.summary()).endsWith(", 1 restart");
    }

    @Test
    @DisplayName("without a recorded exit, the summary says so")
    void noExitRecorded() {
        Finding finding = only(rule.findings(graph().pods(pod("web-7d9f-a")
                        .with(container("app")
                                .state(waiting("CrashLoopBackOff", null))
                                .restarts(3)))
                .build()));

        assertThat(finding.summary()).endsWith("keeps crashing: no exit recorded yet, 3 restarts");
        assertThat(finding.evidence()).containsExactly("1 of 1 pods: web-7d9f-a");
    }

    @Test
    @DisplayName("the previous instance's log is quoted first, since that is the one that crashed")
    void previousLogFirst() {
        WorkloadGraph graph = graph().pods(
                        pod("web-7d9f-a").with(container("app").crashLooping()))
                .logs(
                        log("web-7d9f-a", "app", false, "starting"),
                        log("web-7d9f-a", "app", true, "fatal: config missing"),
                        log("web-7d9f-a", "sidecar", true, "not this container"),
                        log("web-7d9f-z", "app", true, "not this pod"))
                .build();

        assertThat(only(rule.findings(graph)).evidence()).contains("last log line: fatal: config missing");
    }

    @Test
    @DisplayName("a log that could not be read says why, for the agent to ask differently")
    void logUnavailable() {
        WorkloadGraph graph = graph().pods(
                        pod("web-7d9f-a").with(container("app").crashLooping()))
                .logs(unavailableLog("web-7d9f-a", "app", true, "forbidden by RBAC"))
                .build();

        assertThat(only(rule.findings(graph)).evidence()).contains("log unavailable: forbidden by RBAC");
    }

    @Test
    @DisplayName("two containers crashing in the same pods make one finding naming both")
    void twoContainers() {
        WorkloadGraph graph = graph().pods(
                        pod("web-7d9f-a").with(container("app").crashLooping(), sidecar()),
                        pod("web-7d9f-b").with(container("app").crashLooping(), sidecar()))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.summary()).startsWith("container app of 2/2 pods of Deployment shop/web");
        assertThat(finding.evidence())
                .contains("2 of 2 pods: web-7d9f-a, web-7d9f-b")
                .contains("also container proxy (2 pods): exit code 2 (Error) after ~2m");
    }

    @Test
    @DisplayName("an init container is told as one")
    void initContainer() {
        Finding finding = only(rule.findings(graph().pods(pod("web-7d9f-a")
                        .with(
                                container("migrate").init().crashLooping(),
                                container("app").state(waiting("PodInitializing", null))))
                .build()));

        assertThat(finding.summary()).startsWith("init container migrate of 1/1 pods");
    }

    @Test
    @DisplayName("a container the memory limit killed is OOMKilled, not a crash loop")
    void oomIsNotACrashLoop() {
        WorkloadGraph graph = graph().pods(pod("web-7d9f-a")
                        .with(container("app")
                                .crashLooping()
                                .last(terminated(137, "OOMKilled", Duration.ofSeconds(5)))))
                .build();

        assertThat(rule.findings(graph)).isEmpty();
        assertThat(DiagnosisRules.findings(graph)).extracting(Finding::cause).contains("OOMKilled");
    }

    @Test
    @DisplayName("a container its liveness probe kills is LivenessProbeFailing, not a crash loop")
    void probeKillIsNotACrashLoop() {
        WorkloadGraph graph = graph().pods(pod("web-7d9f-a")
                        .with(container("app").crashLooping().last(terminated(137, "Error", Duration.ofSeconds(40)))))
                .events(event(
                        "Normal",
                        "Killing",
                        "Pod",
                        "web-7d9f-a",
                        "Container app failed liveness probe, will be restarted",
                        4))
                .build();

        assertThat(rule.findings(graph)).isEmpty();
        assertThat(DiagnosisRules.findings(graph))
                .extracting(Finding::cause)
                .contains("LivenessProbeFailing")
                .doesNotContain("CrashLoopBackOff");
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

        assertThat(only(rule.findings(graph)).evidence())
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

        assertThat(only(rule.findings(graph)).evidence())
                .contains("event BackOff ×5: Back-off restarting failed container app");
    }

    private Fixtures.Container sidecar() {
        return container("proxy").crashLooping().last(terminated(2, "Error", Duration.ofMinutes(2)));
    }
}
