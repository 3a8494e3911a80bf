package io.kmcp.domain.diagnosis;

import static io.kmcp.domain.diagnosis.Fixtures.NOW;
import static io.kmcp.domain.diagnosis.Fixtures.WEB;
import static io.kmcp.domain.diagnosis.Fixtures.WEB_SERVICE;
import static io.kmcp.domain.diagnosis.Fixtures.ago;
import static io.kmcp.domain.diagnosis.Fixtures.autoscaler;
import static io.kmcp.domain.diagnosis.Fixtures.claim;
import static io.kmcp.domain.diagnosis.Fixtures.condition;
import static io.kmcp.domain.diagnosis.Fixtures.container;
import static io.kmcp.domain.diagnosis.Fixtures.deployment;
import static io.kmcp.domain.diagnosis.Fixtures.event;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.log;
import static io.kmcp.domain.diagnosis.Fixtures.node;
import static io.kmcp.domain.diagnosis.Fixtures.pod;
import static io.kmcp.domain.diagnosis.Fixtures.running;
import static io.kmcp.domain.diagnosis.Fixtures.service;
import static io.kmcp.domain.diagnosis.Fixtures.slice;
import static io.kmcp.domain.diagnosis.Fixtures.terminated;
import static io.kmcp.domain.diagnosis.Fixtures.unavailableLog;
import static io.kmcp.domain.diagnosis.Fixtures.waiting;
import static io.kmcp.domain.diagnosis.Fixtures.warning;
import static io.kmcp.domain.diagnosis.Fixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The diagnosis rules")
class DiagnosisRulesTest {

    private static final String SCHEDULER_MESSAGE = "0/3 nodes are available: 3 Insufficient cpu.";

    private static Finding only(List<Finding> findings) {
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    @Nested
    @DisplayName("CrashLoopBackOff")
    class CrashLoop {

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
                        warning(
                                "BackOff",
                                "web-7d9f-a",
                                "Back-off restarting failed container app in pod web-7d9f-a",
                                5),
                        warning(
                                "BackOff",
                                "web-7d9f-b",
                                "Back-off restarting failed container app in pod web-7d9f-b",
                                4));

        @Test
        @DisplayName("pods of one Deployment crashing alike make one finding on the Deployment, with the last log line")
        void groupedOnTheWorkload() {
            Finding finding = only(DiagnosisRules.crashLoop(crashing.build()));

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

            assertThat(DiagnosisRules.crashLoop(healthy)).isEmpty();
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

            Finding finding = only(DiagnosisRules.crashLoop(graph));

            assertThat(finding.subject()).isEqualTo(pod);
            assertThat(finding.summary())
                    .isEqualTo("container app of Pod shop/web-7d9f-a keeps crashing: exit code 1 (Error) after ~2s,"
                            + " 4 restarts");
            assertThat(finding.evidence()).noneMatch(line -> line.contains(" pods: "));
        }

        @Test
        @DisplayName("restart counts that differ between pods read as 'up to'; one restart is singular")
        void restartCounts() {
            Finding differing = only(DiagnosisRules.crashLoop(graph().pods(
                            pod("web-7d9f-a")
                                    .with(container("app").crashLooping().restarts(2)),
                            pod("web-7d9f-b")
                                    .with(container("app").crashLooping().restarts(6)))
                    .build()));
            Finding once = only(DiagnosisRules.crashLoop(graph().pods(pod("web-7d9f-a")
                            .with(container("app").crashLooping().restarts(1)))
                    .build()));

            assertThat(differing.summary()).endsWith(", up to 6 restarts");
            assertThat(once.summary()).endsWith(", 1 restart");
        }

        @Test
        @DisplayName("without a recorded exit, the summary says so")
        void noExitRecorded() {
            Finding finding = only(DiagnosisRules.crashLoop(graph().pods(pod("web-7d9f-a")
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

            assertThat(only(DiagnosisRules.crashLoop(graph)).evidence())
                    .contains("last log line: fatal: config missing");
        }

        @Test
        @DisplayName("a log that could not be read says why, for the agent to ask differently")
        void logUnavailable() {
            WorkloadGraph graph = graph().pods(
                            pod("web-7d9f-a").with(container("app").crashLooping()))
                    .logs(unavailableLog("web-7d9f-a", "app", true, "forbidden by RBAC"))
                    .build();

            assertThat(only(DiagnosisRules.crashLoop(graph)).evidence()).contains("log unavailable: forbidden by RBAC");
        }

        @Test
        @DisplayName("two containers crashing in the same pods make one finding naming both")
        void twoContainers() {
            WorkloadGraph graph = graph().pods(
                            pod("web-7d9f-a").with(container("app").crashLooping(), sidecar()),
                            pod("web-7d9f-b").with(container("app").crashLooping(), sidecar()))
                    .build();

            Finding finding = only(DiagnosisRules.crashLoop(graph));

            assertThat(finding.summary()).startsWith("container app of 2/2 pods of Deployment shop/web");
            assertThat(finding.evidence())
                    .contains("2 of 2 pods: web-7d9f-a, web-7d9f-b")
                    .contains("also container proxy (2 pods): exit code 2 (Error) after ~2m");
        }

        private Fixtures.Container sidecar() {
            return container("proxy").crashLooping().last(terminated(2, "Error", Duration.ofMinutes(2)));
        }

        @Test
        @DisplayName("an init container is told as one")
        void initContainer() {
            Finding finding = only(DiagnosisRules.crashLoop(graph().pods(pod("web-7d9f-a")
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

            assertThat(DiagnosisRules.crashLoop(graph)).isEmpty();
            assertThat(DiagnosisRules.findings(graph))
                    .extracting(Finding::cause)
                    .contains("OOMKilled");
        }
    }

    @Nested
    @DisplayName("the subject of a finding, diagnosing a Service")
    class Subjects {

        @Test
        @DisplayName("pods of two Deployments behind one Service make a finding on each Deployment")
        void perDeployment() {
            WorkloadGraph graph = graph(WEB_SERVICE)
                    .service(service(Map.of("tier", "frontend")))
                    .pods(
                            pod("web-7d9f-a")
                                    .labels(Map.of("tier", "frontend", "pod-template-hash", "7d9f"))
                                    .with(container("app").crashLooping()),
                            pod("api-5c4b-a")
                                    .labels(Map.of("tier", "frontend", "pod-template-hash", "5c4b"))
                                    .ownedBy(new OwnerRef("ReplicaSet", "api-5c4b", "uid-api-rs", true))
                                    .with(container("app").crashLooping()),
                            pod("api-5c4b-b")
                                    .labels(Map.of("tier", "frontend", "pod-template-hash", "5c4b"))
                                    .ownedBy(new OwnerRef("ReplicaSet", "api-5c4b", "uid-api-rs", true)))
                    .build();

            List<Finding> findings = DiagnosisRules.crashLoop(graph);

            assertThat(findings)
                    .extracting(Finding::subject)
                    .containsExactly(
                            new ObjectRef("Deployment", "shop", "web", ""),
                            new ObjectRef("Deployment", "shop", "api", ""));
            assertThat(findings.get(1).summary()).startsWith("container app of 1/2 pods of Deployment shop/api");
        }

        @Test
        @DisplayName("a pod without controller is its own subject; other controllers are told as they are")
        void otherOwners() {
            WorkloadGraph graph = graph(WEB_SERVICE)
                    .service(service(Map.of("app", "web")))
                    .pods(
                            pod("loose").ownedBy().with(container("app").crashLooping()),
                            pod("cache-0")
                                    .ownedBy(
                                            new OwnerRef("Node", "node-1", "uid-n", false),
                                            new OwnerRef("StatefulSet", "cache", "uid-cache", true))
                                    .with(container("app").crashLooping()),
                            pod("odd-1")
                                    .ownedBy(new OwnerRef("ReplicaSet", "odd", "uid-odd", true))
                                    .with(container("app").crashLooping()),
                            pod("bare-1")
                                    .labels(Map.of("app", "web"))
                                    .ownedBy(new OwnerRef("ReplicaSet", "bare-7d9f", "uid-bare", true))
                                    .with(container("app").crashLooping()))
                    .build();

            assertThat(DiagnosisRules.crashLoop(graph))
                    .extracting(Finding::subject)
                    .containsExactly(
                            new ObjectRef("Pod", "shop", "loose", "uid-loose"),
                            new ObjectRef("StatefulSet", "shop", "cache", "uid-cache"),
                            new ObjectRef("ReplicaSet", "shop", "odd", "uid-odd"),
                            new ObjectRef("ReplicaSet", "shop", "bare-7d9f", "uid-bare"));
            assertThat(DiagnosisRules.crashLoop(graph).get(0).summary()).startsWith("container app of Pod shop/loose ");
        }
    }

    @Nested
    @DisplayName("OOMKilled")
    class OomKilled {

        @Test
        @DisplayName("the exit code, the memory limit and the restarts, with what to do")
        void killedAtItsLimit() {
            WorkloadGraph graph = graph().pods(pod("web-7d9f-a")
                            .with(container("app")
                                    .crashLooping()
                                    .restarts(3)
                                    .memoryLimit("64Mi")
                                    .last(terminated(137, "OOMKilled", Duration.ofSeconds(5)))))
                    .logs(log("web-7d9f-a", "app", true, "loading cache: 1200000 entries"))
                    .build();

            Finding finding = only(DiagnosisRules.oomKilled(graph));

            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(finding.cause()).isEqualTo("OOMKilled");
            assertThat(finding.subject()).isEqualTo(WEB);
            assertThat(finding.summary())
                    .isEqualTo("container app of 1/1 pods of Deployment shop/web was OOMKilled (exit code 137, limit"
                            + " 64Mi), 3 restarts: raise its memory limit or make it use less memory");
            assertThat(finding.evidence())
                    .containsExactly(
                            "1 of 1 pods: web-7d9f-a",
                            "exit code 137 (OOMKilled) after ~5s",
                            "memory limit 64Mi: the container used more",
                            "last log line: loading cache: 1200000 entries");
        }

        @Test
        @DisplayName("a container terminated by the kill right now, without a limit: the node ran short")
        void killedWithoutLimit() {
            WorkloadGraph graph = graph().pods(
                            pod("web-7d9f-a").with(container("app").state(terminated(137, "OOMKilled", (String) null))),
                            pod("web-7d9f-b")
                                    .with(container("app")
                                            .crashLooping()
                                            .last(terminated(137, "OOMKilled", Duration.ofSeconds(1)))),
                            pod("web-7d9f-c")
                                    .with(
                                            container("app"),
                                            container("proxy")
                                                    .state(terminated(137, "OOMKilled", Duration.ofSeconds(9)))))
                    .build();

            Finding finding = only(DiagnosisRules.oomKilled(graph));

            assertThat(finding.summary())
                    .isEqualTo(
                            "container app of 2/3 pods of Deployment shop/web was OOMKilled (exit code 137, no memory"
                                    + " limit), up to 4 restarts: raise its memory limit or make it use less memory");
            assertThat(finding.evidence())
                    .containsExactly(
                            "3 of 3 pods: web-7d9f-a, web-7d9f-b, web-7d9f-c",
                            "exit code 137 (OOMKilled)",
                            "no memory limit: killed when the node ran short of memory",
                            "also container proxy (1 pod): exit code 137 (OOMKilled) after ~9s");
        }

        @Test
        @DisplayName("a restart for another reason is no OOM kill")
        void otherRestarts() {
            WorkloadGraph graph = graph().pods(pod("web-7d9f-a")
                            .with(container("app").restarts(1).last(terminated(143, "Error", Duration.ofHours(3)))))
                    .build();

            assertThat(DiagnosisRules.oomKilled(graph)).isEmpty();
            assertThat(DiagnosisRules.findings(graph)).isEmpty();
        }
    }

    @Nested
    @DisplayName("ImagePullBackOff")
    class ImagePull {

        @Test
        @DisplayName("the image, the kubelet's message and the Failed event, with what to check")
        void backOff() {
            WorkloadGraph graph = graph().pods(
                            pod("web-7d9f-a").with(pulling("ImagePullBackOff")),
                            pod("web-7d9f-b").with(pulling("ErrImagePull")),
                            pod("web-7d9f-c"))
                    .events(
                            warning(
                                    "Failed",
                                    "web-7d9f-a",
                                    "Failed to pull image \"nginx:doesnotexist\": rpc error: code = NotFound desc ="
                                            + " failed to resolve reference \"docker.io/library/nginx:doesnotexist\"",
                                    3),
                            warning("BackOff", "web-7d9f-a", "Back-off pulling image \"nginx:doesnotexist\"", 8))
                    .build();

            Finding finding = only(DiagnosisRules.imagePull(graph));

            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(finding.cause()).isEqualTo("ImagePullBackOff");
            assertThat(finding.subject()).isEqualTo(WEB);
            assertThat(finding.summary())
                    .isEqualTo("container app of 2/3 pods of Deployment shop/web cannot get image nginx:doesnotexist"
                            + " (ImagePullBackOff): check the image name and tag, the registry, and the pull secrets");
            assertThat(finding.evidence())
                    .containsExactly(
                            "2 of 3 pods: web-7d9f-a, web-7d9f-b",
                            "image nginx:doesnotexist",
                            "kubelet: Back-off pulling image \"nginx:doesnotexist\"",
                            "event Failed ×3: Failed to pull image \"nginx:doesnotexist\": rpc error: code = NotFound"
                                    + " desc = failed to resolve reference \"docker.io/library/nginx:doesnotexist\"");
        }

        @Test
        @DisplayName("an invalid image name, or an image never pulled, each with its own advice")
        void otherReasons() {
            Finding invalid =
                    only(DiagnosisRules.imagePull(graph().pods(pod("web-7d9f-a").with(pulling("InvalidImageName")))
                            .build()));
            Finding never =
                    only(DiagnosisRules.imagePull(graph().pods(pod("web-7d9f-a").with(pulling("ErrImageNeverPull")))
                            .build()));

            assertThat(invalid.cause()).isEqualTo("ImagePullBackOff");
            assertThat(invalid.summary()).endsWith("(InvalidImageName): fix the image reference");
            assertThat(never.summary())
                    .endsWith("(ErrImageNeverPull): imagePullPolicy is Never and the image is not on the node");
        }

        @Test
        @DisplayName("another container of the same pods that cannot get its image is named too")
        void secondContainer() {
            WorkloadGraph graph = graph().pods(pod("web-7d9f-a")
                            .with(
                                    pulling("ImagePullBackOff"),
                                    container("proxy").image("envoy:nope").state(waiting("ErrImagePull", null))))
                    .build();

            assertThat(only(DiagnosisRules.imagePull(graph)).evidence())
                    .containsExactly(
                            "1 of 1 pods: web-7d9f-a",
                            "image nginx:doesnotexist",
                            "kubelet: Back-off pulling image \"nginx:doesnotexist\"",
                            "also container proxy (1 pod): image envoy:nope (ErrImagePull)");
        }

        @Test
        @DisplayName("containers still being created, or waiting for other reasons, are not pull failures")
        void notPulling() {
            WorkloadGraph graph = graph().pods(
                            pod("web-7d9f-a").with(container("app").state(waiting("ContainerCreating", null))),
                            pod("web-7d9f-b").with(container("app").crashLooping()))
                    .build();

            assertThat(DiagnosisRules.imagePull(graph)).isEmpty();
        }

        private Fixtures.Container pulling(String reason) {
            return container("app")
                    .image("nginx:doesnotexist")
                    .state(waiting(reason, "Back-off pulling image \"nginx:doesnotexist\""));
        }
    }

    @Nested
    @DisplayName("ContainerWaiting")
    class ContainerWaiting {

        @Test
        @DisplayName("CreateContainerConfigError: the kubelet's message says which Secret or key is missing")
        void configError() {
            WorkloadGraph graph = graph().pods(pod("web-7d9f-a")
                            .with(container("app")
                                    .state(waiting(
                                            "CreateContainerConfigError", "secret \"db-credentials\" not found"))))
                    .events(warning("Failed", "web-7d9f-a", "Error: secret \"db-credentials\" not found", 6))
                    .build();

            Finding finding = only(DiagnosisRules.containerWaiting(graph));

            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(finding.cause()).isEqualTo("ContainerWaiting");
            assertThat(finding.summary())
                    .isEqualTo("container app of 1/1 pods of Deployment shop/web cannot start:"
                            + " CreateContainerConfigError (secret \"db-credentials\" not found)");
            assertThat(finding.evidence())
                    .containsExactly(
                            "1 of 1 pods: web-7d9f-a",
                            "kubelet: secret \"db-credentials\" not found",
                            "event Failed ×6: Error: secret \"db-credentials\" not found");
        }

        @Test
        @DisplayName("ContainerCreating held up by a volume that does not mount: the event says why")
        void mountFailure() {
            WorkloadGraph graph = graph().pods(
                            pod("web-7d9f-a").with(container("app").state(waiting("ContainerCreating", null))),
                            pod("web-7d9f-b").with(container("app").state(waiting("ContainerCreating", null))))
                    .events(warning(
                            "FailedMount",
                            "web-7d9f-a",
                            "MountVolume.SetUp failed for volume \"config\" : configmap \"web-config\" not found",
                            3))
                    .build();

            Finding finding = only(DiagnosisRules.containerWaiting(graph));

            assertThat(finding.summary())
                    .isEqualTo("container app of 1/2 pods of Deployment shop/web cannot start: ContainerCreating"
                            + " (MountVolume.SetUp failed for volume \"config\" : configmap \"web-config\" not found)");
            assertThat(finding.evidence())
                    .containsExactly(
                            "1 of 2 pods: web-7d9f-a",
                            "event FailedMount ×3: MountVolume.SetUp failed for volume \"config\" : configmap"
                                    + " \"web-config\" not found");
        }

        @Test
        @DisplayName("containers on their way to running, crashing or pulling are not told here")
        void ordinaryWaiting() {
            WorkloadGraph graph = graph().pods(pod("web-7d9f-a")
                            .with(
                                    container("a").state(waiting("ContainerCreating", null)),
                                    container("b").state(waiting("PodInitializing", null)),
                                    container("c").crashLooping(),
                                    container("d").state(waiting("ImagePullBackOff", null)),
                                    container("e").state(Fixtures.running(NOW))))
                    .events(event("Normal", "Scheduled", "Pod", "web-7d9f-a", "Successfully assigned", 1))
                    .build();

            assertThat(DiagnosisRules.containerWaiting(graph)).isEmpty();
        }

        @Test
        @DisplayName("a second container waiting for another reason is named with its reason")
        void secondContainer() {
            WorkloadGraph graph = graph().pods(pod("web-7d9f-a")
                            .with(
                                    container("app").state(waiting("CreateContainerError", null)),
                                    container("proxy").state(waiting("RunContainerError", "exec format error"))))
                    .build();

            Finding finding = only(DiagnosisRules.containerWaiting(graph));

            assertThat(finding.summary()).endsWith("cannot start: CreateContainerError");
            assertThat(finding.evidence()).contains("also container proxy (1 pod): RunContainerError");
        }
    }

    @Nested
    @DisplayName("ContainerFailed")
    class ContainerFailed {

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

            Finding finding = only(DiagnosisRules.containerFailed(graph));

            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.cause()).isEqualTo("ContainerFailed");
            assertThat(finding.subject()).isEqualTo(migrate);
            assertThat(finding.summary())
                    .isEqualTo(
                            "container migrate of 1/1 pods of Job shop/migrate failed: exit code 1 (Error) after ~3s");
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
                                    .with(container("migrate")
                                            .state(terminated(0, "Completed", Duration.ofSeconds(1)))),
                            pod("other")
                                    .ownedBy()
                                    .with(container("migrate")
                                            .state(terminated(137, "OOMKilled", Duration.ofSeconds(1)))))
                    .build();

            assertThat(DiagnosisRules.containerFailed(graph)).isEmpty();
        }

        @Test
        @DisplayName("the pods of a Job that has not completed are told, whoever else is called Complete")
        void jobNotCompleted() {
            WorkloadGraph graph = graph(migrate)
                    .workload(workload(migrate).condition(condition("Complete", "False")))
                    .related(
                            workload(new ObjectRef("Deployment", "shop", "migrate", "u"))
                                    .condition(condition("Complete", "True")),
                            workload(new ObjectRef("Job", "shop", "done", "u"))
                                    .condition(condition("Complete", "True")))
                    .pods(
                            pod("migrate-x1")
                                    .ownedBy(new OwnerRef("Job", "migrate", "uid-migrate", true))
                                    .with(container("migrate").state(terminated(2, null, Duration.ofSeconds(1)))),
                            pod("migrate-x2")
                                    .ownedBy(new OwnerRef("ReplicaSet", "done", "uid-done", true))
                                    .with(container("migrate").state(terminated(2, null, Duration.ofSeconds(1)))))
                    .build();

            assertThat(only(DiagnosisRules.containerFailed(graph)).summary())
                    .isEqualTo("container migrate of 2/2 pods of Job shop/migrate failed: exit code 2 after ~1s");
        }
    }

    @Nested
    @DisplayName("Unschedulable")
    class Unschedulable {

        @Test
        @DisplayName("the scheduler's message, the FailedScheduling count and the template's placement hint")
        void pending() {
            WorkloadGraph graph = graph().workload(deployment(2, 0).hint("nodeSelector disktype=ssd"))
                    .pods(
                            pod("web-7d9f-a").unschedulable(SCHEDULER_MESSAGE),
                            pod("web-7d9f-b").unschedulable(SCHEDULER_MESSAGE))
                    .events(
                            warning("FailedScheduling", "web-7d9f-a", SCHEDULER_MESSAGE, 4),
                            warning("FailedScheduling", "web-7d9f-b", SCHEDULER_MESSAGE, 3))
                    .build();

            Finding finding = only(DiagnosisRules.unschedulable(graph));

            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(finding.cause()).isEqualTo("Unschedulable");
            assertThat(finding.subject()).isEqualTo(WEB);
            assertThat(finding.summary())
                    .isEqualTo("2/2 pods of Deployment shop/web cannot be scheduled: 0/3 nodes are available: 3"
                            + " Insufficient cpu.");
            assertThat(finding.evidence())
                    .containsExactly(
                            "2 of 2 pods: web-7d9f-a, web-7d9f-b",
                            "scheduler: 0/3 nodes are available: 3 Insufficient cpu.",
                            "event FailedScheduling ×7 on 2 pods: 0/3 nodes are available: 3 Insufficient cpu.",
                            "pod template: nodeSelector disktype=ssd");
        }

        @Test
        @DisplayName("a pod asked about, without a message from the scheduler")
        void podWithoutMessage() {
            ObjectRef target = new ObjectRef("Pod", "shop", "web-7d9f-a", "uid-web-7d9f-a");
            WorkloadGraph graph = graph(target)
                    .pods(pod("web-7d9f-a")
                            .condition(new Condition(
                                    "PodScheduled",
                                    "False",
                                    java.util.Optional.of("Unschedulable"),
                                    java.util.Optional.empty(),
                                    java.util.Optional.empty())))
                    .build();

            Finding finding = only(DiagnosisRules.unschedulable(graph));

            assertThat(finding.summary())
                    .isEqualTo("Pod shop/web-7d9f-a cannot be scheduled: the scheduler gave no message");
            assertThat(finding.evidence()).containsExactly("scheduler: the scheduler gave no message");
        }

        @Test
        @DisplayName("scheduled pods, gated ones and pods on their way out are not unschedulable")
        void notUnschedulable() {
            WorkloadGraph graph = graph().pods(
                            pod("web-7d9f-a").condition(condition("PodScheduled", "True")),
                            pod("web-7d9f-b").condition(condition("PodScheduled", "False", "SchedulingGated", "gated")),
                            pod("web-7d9f-c").unschedulable(SCHEDULER_MESSAGE).terminating(),
                            pod("web-7d9f-d").condition(condition("PodScheduled", "Unknown", "Unschedulable", "?")))
                    .build();

            assertThat(DiagnosisRules.unschedulable(graph)).isEmpty();
        }
    }

    @Nested
    @DisplayName("ClaimPending")
    class ClaimPending {

        @Test
        @DisplayName("a Pending claim: its storage class, the pods that need it, the provisioner's event")
        void pending() {
            WorkloadGraph graph = graph().pods(pod("web-7d9f-a")
                            .claim("data")
                            .unschedulable("pod has unbound immediate PersistentVolumeClaims"))
                    .claims(claim("data", "Pending", "fast"), claim("logs", "Bound", "fast"))
                    .events(event(
                            "Warning",
                            "ProvisioningFailed",
                            "PersistentVolumeClaim",
                            "data",
                            "storageclass.storage.k8s.io \"fast\" not found",
                            4))
                    .build();

            Finding finding = only(DiagnosisRules.claimPending(graph));

            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(finding.cause()).isEqualTo("ClaimPending");
            assertThat(finding.subject()).isEqualTo(new ObjectRef("PersistentVolumeClaim", "shop", "data", "uid-data"));
            assertThat(finding.summary())
                    .isEqualTo("PersistentVolumeClaim shop/data is Pending (storage class fast), so the pods using it"
                            + " cannot start; check the provisioner of the storage class and the claim's events");
            assertThat(finding.evidence())
                    .containsExactly(
                            "claim data: phase Pending, storage class fast",
                            "used by web-7d9f-a",
                            "event ProvisioningFailed ×4: storageclass.storage.k8s.io \"fast\" not found");
        }

        @Test
        @DisplayName("a claim without storage class waits for a PersistentVolume to match it")
        void noStorageClass() {
            WorkloadGraph graph = graph().claims(claim("data", "Pending", null))
                    .events(event(
                            "Normal",
                            "FailedBinding",
                            "PersistentVolumeClaim",
                            "data",
                            "no persistent volumes available for this claim and no storage class is set",
                            9))
                    .build();

            Finding finding = only(DiagnosisRules.claimPending(graph));

            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(finding.summary())
                    .isEqualTo("PersistentVolumeClaim shop/data is Pending with no storage class, so it waits for a"
                            + " matching PersistentVolume; create one or set storageClassName");
            assertThat(finding.evidence())
                    .containsExactly(
                            "claim data: phase Pending, no storage class",
                            "event FailedBinding ×9: no persistent volumes available for this claim and no storage"
                                    + " class is set");
        }

        @Test
        @DisplayName("a claim that only waits for its first pod to be scheduled is INFO; with a warning it is not")
        void waitForFirstConsumer() {
            EventSnapshot waits = event(
                    "Normal",
                    "WaitForFirstConsumer",
                    "PersistentVolumeClaim",
                    "data",
                    "waiting for first consumer to be created before binding",
                    2);
            Finding waiting = only(DiagnosisRules.claimPending(graph().claims(claim("data", "Pending", "local-path"))
                    .events(waits)
                    .build()));
            Finding failing = only(DiagnosisRules.claimPending(graph().claims(claim("data", "Pending", "local-path"))
                    .events(
                            waits,
                            event("Warning", "ProvisioningFailed", "PersistentVolumeClaim", "data", "no node", 1))
                    .build()));

            assertThat(waiting.severity()).isEqualTo(Severity.INFO);
            assertThat(waiting.summary())
                    .isEqualTo("PersistentVolumeClaim shop/data waits for its first pod to be scheduled before a volume"
                            + " is provisioned; see why the pod is not scheduled");
            assertThat(failing.severity()).isEqualTo(Severity.CRITICAL);
        }

        @Test
        @DisplayName("a Lost claim: its volume is gone")
        void lost() {
            ClaimSnapshot lost = new ClaimSnapshot(
                    new ObjectRef("PersistentVolumeClaim", "shop", "data", ""),
                    "Lost",
                    java.util.Optional.empty(),
                    java.util.Optional.of("pv-1"));

            Finding finding =
                    only(DiagnosisRules.claimPending(graph().claims(lost).build()));
            Finding withoutVolume = only(DiagnosisRules.claimPending(
                    graph().claims(claim("logs", "Lost", "fast")).build()));

            assertThat(finding.summary())
                    .isEqualTo("PersistentVolumeClaim shop/data is Lost: its volume pv-1 is gone, so the pods using it"
                            + " cannot start; restore the volume or recreate the claim");
            assertThat(finding.evidence()).containsExactly("claim data: phase Lost, no storage class, volume pv-1");
            assertThat(withoutVolume.summary())
                    .startsWith("PersistentVolumeClaim shop/logs is Lost: its volume is gone");
        }

        @Test
        @DisplayName("bound claims are no finding")
        void bound() {
            assertThat(DiagnosisRules.claimPending(
                            graph().claims(claim("data", "Bound", "fast")).build()))
                    .isEmpty();
        }
    }

    @Nested
    @DisplayName("ReadinessProbeFailing")
    class Readiness {

        private static final String PROBE_FAILED = "Readiness probe failed: HTTP probe failed with statuscode: 503";

        @Test
        @DisplayName("pods running but never ready: the probe's event; CRITICAL when no pod is ready")
        void noneReady() {
            WorkloadGraph graph = graph().workload(deployment(2, 0))
                    .pods(
                            pod("web-7d9f-a").with(notReady(Duration.ofMinutes(5))),
                            pod("web-7d9f-b").with(notReady(Duration.ofMinutes(5))))
                    .events(
                            warning("Unhealthy", "web-7d9f-a", PROBE_FAILED, 12),
                            warning("Unhealthy", "web-7d9f-b", PROBE_FAILED, 8))
                    .build();

            Finding finding = only(DiagnosisRules.readinessFailing(graph));

            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(finding.cause()).isEqualTo("ReadinessProbeFailing");
            assertThat(finding.summary())
                    .isEqualTo(
                            "container app of 2/2 pods of Deployment shop/web runs but is not ready, so Services send"
                                    + " it no traffic: check its readiness probe and what it depends on");
            assertThat(finding.evidence())
                    .containsExactly(
                            "2 of 2 pods: web-7d9f-a, web-7d9f-b", "event Unhealthy ×20 on 2 pods: " + PROBE_FAILED);
        }

        @Test
        @DisplayName("one pod of three not ready for minutes, without events: a WARNING saying how long")
        void someReady() {
            WorkloadGraph graph = graph().pods(
                            pod("web-7d9f-a").with(notReady(Duration.ofMinutes(5))),
                            pod("web-7d9f-b"),
                            pod("web-7d9f-c"))
                    .build();

            Finding finding = only(DiagnosisRules.readinessFailing(graph));

            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.evidence())
                    .containsExactly("1 of 3 pods: web-7d9f-a", "running for 5m without passing its readiness probe");
        }

        @Test
        @DisplayName("a container that just started is still starting, unless its probe already failed")
        void grace() {
            Fixtures.Graph starting = graph().pods(pod("web-7d9f-a").with(notReady(Duration.ofSeconds(10))));

            assertThat(DiagnosisRules.readinessFailing(starting.build())).isEmpty();
            assertThat(DiagnosisRules.readinessFailing(
                            graph().pods(pod("web-7d9f-a").with(notReady(Duration.ofSeconds(59))))
                                    .build()))
                    .isEmpty();
            assertThat(DiagnosisRules.readinessFailing(
                            graph().pods(pod("web-7d9f-a").with(notReady(Duration.ofSeconds(60))))
                                    .build()))
                    .hasSize(1);
            assertThat(DiagnosisRules.readinessFailing(
                            starting.events(warning("Unhealthy", "web-7d9f-a", "Liveness probe failed: timeout", 2))
                                    .build()))
                    .as("a liveness failure restarts the container; it is no readiness failure")
                    .isEmpty();
            assertThat(DiagnosisRules.readinessFailing(
                            starting.events(warning("Unhealthy", "web-7d9f-a", PROBE_FAILED, 2))
                                    .build()))
                    .hasSize(1);
        }

        @Test
        @DisplayName("a container whose start time is unknown counts as started long ago")
        void unknownStart() {
            WorkloadGraph graph = graph().pods(pod("web-7d9f-a")
                            .with(container("app")
                                    .state(new ContainerState(
                                            ContainerState.Phase.RUNNING,
                                            java.util.Optional.empty(),
                                            java.util.Optional.empty(),
                                            java.util.Optional.empty(),
                                            java.util.Optional.empty(),
                                            java.util.Optional.empty()))
                                    .notReady()))
                    .build();

            assertThat(only(DiagnosisRules.readinessFailing(graph)).evidence())
                    .contains("running without passing its readiness probe");
        }

        @Test
        @DisplayName("pods on their way out, pods not running, init containers and ready pods are not told")
        void notTold() {
            WorkloadGraph graph = graph().pods(
                            pod("web-7d9f-a")
                                    .with(notReady(Duration.ofMinutes(5)))
                                    .terminating(),
                            pod("web-7d9f-b")
                                    .with(notReady(Duration.ofMinutes(5)))
                                    .phase("Pending"),
                            pod("web-7d9f-c")
                                    .with(container("init").init().notReady(), container("app"))
                                    .ready(false),
                            pod("web-7d9f-d")
                                    .with(notReady(Duration.ofMinutes(5)))
                                    .ready(true),
                            pod("web-7d9f-e")
                                    .with(container("app").state(waiting("CrashLoopBackOff", null)))
                                    .ready(false))
                    .build();

            assertThat(DiagnosisRules.readinessFailing(graph)).isEmpty();
        }

        @Test
        @DisplayName("two containers not ready in the same pod make one finding naming both")
        void twoContainers() {
            WorkloadGraph graph = graph().pods(pod("web-7d9f-a")
                            .with(
                                    notReady(Duration.ofMinutes(5)),
                                    container("proxy")
                                            .state(running(ago(Duration.ofMinutes(5))))
                                            .notReady()))
                    .build();

            assertThat(only(DiagnosisRules.readinessFailing(graph)).evidence())
                    .contains("also container proxy (1 pod): not ready");
        }

        private Fixtures.Container notReady(Duration runningFor) {
            return container("app").state(running(ago(runningFor))).notReady();
        }
    }

    @Nested
    @DisplayName("JobFailed")
    class JobFailed {

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

            Finding finding = only(DiagnosisRules.jobFailed(graph));

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
                            .with(container("migrate")
                                    .crashLooping()
                                    .last(terminated(3, "Error", Duration.ofSeconds(1)))))
                    .build();

            assertThat(only(DiagnosisRules.jobFailed(graph)).evidence()).contains("exit codes of its failed pods: 3");
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

            Finding finding = only(DiagnosisRules.jobFailed(graph));

            assertThat(finding.summary())
                    .isEqualTo("Job shop/migrate failed: DeadlineExceeded; read the logs of its failed pods");
            assertThat(finding.evidence())
                    .containsExactly("condition Failed: DeadlineExceeded", "1 failed pods, 0 succeeded");
        }

        @Test
        @DisplayName("a failed condition without reason reads as Failed")
        void noReason() {
            WorkloadGraph graph = graph(migrate)
                    .workload(workload(migrate).condition(condition("Failed", "True")))
                    .build();

            assertThat(only(DiagnosisRules.jobFailed(graph)).summary()).startsWith("Job shop/migrate failed: Failed;");
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

            Finding superseded = only(DiagnosisRules.jobFailed(graph(cronJob)
                    .workload(workload(cronJob).noDesired())
                    .related(
                            workload(second)
                                    .condition(condition("Complete", "True", "Completed", ago(Duration.ofHours(1)))),
                            failed)
                    .build()));
            Finding stillFailing = only(DiagnosisRules.jobFailed(graph(cronJob)
                    .workload(workload(cronJob).noDesired())
                    .related(
                            workload(second)
                                    .condition(condition("Complete", "True", "Completed", ago(Duration.ofHours(3)))),
                            failed)
                    .build()));
            Finding timeUnknown = only(DiagnosisRules.jobFailed(graph(cronJob)
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

            assertThat(DiagnosisRules.jobFailed(graph)).isEmpty();
        }
    }

    @Nested
    @DisplayName("ServiceSelectsNothing and NoReadyEndpoints")
    class Services {

        @Test
        @DisplayName("a Service whose selector matches no pod: the selector and where it was looked for")
        void selectsNothing() {
            WorkloadGraph graph = graph(WEB_SERVICE)
                    .service(service(Map.of("app", "web", "tier", "frontend")))
                    .slices(slice(0, 0))
                    .build();

            Finding finding = only(DiagnosisRules.serviceSelectsNothing(graph));

            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(finding.cause()).isEqualTo("ServiceSelectsNothing");
            assertThat(finding.subject()).isEqualTo(WEB_SERVICE);
            assertThat(finding.summary())
                    .isEqualTo("Service shop/web selects no pod: no pod in namespace shop has the labels"
                            + " app=web,tier=frontend; fix the selector or the pods' labels");
            assertThat(finding.evidence())
                    .containsExactly("selector app=web,tier=frontend", "endpoints: 0 ready, 0 not ready");
            assertThat(DiagnosisRules.findings(graph)).containsExactly(finding);
        }

        @Test
        @DisplayName("pods that lack one label of the selector, or live in another namespace, are not selected")
        void partialLabels() {
            WorkloadGraph graph = graph(WEB_SERVICE)
                    .service(service(Map.of("app", "web", "tier", "frontend")))
                    .pods(
                            pod("web-7d9f-a"),
                            pod("web-7d9f-b")
                                    .labels(Map.of("app", "web", "tier", "frontend"))
                                    .namespace("other"))
                    .build();

            assertThat(DiagnosisRules.serviceSelectsNothing(graph)).hasSize(1);
            assertThat(DiagnosisRules.noReadyEndpoints(graph)).isEmpty();
        }

        @Test
        @DisplayName("diagnosing a workload, a Service that misses its pods names the template's labels")
        void missesTheWorkload() {
            WorkloadGraph graph = graph().workload(
                            deployment(2, 2).templateLabels(Map.of("app", "web", "version", "2")))
                    .service(service(Map.of("app", "webapp")))
                    .pods(pod("web-7d9f-a"), pod("web-7d9f-b"))
                    .build();

            Finding finding = only(DiagnosisRules.serviceSelectsNothing(graph));

            assertThat(finding.summary())
                    .isEqualTo(
                            "Service shop/web selects none of the 2 pods of Deployment shop/web: they lack the labels"
                                    + " app=webapp");
            assertThat(finding.evidence())
                    .containsExactly(
                            "selector app=webapp", "pod template labels of Deployment shop/web: app=web,version=2");
        }

        @Test
        @DisplayName("a workload without template labels adds no such line")
        void noTemplateLabels() {
            WorkloadGraph graph = graph().workload(deployment(2, 2).templateLabels(Map.of()))
                    .service(service(Map.of("app", "webapp")))
                    .build();

            assertThat(only(DiagnosisRules.serviceSelectsNothing(graph)).evidence())
                    .containsExactly("selector app=webapp");
        }

        @Test
        @DisplayName("a Service without selector is INFO: its endpoints are managed by hand")
        void noSelector() {
            Finding finding = only(DiagnosisRules.serviceSelectsNothing(graph(WEB_SERVICE)
                    .service(service(Map.of()))
                    .slices(slice(2, 0), slice(1, 1))
                    .build()));

            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.cause()).isEqualTo("ServiceSelectsNothing");
            assertThat(finding.summary())
                    .isEqualTo(
                            "Service shop/web has no selector: its endpoints are managed by hand, so no pod is checked"
                                    + " behind it");
            assertThat(finding.evidence()).containsExactly("endpoints: 3 ready, 1 not ready");
        }

        @Test
        @DisplayName("an ExternalName Service, a Service that selects pods, or no Service are no finding")
        void noFinding() {
            ServiceSnapshot external = new ServiceSnapshot(WEB_SERVICE, "ExternalName", Map.of(), List.of());

            assertThat(DiagnosisRules.serviceSelectsNothing(
                            graph(WEB_SERVICE).service(external).build()))
                    .isEmpty();
            assertThat(DiagnosisRules.serviceSelectsNothing(graph(WEB_SERVICE)
                            .service(service(Map.of("app", "web")))
                            .pods(pod("web-7d9f-a"))
                            .build()))
                    .isEmpty();
            assertThat(DiagnosisRules.serviceSelectsNothing(graph().build())).isEmpty();
            assertThat(DiagnosisRules.noReadyEndpoints(
                            graph().pods(pod("web-7d9f-a").ready(false)).build()))
                    .isEmpty();
        }

        @Test
        @DisplayName("a Service whose pods are all not ready: the endpoint counts and what each pod waits for")
        void noReadyEndpoints() {
            WorkloadGraph graph = graph(WEB_SERVICE)
                    .service(service(Map.of("app", "web")))
                    .slices(slice(0, 3))
                    .pods(
                            pod("web-7d9f-a").with(container("app").crashLooping()),
                            pod("web-7d9f-b").unschedulable(SCHEDULER_MESSAGE),
                            pod("web-7d9f-c")
                                    .with(container("app")
                                            .state(running(ago(Duration.ofSeconds(5))))
                                            .notReady()),
                            pod("web-7d9f-d").terminating().ready(false))
                    .build();

            Finding finding = only(DiagnosisRules.noReadyEndpoints(graph));

            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(finding.cause()).isEqualTo("NoReadyEndpoints");
            assertThat(finding.subject()).isEqualTo(WEB_SERVICE);
            assertThat(finding.summary())
                    .isEqualTo(
                            "Service shop/web selects 4 pods but none is ready, so its traffic goes nowhere; the pods'"
                                    + " findings say why");
            assertThat(finding.evidence())
                    .containsExactly(
                            "endpoints: 0 ready, 3 not ready",
                            "not ready: web-7d9f-a (CrashLoopBackOff), web-7d9f-b (Unschedulable), web-7d9f-c (Running)"
                                    + " and 1 more");
        }

        @Test
        @DisplayName("one pod, terminating, with no slice read")
        void onePod() {
            WorkloadGraph graph = graph(WEB_SERVICE)
                    .service(service(Map.of("app", "web")))
                    .pods(pod("web-7d9f-a").terminating().ready(false))
                    .build();

            Finding finding = only(DiagnosisRules.noReadyEndpoints(graph));

            assertThat(finding.summary()).startsWith("Service shop/web selects 1 pod but none is ready");
            assertThat(finding.evidence()).containsExactly("not ready: web-7d9f-a (Terminating)");
        }

        @Test
        @DisplayName("one ready pod is enough for the Service to work")
        void oneReady() {
            WorkloadGraph graph = graph(WEB_SERVICE)
                    .service(service(Map.of("app", "web")))
                    .pods(pod("web-7d9f-a").ready(false), pod("web-7d9f-b"))
                    .build();

            assertThat(DiagnosisRules.noReadyEndpoints(graph)).isEmpty();
        }
    }

    @Nested
    @DisplayName("RolloutStuck")
    class RolloutStuck {

        @Test
        @DisplayName("past its progress deadline: the condition's message and the revisions of the ReplicaSets")
        void deadlineExceeded() {
            WorkloadGraph graph = graph().workload(deployment(3, 1)
                            .revision("3")
                            .condition(condition(
                                    "Progressing",
                                    "False",
                                    "ProgressDeadlineExceeded",
                                    "ReplicaSet \"web-7d9f\" has timed out progressing.")))
                    .related(
                            workload(Fixtures.WEB_RS).revision("3").desired(3).ready(0),
                            workload(new ObjectRef("ReplicaSet", "shop", "web-5c4b", ""))
                                    .revision("2")
                                    .desired(1)
                                    .ready(1),
                            workload(new ObjectRef("ReplicaSet", "shop", "web-1a2b", ""))
                                    .revision("1")
                                    .desired(0)
                                    .ready(0))
                    .build();

            Finding finding = only(DiagnosisRules.rolloutStuck(graph));

            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(finding.cause()).isEqualTo("RolloutStuck");
            assertThat(finding.subject()).isEqualTo(WEB);
            assertThat(finding.summary())
                    .isEqualTo("Deployment shop/web rollout of revision 3 exceeded its progress deadline: the new pods"
                            + " never became available; the pods' findings say why");
            assertThat(finding.evidence())
                    .containsExactly(
                            "condition Progressing: ReplicaSet \"web-7d9f\" has timed out progressing.",
                            "ReplicaSet shop/web-7d9f (revision 3): 0/3 ready",
                            "ReplicaSet shop/web-5c4b (revision 2): 1/1 ready");
        }

        @Test
        @DisplayName("without revision, message or ReplicaSets, the deadline is still told")
        void bareDeadline() {
            WorkloadGraph graph = graph().workload(deployment(3, 1)
                            .condition(new Condition(
                                    "Progressing",
                                    "False",
                                    java.util.Optional.of("ProgressDeadlineExceeded"),
                                    java.util.Optional.empty(),
                                    java.util.Optional.empty())))
                    .related(
                            workload(new ObjectRef("Job", "shop", "j", "")),
                            workload(Fixtures.WEB_RS).noDesired())
                    .build();

            Finding finding = only(DiagnosisRules.rolloutStuck(graph));

            assertThat(finding.summary()).startsWith("Deployment shop/web rollout exceeded its progress deadline");
            assertThat(finding.evidence()).containsExactly("ReplicaSet shop/web-7d9f: 1/0 ready");
        }

        @Test
        @DisplayName("a change the controller has not acted on: generation ahead of observedGeneration, a WARNING")
        void generationBehind() {
            WorkloadGraph graph =
                    graph().workload(deployment(3, 3).generations(5, 4)).build();

            Finding finding = only(DiagnosisRules.rolloutStuck(graph));

            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.summary())
                    .isEqualTo("Deployment shop/web: its controller has not acted on generation 5 yet (observed 4); if"
                            + " this lasts, the controller manager is down or failing");
            assertThat(finding.evidence()).containsExactly("metadata.generation 5, status.observedGeneration 4");
        }

        @Test
        @DisplayName("progressing, up to date, or a kind without observedGeneration: no finding")
        void healthy() {
            ObjectRef job = new ObjectRef("Job", "shop", "j", "");
            assertThat(DiagnosisRules.rolloutStuck(graph().workload(deployment(3, 3)
                                    .condition(condition("Progressing", "True", "NewReplicaSetAvailable", "done"))
                                    .condition(condition("Available", "False", "ProgressDeadlineExceeded", "no")))
                            .build()))
                    .isEmpty();
            assertThat(DiagnosisRules.rolloutStuck(graph().workload(
                                    deployment(3, 3).condition(condition("Progressing", "False", "Other", "x")))
                            .build()))
                    .isEmpty();
            assertThat(DiagnosisRules.rolloutStuck(
                            graph().workload(deployment(3, 3).generations(4, 5)).build()))
                    .isEmpty();
            assertThat(DiagnosisRules.rolloutStuck(
                            graph(job).workload(workload(job).generations(1, 0)).build()))
                    .isEmpty();
            assertThat(DiagnosisRules.rolloutStuck(graph(WEB_SERVICE).build())).isEmpty();
        }

        @Test
        @DisplayName("each kind that reports observedGeneration is checked")
        void kinds() {
            for (String kind : List.of("StatefulSet", "DaemonSet", "ReplicaSet")) {
                ObjectRef ref = new ObjectRef(kind, "shop", "x", "");
                assertThat(DiagnosisRules.rolloutStuck(graph(ref)
                                .workload(workload(ref).generations(2, 1))
                                .build()))
                        .as(kind)
                        .hasSize(1);
            }
        }
    }

    @Nested
    @DisplayName("ReplicasUnavailable")
    class ReplicasUnavailable {

        @Test
        @DisplayName("fewer ready than desired, no cause found: a WARNING that says where to look")
        void unexplained() {
            WorkloadGraph graph = graph().workload(deployment(3, 1)).build();

            Finding finding = only(DiagnosisRules.replicasUnavailable(graph));

            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.cause()).isEqualTo("ReplicasUnavailable");
            assertThat(finding.subject()).isEqualTo(WEB);
            assertThat(finding.summary()).isEqualTo("Deployment shop/web: 1/3 replicas ready");
            assertThat(finding.evidence())
                    .containsExactly(
                            "1 up to date, 1 available",
                            "no more specific cause found: read the pods' events and logs");
        }

        @Test
        @DisplayName("always told next to the specific causes, and points at them (INFO findings explain nothing)")
        void explained() {
            WorkloadGraph graph = graph().workload(deployment(3, 1))
                    .pods(
                            pod("web-7d9f-a"),
                            pod("web-7d9f-b").with(container("app").crashLooping()),
                            pod("web-7d9f-c").unschedulable(SCHEDULER_MESSAGE).node("node-2"))
                    .nodes(node("node-2", true, true, List.of()))
                    .build();

            List<Finding> findings = DiagnosisRules.findings(graph);

            assertThat(findings)
                    .extracting(Finding::cause)
                    .containsExactly("CrashLoopBackOff", "Unschedulable", "ReplicasUnavailable", "NodeNotReady");
            assertThat(findings.get(2).evidence()).contains("explained by: CrashLoopBackOff, Unschedulable");
            assertThat(DiagnosisRules.replicasUnavailable(graph)).containsExactly(findings.get(2));
        }

        @Test
        @DisplayName("not for Jobs, CronJobs, suspended or scaled-down workloads, nor when all are ready")
        void notTold() {
            ObjectRef job = new ObjectRef("Job", "shop", "j", "");
            ObjectRef cronJob = new ObjectRef("CronJob", "shop", "c", "");
            ObjectRef statefulSet = new ObjectRef("StatefulSet", "shop", "s", "");

            assertThat(DiagnosisRules.replicasUnavailable(graph(job)
                            .workload(workload(job).desired(1).ready(0))
                            .build()))
                    .isEmpty();
            assertThat(DiagnosisRules.replicasUnavailable(graph(cronJob)
                            .workload(workload(cronJob).desired(1).ready(0))
                            .build()))
                    .isEmpty();
            assertThat(DiagnosisRules.replicasUnavailable(graph(statefulSet)
                            .workload(workload(statefulSet).desired(2).ready(0).suspended())
                            .build()))
                    .isEmpty();
            assertThat(DiagnosisRules.replicasUnavailable(
                            graph().workload(deployment(0, 0)).build()))
                    .isEmpty();
            assertThat(DiagnosisRules.replicasUnavailable(
                            graph().workload(deployment(2, 2)).build()))
                    .isEmpty();
            assertThat(DiagnosisRules.replicasUnavailable(
                            graph().workload(deployment(2, 1).noDesired()).build()))
                    .isEmpty();
            assertThat(DiagnosisRules.replicasUnavailable(graph(statefulSet)
                            .workload(workload(statefulSet).desired(2).ready(1))
                            .build()))
                    .hasSize(1);
        }
    }

    @Nested
    @DisplayName("NodeNotReady")
    class NodeNotReady {

        @Test
        @DisplayName("a node not ready: its condition and the pods it runs, CRITICAL")
        void notReady() {
            NodeSnapshot node = new NodeSnapshot(
                    new ObjectRef("Node", "", "node-1", ""),
                    false,
                    false,
                    List.of(condition("Ready", "Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status.")),
                    List.of("node.kubernetes.io/unreachable:NoExecute"),
                    Map.of());
            WorkloadGraph graph = graph().nodes(node)
                    .pods(
                            pod("web-7d9f-a"),
                            pod("web-7d9f-b"),
                            pod("web-7d9f-c").node("node-2"),
                            pod("web-7d9f-d").node(null))
                    .build();

            Finding finding = only(DiagnosisRules.nodeNotReady(graph));

            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(finding.cause()).isEqualTo("NodeNotReady");
            assertThat(finding.subject()).isEqualTo(node.ref());
            assertThat(finding.summary())
                    .isEqualTo("Node node-1 is not ready: its pods may be unreachable and will be evicted");
            assertThat(finding.evidence())
                    .containsExactly(
                            "Ready=Unknown (NodeStatusUnknown): Kubelet stopped posting node status.",
                            "taints: node.kubernetes.io/unreachable:NoExecute",
                            "runs web-7d9f-a, web-7d9f-b");
        }

        @Test
        @DisplayName("a node under pressure is a WARNING; one only cordoned is INFO")
        void pressureAndCordon() {
            Finding pressure = only(DiagnosisRules.nodeNotReady(graph().nodes(node(
                            "node-1",
                            true,
                            false,
                            List.of(condition("MemoryPressure", "True"), condition("DiskPressure", "True"))))
                    .build()));
            Finding cordoned = only(DiagnosisRules.nodeNotReady(
                    graph().nodes(node("node-2", true, true, List.of())).build()));

            assertThat(pressure.severity()).isEqualTo(Severity.WARNING);
            assertThat(pressure.summary())
                    .isEqualTo("Node node-1 reports MemoryPressure, DiskPressure: its pods may be evicted");
            assertThat(pressure.evidence()).containsExactly("MemoryPressure=True", "DiskPressure=True");
            assertThat(cordoned.severity()).isEqualTo(Severity.INFO);
            assertThat(cordoned.summary())
                    .isEqualTo("Node node-2 is cordoned: its pods keep running, new pods are scheduled elsewhere");
            assertThat(cordoned.evidence()).containsExactly("cordoned: spec.unschedulable is true");
        }

        @Test
        @DisplayName("a ready node without problems is no finding")
        void healthy() {
            assertThat(DiagnosisRules.nodeNotReady(graph().nodes(node("node-1", true, false, List.of()))
                            .build()))
                    .isEmpty();
        }
    }

    @Nested
    @DisplayName("AutoscalerAtLimit")
    class Autoscalers {

        @Test
        @DisplayName("at its maximum and limited there: its replicas and the ScalingLimited condition")
        void atMaximum() {
            WorkloadGraph graph = graph().autoscalers(autoscaler(
                            2,
                            5,
                            5,
                            5,
                            condition("ScalingActive", "True"),
                            condition(
                                    "ScalingLimited",
                                    "True",
                                    "TooManyReplicas",
                                    "the desired replica count is more than the maximum replica count")))
                    .build();

            Finding finding = only(DiagnosisRules.autoscalerAtLimit(graph));

            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.cause()).isEqualTo("AutoscalerAtLimit");
            assertThat(finding.subject()).isEqualTo(new ObjectRef("HorizontalPodAutoscaler", "shop", "web", "uid-hpa"));
            assertThat(finding.summary())
                    .isEqualTo("HorizontalPodAutoscaler shop/web is at its maximum of 5 replicas for Deployment web:"
                            + " raise maxReplicas or make each pod handle more");
            assertThat(finding.evidence())
                    .containsExactly(
                            "replicas: current 5, desired 5, min 2, max 5",
                            "condition ScalingLimited True (TooManyReplicas): the desired replica count is more than"
                                    + " the maximum replica count");
        }

        @Test
        @DisplayName("told when the HPA says it is limited, or when it wants its maximum; not below it")
        void limits() {
            assertThat(DiagnosisRules.autoscalerAtLimit(graph().autoscalers(autoscaler(
                                    1, 5, 5, 4, condition("ScalingLimited", "True", "TooManyReplicas", "more")))
                            .build()))
                    .hasSize(1);
            assertThat(only(DiagnosisRules.autoscalerAtLimit(
                                    graph().autoscalers(autoscaler(1, 5, 4, 6)).build()))
                            .evidence())
                    .containsExactly("replicas: current 4, desired 6, min 1, max 5");
            assertThat(DiagnosisRules.autoscalerAtLimit(graph().autoscalers(autoscaler(
                                    1, 5, 5, 4, condition("ScalingLimited", "True", "TooFewReplicas", "fewer")))
                            .build()))
                    .isEmpty();
            assertThat(DiagnosisRules.autoscalerAtLimit(graph().autoscalers(autoscaler(
                                    1, 5, 5, 4, condition("ScalingLimited", "False", "TooManyReplicas", "-")))
                            .build()))
                    .isEmpty();
            assertThat(DiagnosisRules.autoscalerAtLimit(
                            graph().autoscalers(autoscaler(1, 0, 0, 0)).build()))
                    .as("no maximum read")
                    .isEmpty();
        }

        @Test
        @DisplayName("an autoscaler that reads no metrics cannot scale at all: AutoscalerInactive")
        void inactive() {
            WorkloadGraph graph = graph().autoscalers(autoscaler(
                            2,
                            5,
                            5,
                            5,
                            condition(
                                    "ScalingActive",
                                    "False",
                                    "FailedGetResourceMetric",
                                    "the HPA was unable to compute the replica count: unable to get metrics for resource"
                                            + " cpu")))
                    .build();

            Finding finding = only(DiagnosisRules.autoscalerAtLimit(graph));

            assertThat(finding.cause()).isEqualTo("AutoscalerInactive");
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.summary())
                    .isEqualTo("HorizontalPodAutoscaler shop/web cannot scale: FailedGetResourceMetric; check that the"
                            + " metrics it uses are served (metrics-server, custom metrics)");
            assertThat(finding.evidence())
                    .containsExactly(
                            "condition ScalingActive False (FailedGetResourceMetric): the HPA was unable to compute the"
                                    + " replica count: unable to get metrics for resource cpu",
                            "replicas: current 5, desired 5, min 2, max 5");
        }

        @Test
        @DisplayName("an inactive autoscaler without a reason says its condition")
        void inactiveWithoutReason() {
            Finding finding = only(DiagnosisRules.autoscalerAtLimit(
                    graph().autoscalers(autoscaler(1, 3, 1, 1, condition("ScalingActive", "False")))
                            .build()));

            assertThat(finding.summary()).contains("cannot scale: ScalingActive is False;");
            assertThat(finding.evidence().get(0)).isEqualTo("condition ScalingActive False");
        }
    }

    @Nested
    @DisplayName("all rules together")
    class AllRules {

        @Test
        @DisplayName("sorted by severity, then cause, then subject")
        void order() {
            WorkloadGraph graph = graph(WEB_SERVICE)
                    .service(service(Map.of("tier", "web")))
                    .pods(
                            pod("b-1")
                                    .labels(Map.of("tier", "web"))
                                    .ownedBy()
                                    .with(container("app").crashLooping()),
                            pod("a-1")
                                    .labels(Map.of("tier", "web"))
                                    .ownedBy()
                                    .with(container("app").crashLooping()),
                            pod("c-1").labels(Map.of("tier", "web")).ownedBy().unschedulable(SCHEDULER_MESSAGE))
                    .nodes(
                            node("node-9", true, true, List.of()),
                            node("node-1", true, false, List.of(condition("PIDPressure", "True"))))
                    .autoscalers(autoscaler(1, 2, 2, 2))
                    .build();

            assertThat(DiagnosisRules.findings(graph))
                    .extracting(finding -> finding.severity() + " " + finding.cause() + " "
                            + finding.subject().display())
                    .containsExactly(
                            "CRITICAL CrashLoopBackOff Pod shop/a-1",
                            "CRITICAL CrashLoopBackOff Pod shop/b-1",
                            "CRITICAL NoReadyEndpoints Service shop/web",
                            "CRITICAL Unschedulable Pod shop/c-1",
                            "WARNING AutoscalerAtLimit HorizontalPodAutoscaler shop/web",
                            "WARNING NodeNotReady Node node-1",
                            "INFO NodeNotReady Node node-9");
        }

        @Test
        @DisplayName("one finding per cause and subject, the same for the same graph")
        void deduplicatedAndDeterministic() {
            WorkloadGraph graph = graph().workload(deployment(3, 0))
                    .pods(
                            pod("web-7d9f-a").with(container("app").crashLooping()),
                            pod("web-7d9f-b").with(container("app").crashLooping()),
                            pod("web-7d9f-c").with(container("app").crashLooping()))
                    .nodes(node("node-1", true, true, List.of()), node("node-1", true, true, List.of()))
                    .build();

            List<Finding> findings = DiagnosisRules.findings(graph);

            assertThat(findings)
                    .extracting(Finding::cause)
                    .containsExactly("CrashLoopBackOff", "ReplicasUnavailable", "NodeNotReady");
            assertThat(findings.get(0).evidence()).first().isEqualTo("3 of 3 pods: web-7d9f-a, web-7d9f-b, web-7d9f-c");
            assertThat(DiagnosisRules.findings(graph)).isEqualTo(findings);
        }
    }

    @Nested
    @DisplayName("evidence wording")
    class Wording {

        @Test
        @DisplayName("durations in the unit a person would say")
        void human() {
            assertThat(DiagnosisRules.human(Duration.ofSeconds(-5))).isEqualTo("0s");
            assertThat(DiagnosisRules.human(Duration.ofSeconds(119))).isEqualTo("119s");
            assertThat(DiagnosisRules.human(Duration.ofSeconds(120))).isEqualTo("2m");
            assertThat(DiagnosisRules.human(Duration.ofSeconds(7199))).isEqualTo("119m");
            assertThat(DiagnosisRules.human(Duration.ofSeconds(7200))).isEqualTo("2h");
        }

        @Test
        @DisplayName("an exit: its code, reason and run time, each when known")
        void exit() {
            assertThat(DiagnosisRules.exit(terminated(1, "Error", Duration.ofSeconds(2))))
                    .isEqualTo("exit code 1 (Error) after ~2s");
            assertThat(DiagnosisRules.exit(ContainerState.UNKNOWN)).isEqualTo("exit code unknown");
        }

        @Test
        @DisplayName("quoted messages on one line and at most 200 characters")
        void brief() {
            assertThat(DiagnosisRules.brief("  panic:\n\tcannot   connect \n")).isEqualTo("panic: cannot connect");
            assertThat(DiagnosisRules.brief("x".repeat(200))).isEqualTo("x".repeat(200));
            assertThat(DiagnosisRules.brief("x".repeat(201)))
                    .isEqualTo("x".repeat(199) + "…")
                    .hasSize(200);
        }

        @Test
        @DisplayName("at most three names, then how many more")
        void named() {
            assertThat(DiagnosisRules.named(List.of("a", "b", "c"))).isEqualTo("a, b, c");
            assertThat(DiagnosisRules.named(List.of("a", "b", "c", "d", "e"))).isEqualTo("a, b, c and 2 more");
        }
    }
}
