package io.kmcp.application.service;

import static io.kmcp.application.service.TestTypes.CALLER;
import static io.kmcp.application.service.TestTypes.DEPLOYMENTS;
import static io.kmcp.application.service.TestTypes.PODS;
import static io.kmcp.application.service.WorkloadFixture.CONFIG_MAPS;
import static io.kmcp.application.service.WorkloadFixture.EVENTS;
import static io.kmcp.application.service.WorkloadFixture.NODES;
import static io.kmcp.application.service.WorkloadFixture.REPLICA_SETS;
import static io.kmcp.application.service.WorkloadFixture.SERVICES;
import static io.kmcp.application.service.WorkloadFixture.crashLoopingPod;
import static io.kmcp.application.service.WorkloadFixture.deployment;
import static io.kmcp.application.service.WorkloadFixture.event;
import static io.kmcp.application.service.WorkloadFixture.node;
import static io.kmcp.application.service.WorkloadFixture.replicaSet;
import static io.kmcp.application.service.WorkloadFixture.runningPod;
import static io.kmcp.application.service.WorkloadFixture.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.application.Problem;
import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.DiagnoseWorkloadQuery;
import io.kmcp.application.port.in.WorkloadDiagnosis;
import io.kmcp.application.port.out.LogRequest;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.LogExcerpt;
import io.kmcp.domain.policy.AccessPolicy;
import io.kmcp.domain.resource.ObjectName;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DiagnoseWorkloadServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:06:00Z"), ZoneOffset.UTC);

    private final FakeCluster cluster = new FakeCluster(WorkloadFixture.CATALOG);
    private final List<LogRequest> logRequests = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private RequestFailedException logFailure;
    private final DiagnoseWorkloadService service = new DiagnoseWorkloadService(
            new TypeLookup(cluster, AccessPolicy.builtIn()),
            cluster,
            (caller, request) -> {
                logRequests.add(request);
                if (logFailure != null) {
                    throw logFailure;
                }
                return request.previous()
                        ? "starting web\nconnecting to db:5432\npanic: cannot connect to database at db:5432\n"
                        : "";
            },
            pool,
            CLOCK);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private void crashLoopingDeployment() {
        cluster.with(DEPLOYMENTS, "shop", "web", deployment("shop", "web", 2, 0))
                .with(REPLICA_SETS, "shop", "web-7d9f", replicaSet("shop", "web", "7d9f", 3))
                .with(PODS, "shop", "web-7d9f-a", crashLoopingPod("shop", "web", "7d9f", "a"))
                .with(PODS, "shop", "web-7d9f-b", crashLoopingPod("shop", "web", "7d9f", "b"))
                .with(NODES, null, "node-1", node("node-1", true))
                .with(
                        EVENTS,
                        "shop",
                        "e1",
                        event(
                                "shop",
                                "Pod",
                                "web-7d9f-a",
                                "Warning",
                                "BackOff",
                                "Back-off restarting failed container",
                                12))
                .with(
                        EVENTS,
                        "shop",
                        "e2",
                        event(
                                "shop",
                                "Pod",
                                "other-1",
                                "Warning",
                                "BackOff",
                                "Back-off restarting failed container",
                                3));
    }

    @Test
    @DisplayName("A crash-looping Deployment: its replica set, pods, node, events and the crashed log in one answer")
    void crashLoop() {
        crashLoopingDeployment();

        WorkloadDiagnosis diagnosis =
                service.diagnose(CALLER, new DiagnoseWorkloadQuery(Optional.of("deploy"), "web", "shop"));

        assertThat(diagnosis.findings()).extracting(Finding::cause).contains("CrashLoopBackOff");
        assertThat(diagnosis.graph().related())
                .extracting(rs -> rs.ref().name())
                .containsExactly("web-7d9f");
        assertThat(diagnosis.graph().pods())
                .extracting(pod -> pod.ref().name())
                .containsExactly("web-7d9f-a", "web-7d9f-b");
        assertThat(diagnosis.graph().nodes())
                .extracting(node -> node.ref().name())
                .containsExactly("node-1");
        assertThat(diagnosis.events()).singleElement().satisfies(group -> {
            assertThat(group.involved().name()).isEqualTo("web-7d9f-a");
            assertThat(group.count()).isEqualTo(12);
        });
        assertThat(diagnosis.graph().logs())
                .filteredOn(LogExcerpt::previous)
                .singleElement()
                .satisfies(log -> assertThat(log.lastLine()).contains("panic: cannot connect to database at db:5432"));
        assertThat(diagnosis.graph().pods().get(0).secretNames()).containsExactly("db-credentials");
        assertThat(diagnosis.gaps()).isEmpty();
    }

    @Test
    @DisplayName("Logs are read for one pod per failing container, bounded by the request")
    void boundedLogs() {
        crashLoopingDeployment();

        service.diagnose(CALLER, new DiagnoseWorkloadQuery(Optional.of("deployments.apps"), "web", "shop"));

        assertThat(logRequests).singleElement().satisfies(request -> {
            assertThat(request.pod()).isEqualTo(new ObjectName("web-7d9f-a"));
            assertThat(request.container()).isEqualTo("app");
            assertThat(request.previous()).isTrue();
            assertThat(request.tailLines()).contains(DiagnoseWorkloadService.LOG_TAIL_LINES);
            assertThat(request.limitBytes()).contains(DiagnoseWorkloadService.LOG_LIMIT_BYTES);
        });
    }

    @Test
    @DisplayName("The API requests are counted: one each for the object, lists, node and log")
    void countsRequests() {
        crashLoopingDeployment();

        WorkloadDiagnosis diagnosis =
                service.diagnose(CALLER, new DiagnoseWorkloadQuery(Optional.of("deploy"), "web", "shop"));

        long sent = cluster.calls.stream()
                        .filter(call -> call.startsWith("get ") || call.startsWith("list "))
                        .count()
                + logRequests.size();
        assertThat(diagnosis.apiRequests()).isEqualTo((int) sent).isEqualTo(7);
    }

    @Test
    @DisplayName("A healthy Deployment has no finding")
    void healthy() {
        cluster.with(DEPLOYMENTS, "shop", "web", deployment("shop", "web", 1, 1))
                .with(REPLICA_SETS, "shop", "web-7d9f", replicaSet("shop", "web", "7d9f", 1))
                .with(PODS, "shop", "web-7d9f-a", runningPod("shop", "web", "7d9f", "a"));

        WorkloadDiagnosis diagnosis =
                service.diagnose(CALLER, new DiagnoseWorkloadQuery(Optional.of("deploy"), "web", "shop"));

        assertThat(diagnosis.findings()).isEmpty();
        assertThat(diagnosis.graph().pods()).hasSize(1);
        assertThat(logRequests).isEmpty();
    }

    @Test
    @DisplayName("Without a type the name is looked up among the workload kinds; the others of that name are said")
    void lookedUp() {
        crashLoopingDeployment();
        cluster.with(SERVICES, "shop", "web", service("shop", "web", Map.of("app", "web")));

        WorkloadDiagnosis diagnosis =
                service.diagnose(CALLER, new DiagnoseWorkloadQuery(Optional.empty(), "web", "shop"));

        assertThat(diagnosis.graph().target().kind()).isEqualTo("Deployment");
        assertThat(diagnosis.gaps())
                .anySatisfy(gap -> assertThat(gap).contains("Service").contains("name the type"));
    }

    @Test
    @DisplayName("A Service whose selector matches no pod is named as such")
    void serviceSelectingNothing() {
        cluster.with(SERVICES, "shop", "web", service("shop", "web", Map.of("app", "nothing")));

        WorkloadDiagnosis diagnosis =
                service.diagnose(CALLER, new DiagnoseWorkloadQuery(Optional.of("svc"), "web", "shop"));

        assertThat(diagnosis.graph().service()).isPresent();
        assertThat(diagnosis.findings()).extracting(Finding::cause).contains("ServiceSelectsNothing");
    }

    @Test
    @DisplayName("A pod is diagnosed with the chain of its owners")
    void podOwnerChain() {
        crashLoopingDeployment();

        WorkloadDiagnosis diagnosis =
                service.diagnose(CALLER, new DiagnoseWorkloadQuery(Optional.of("pod"), "web-7d9f-a", "shop"));

        assertThat(diagnosis.graph().related())
                .extracting(owner -> owner.ref().kind())
                .containsExactly("ReplicaSet", "Deployment");
        assertThat(diagnosis.findings()).extracting(Finding::cause).contains("CrashLoopBackOff");
    }

    @Test
    @DisplayName("Events the caller may not list leave a gap, not a failed diagnosis")
    void deniedEvents() {
        crashLoopingDeployment();
        cluster.failingFor(EVENTS, Reason.FORBIDDEN, "RBAC denies list events in namespace shop");

        WorkloadDiagnosis diagnosis =
                service.diagnose(CALLER, new DiagnoseWorkloadQuery(Optional.of("deploy"), "web", "shop"));

        assertThat(diagnosis.findings()).extracting(Finding::cause).contains("CrashLoopBackOff");
        assertThat(diagnosis.events()).isEmpty();
        assertThat(diagnosis.gaps())
                .anySatisfy(gap -> assertThat(gap).contains("events").contains("RBAC denies list events"));
    }

    @Test
    @DisplayName("A log that cannot be read is said in the excerpt")
    void unreadableLog() {
        crashLoopingDeployment();
        logFailure = new RequestFailedException(Reason.FORBIDDEN, "RBAC denies get pods/log");

        WorkloadDiagnosis diagnosis =
                service.diagnose(CALLER, new DiagnoseWorkloadQuery(Optional.of("deploy"), "web", "shop"));

        assertThat(diagnosis.graph().logs()).singleElement().satisfies(log -> {
            assertThat(log.lines()).isEmpty();
            assertThat(log.unavailable()).contains("RBAC denies get pods/log");
        });
    }

    @Test
    @DisplayName("A missing workload is NOT_FOUND, with where to look")
    void notFound() {
        assertThatThrownBy(
                        () -> service.diagnose(CALLER, new DiagnoseWorkloadQuery(Optional.of("deploy"), "web", "shop")))
                .isInstanceOf(RequestFailedException.class)
                .hasMessage("No Deployment named \"web\" in namespace shop")
                .extracting(e -> ((RequestFailedException) e).problem())
                .satisfies(problem -> {
                    assertThat(problem.reason()).isEqualTo(Reason.NOT_FOUND);
                    assertThat(problem.remedy()).hasValue(Problem.Remedy.LIST_WORKLOADS_OF_THE_NAMESPACE);
                });
        assertThatThrownBy(() -> service.diagnose(CALLER, new DiagnoseWorkloadQuery(Optional.empty(), "web", "shop")))
                .hasMessage("No object named \"web\" in namespace shop among the kinds tried: Deployment, StatefulSet,"
                        + " DaemonSet, CronJob, Job, ReplicaSet, Pod, Service, HorizontalPodAutoscaler,"
                        + " PersistentVolumeClaim. Name the type to diagnose any other kind");
    }

    @Test
    @DisplayName("A kind without a diagnosis of its own is judged by its status conditions: none is no problem")
    void anyOtherKind() {
        cluster.with(CONFIG_MAPS, "shop", "web", WorkloadFixture.object("v1", "ConfigMap", "shop", "web", "uid-cm"));

        WorkloadDiagnosis diagnosis =
                service.diagnose(CALLER, new DiagnoseWorkloadQuery(Optional.of("configmaps"), "web", "shop"));

        assertThat(diagnosis.graph().target().display()).isEqualTo("ConfigMap shop/web");
        assertThat(diagnosis.findings()).isEmpty();
        assertThat(diagnosis.graph().objects())
                .singleElement()
                .satisfies(object -> assertThat(object.conditions()).isEmpty());
        assertThat(CONFIG_MAPS.kind()).isEqualTo("ConfigMap");
    }

    @Test
    @DisplayName("Restricted kinds, bad names and a missing namespace are refused before anything is read")
    void refusals() {
        assertThatThrownBy(() ->
                        service.diagnose(CALLER, new DiagnoseWorkloadQuery(Optional.of("secrets"), "web", "shop")))
                .extracting(e -> ((RequestFailedException) e).problem().reason())
                .isEqualTo(Reason.RESTRICTED);
        assertThatThrownBy(() ->
                        service.diagnose(CALLER, new DiagnoseWorkloadQuery(Optional.of("deploy"), "Web!", "shop")))
                .extracting(e -> ((RequestFailedException) e).problem().reason())
                .isEqualTo(Reason.INVALID_ARGUMENT);
        assertThatThrownBy(() -> service.diagnose(CALLER, new DiagnoseWorkloadQuery(Optional.of("deploy"), "web", "")))
                .extracting(e -> ((RequestFailedException) e).problem().reason())
                .isEqualTo(Reason.NAMESPACE_REQUIRED);
        assertThat(cluster.touchedObjects()).isFalse();
    }

    @Test
    @DisplayName("Label selectors are written key=value, sorted, and absent for no labels")
    void selectors() {
        assertThat(DiagnoseWorkloadService.selector(Map.of("tier", "web", "app", "shop")))
                .contains("app=shop,tier=web");
        assertThat(DiagnoseWorkloadService.selector(Map.of())).isEmpty();
    }
}
