package io.kmcp.application.service;

import static io.kmcp.application.service.TestTypes.CALLER;
import static io.kmcp.application.service.TestTypes.DEPLOYMENTS;
import static io.kmcp.application.service.TestTypes.PODS;
import static io.kmcp.application.service.WorkloadFixture.CONFIG_MAPS;
import static io.kmcp.application.service.WorkloadFixture.REPLICA_SETS;
import static io.kmcp.application.service.WorkloadFixture.crashLoopingPod;
import static io.kmcp.application.service.WorkloadFixture.deployment;
import static io.kmcp.application.service.WorkloadFixture.replicaSet;
import static io.kmcp.application.service.WorkloadFixture.runningPod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.DiagnoseWorkloadQuery;
import io.kmcp.application.port.in.ReadinessQuery;
import io.kmcp.application.port.in.ReadinessReport;
import io.kmcp.application.port.in.ReadinessReport.ObjectReadiness;
import io.kmcp.application.port.in.ReadinessReport.Verdict;
import io.kmcp.application.port.out.WaitProgress;
import io.kmcp.domain.apply.Manifest;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.policy.AccessPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AwaitReadinessServiceTest {

    private static final Instant START = Instant.parse("2026-11-23T10:06:00Z");

    private final FakeCluster cluster = new FakeCluster(WorkloadFixture.CATALOG);
    private final MovingClock clock = new MovingClock();
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> heard = new ArrayList<>();
    private final List<DiagnoseWorkloadQuery> diagnosed = new ArrayList<>();
    private Consumer<Integer> onSleep = sleep -> {};

    private final DiagnoseWorkloadService diagnosis = new DiagnoseWorkloadService(
            new TypeLookup(cluster, AccessPolicy.builtIn()),
            cluster,
            (caller, request) -> "panic: cannot connect to database at db:5432\n",
            Runnable::run,
            clock);

    private final AwaitReadinessService service = new AwaitReadinessService(
            new TypeLookup(cluster, AccessPolicy.builtIn()),
            cluster,
            (caller, query) -> {
                diagnosed.add(query);
                return diagnosis.diagnose(caller, query);
            },
            clock,
            Duration.ofSeconds(2),
            duration -> {
                sleeps.add(duration);
                clock.advance(duration);
                onSleep.accept(sleeps.size());
            });

    private final WaitProgress progress = (look, elapsed, timeout, pending) ->
            heard.add(look + " " + elapsed.toSeconds() + "/" + timeout.toSeconds() + "s " + pending);

    private static Manifest applied(int document, String apiVersion, String kind, String name) {
        return Manifest.from(
                document,
                Map.of("apiVersion", apiVersion, "kind", kind, "metadata", Map.of("name", name, "namespace", "shop")));
    }

    private static final Manifest WEB = applied(1, "apps/v1", "Deployment", "web");

    private ReadinessReport await(Duration timeout, Manifest... manifests) {
        return service.await(CALLER, new ReadinessQuery(List.of(manifests), timeout), progress);
    }

    /** A deployment of two replicas, none available yet, with a replica set and pods in the given state. */
    private void rollingOut(String name, Map<String, Object>... pods) {
        cluster.with(DEPLOYMENTS, "shop", name, deployment("shop", name, 2, 0))
                .with(REPLICA_SETS, "shop", name + "-7d9f", replicaSet("shop", name, "7d9f", 1));
        for (Map<String, Object> pod : pods) {
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata = (Map<String, Object>) pod.get("metadata");
            cluster.with(PODS, "shop", (String) metadata.get("name"), pod);
        }
    }

    @Test
    @DisplayName(
            "A deployment that rolls out while it is watched is ready at the look that sees it, after progress was told")
    void readyAfterAWhile() {
        rollingOut("web");
        onSleep = sleep -> {
            if (sleep == 2) {
                cluster.with(DEPLOYMENTS, "shop", "web", deployment("shop", "web", 2, 2));
            }
        };

        ReadinessReport report = await(Duration.ofSeconds(60), WEB);

        assertThat(report.objects())
                .extracting(ObjectReadiness::verdict, ObjectReadiness::last, ObjectReadiness::after)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        Verdict.READY, "rolled out: 2/2 replicas updated and available", Duration.ofSeconds(4)));
        assertThat(report.waited()).isEqualTo(Duration.ofSeconds(4));
        assertThat(report.allReady()).isTrue();
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThat(heard)
                .containsExactly(
                        "1 0/60s [document 1 (apps/v1 Deployment shop/web): 0 of 2 updated replicas available]",
                        "2 2/60s [document 1 (apps/v1 Deployment shop/web): 0 of 2 updated replicas available]");
        assertThat(diagnosed).as("a ready workload is not diagnosed").isEmpty();
    }

    @Test
    @DisplayName(
            "A crash-looping container ends the wait at the first look, and the workload's diagnosis names the cause")
    void crashLoopEndsTheWaitEarly() {
        rollingOut("web", crashLoopingPod("shop", "web", "7d9f", "a"));

        ReadinessReport report = await(Duration.ofSeconds(60), WEB);

        ObjectReadiness web = report.objects().get(0);
        assertThat(web.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(web.last()).contains("CrashLoopBackOff").contains("web-7d9f-a");
        assertThat(web.after()).isZero();
        assertThat(sleeps).isEmpty();
        assertThat(diagnosed)
                .containsExactly(new DiagnoseWorkloadQuery(Optional.of("deployments.v1.apps"), "web", "shop"));
        assertThat(web.diagnosis().orElseThrow().findings())
                .extracting(Finding::cause)
                .contains("CrashLoopBackOff");
        assertThat(report.allReady()).isFalse();
    }

    @Test
    @DisplayName("A workload still not ready when the time is up times out at the deadline, with its diagnosis")
    void timeout() {
        rollingOut("web", runningPod("shop", "web", "7d9f", "a"));

        ReadinessReport report = await(Duration.ofSeconds(5), WEB);

        ObjectReadiness web = report.objects().get(0);
        assertThat(web.verdict()).isEqualTo(Verdict.TIMED_OUT);
        assertThat(web.last()).isEqualTo("0 of 2 updated replicas available");
        assertThat(web.after()).isEqualTo(Duration.ofSeconds(5));
        assertThat(sleeps)
                .as("the last sleep ends at the deadline, not after it")
                .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1));
        assertThat(heard).hasSize(3);
        assertThat(web.diagnosis()).isPresent();
        assertThat(web.diagnosisGap()).isEmpty();
    }

    @Test
    @DisplayName("A ConfigMap has no readiness: it is answered at once, neither waited for nor diagnosed")
    void noReadiness() {
        cluster.with(CONFIG_MAPS, "shop", "settings", TestTypes.object("v1", "ConfigMap", "shop", "settings"));

        ReadinessReport report = await(Duration.ofSeconds(60), applied(1, "v1", "ConfigMap", "settings"));

        assertThat(report.objects().get(0).verdict()).isEqualTo(Verdict.NO_READINESS);
        assertThat(report.objects().get(0).last()).startsWith("a ConfigMap reports no readiness");
        assertThat(report.allReady()).isTrue();
        assertThat(sleeps).isEmpty();
        assertThat(heard).isEmpty();
        assertThat(diagnosed).isEmpty();
    }

    @Test
    @DisplayName("Several objects: each is reported in the order asked, and a settled one is not read again")
    void several() {
        cluster.with(CONFIG_MAPS, "shop", "settings", TestTypes.object("v1", "ConfigMap", "shop", "settings"));
        rollingOut("web");
        onSleep = sleep -> cluster.with(DEPLOYMENTS, "shop", "web", deployment("shop", "web", 2, 2));

        ReadinessReport report = await(
                Duration.ofSeconds(60),
                applied(1, "v1", "ConfigMap", "settings"),
                applied(2, "apps/v1", "Deployment", "web"));

        assertThat(report.objects())
                .extracting(ObjectReadiness::verdict)
                .containsExactly(Verdict.NO_READINESS, Verdict.READY);
        assertThat(cluster.calls.stream().filter(call -> call.startsWith("get configmaps")))
                .hasSize(1);
    }

    @Test
    @DisplayName("An object gone, or one the caller may not read, is unreadable, with the reason")
    void unreadable() {
        ReadinessReport gone = await(Duration.ofSeconds(60), WEB);

        assertThat(gone.objects().get(0).verdict()).isEqualTo(Verdict.UNREADABLE);
        assertThat(gone.objects().get(0).last()).startsWith("it no longer exists");

        cluster.failingFor(DEPLOYMENTS, Reason.FORBIDDEN, "deployments.apps \"web\" is forbidden");
        ReadinessReport denied = await(Duration.ofSeconds(60), WEB);

        assertThat(denied.objects().get(0).verdict()).isEqualTo(Verdict.UNREADABLE);
        assertThat(denied.objects().get(0).last())
                .isEqualTo("it could not be read: deployments.apps \"web\" is forbidden");
        assertThat(denied.allReady()).isFalse();
    }

    @Test
    @DisplayName("Pods the caller may not list leave the object's own status to decide: no early failure, a timeout")
    void podsNotListable() {
        rollingOut("web", crashLoopingPod("shop", "web", "7d9f", "a"));
        cluster.failingFor(PODS, Reason.FORBIDDEN, "pods are forbidden");

        ObjectReadiness web = await(Duration.ofSeconds(3), WEB).objects().get(0);

        assertThat(web.verdict()).isEqualTo(Verdict.TIMED_OUT);
        assertThat(web.after()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    @DisplayName("A kind the cluster does not serve is unreadable, with the reason, and the others are still followed")
    void unknownKind() {
        cluster.with(CONFIG_MAPS, "shop", "settings", TestTypes.object("v1", "ConfigMap", "shop", "settings"));

        ReadinessReport report = await(
                Duration.ofSeconds(60),
                applied(1, "example.com/v1", "Widget", "w"),
                applied(2, "v1", "ConfigMap", "settings"));

        assertThat(report.objects())
                .extracting(ObjectReadiness::verdict)
                .containsExactly(Verdict.UNREADABLE, Verdict.NO_READINESS);
        assertThat(report.objects().get(0).last()).startsWith("it could not be read: ");
        assertThat(report.objects().get(0).diagnosis()).isEmpty();
    }

    @Test
    @DisplayName("A diagnosis that cannot be made is a gap of the report, not a failure of the wait")
    void diagnosisRefused() {
        rollingOut("web", crashLoopingPod("shop", "web", "7d9f", "a"));
        AwaitReadinessService refusing = new AwaitReadinessService(
                new TypeLookup(cluster, AccessPolicy.builtIn()),
                cluster,
                (caller, query) -> {
                    throw new RequestFailedException(Reason.FORBIDDEN, "events are forbidden");
                },
                clock,
                Duration.ofSeconds(2),
                sleeps::add);

        ObjectReadiness web = refusing.await(
                        CALLER, new ReadinessQuery(List.of(WEB), Duration.ofSeconds(60)), WaitProgress.NONE)
                .objects()
                .get(0);

        assertThat(web.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(web.diagnosis()).isEmpty();
        assertThat(web.diagnosisGap()).contains("it could not be diagnosed: events are forbidden");
    }

    @Test
    @DisplayName("An interrupted wait stops with a clear failure")
    void interrupted() {
        rollingOut("web");
        AwaitReadinessService interrupted = new AwaitReadinessService(
                new TypeLookup(cluster, AccessPolicy.builtIn()),
                cluster,
                diagnosis,
                clock,
                Duration.ofSeconds(2),
                d -> {
                    throw new InterruptedException();
                });

        assertThatThrownBy(() -> interrupted.await(
                        CALLER, new ReadinessQuery(List.of(WEB), Duration.ofSeconds(60)), WaitProgress.NONE))
                .isInstanceOf(RequestFailedException.class)
                .hasMessageContaining("interrupted while waiting for readiness");
        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    @DisplayName("A query without time to wait, and an interval that is not positive, are refused")
    void bounds() {
        assertThatThrownBy(() -> new ReadinessQuery(List.of(WEB), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AwaitReadinessService(
                        new TypeLookup(cluster, AccessPolicy.builtIn()),
                        cluster,
                        diagnosis,
                        clock,
                        Duration.ZERO,
                        sleeps::add))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A clock the sleeper moves. */
    private static final class MovingClock extends Clock {

        private Instant now = START;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
