package io.kmcp.application.service;

import static io.kmcp.application.service.TestTypes.CALLER;
import static io.kmcp.application.service.TestTypes.PODS;
import static io.kmcp.application.service.WorkloadFixture.NODES;
import static io.kmcp.application.service.WorkloadFixture.node;
import static io.kmcp.application.service.WorkloadFixture.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.out.LogRequest;
import io.kmcp.application.service.ClusterReads.Listed;
import io.kmcp.application.service.ClusterReads.LogRead;
import io.kmcp.domain.policy.AccessPolicy;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.ObjectName;
import io.kmcp.domain.type.Verb;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The reads of a gathering use case")
class ClusterReadsTest {

    private static final LogRequest LOG = new LogRequest(
            new NamespaceName("shop"),
            new ObjectName("web-a"),
            "app",
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    private final FakeCluster cluster = new FakeCluster(WorkloadFixture.CATALOG);
    private final TypeLookup types = new TypeLookup(cluster, AccessPolicy.builtIn());

    private ClusterReads reads() {
        return new ClusterReads(CALLER, types, cluster, Optional.empty(), Runnable::run);
    }

    @Test
    @DisplayName("A type the cluster does not serve is a gap, and reads of it return nothing without a request")
    void missingType() {
        ClusterReads reads = reads();

        assertThat(reads.type("gizmos.example.com", Verb.LIST)).isEmpty();
        assertThat(reads.list("gizmos", Optional.empty(), Optional.of("shop"), Optional.empty(), Optional.empty(), 10)
                        .join())
                .isSameAs(Listed.NOTHING);
        assertThat(reads.get("gizmo g", Optional.empty(), Optional.of("shop"), "g")
                        .join())
                .isEmpty();

        assertThat(reads.gaps())
                .singleElement()
                .satisfies(gap -> assertThat(gap).startsWith("gizmos.example.com: "));
        assertThat(reads.requests()).isZero();
        assertThat(cluster.touchedObjects()).isFalse();
    }

    @Test
    @DisplayName("A cluster-scoped type is listed without the namespace; a namespaced one with it")
    void namespaceOnlyForNamespacedTypes() {
        cluster.with(NODES, null, "node-1", node("node-1", true));
        ClusterReads reads = reads();

        Listed nodes = reads.list(
                        "nodes",
                        reads.type("nodes", Verb.LIST),
                        Optional.of("shop"),
                        Optional.empty(),
                        Optional.empty(),
                        10)
                .join();
        reads.list("pods", reads.type("pods", Verb.LIST), Optional.of("shop"), Optional.empty(), Optional.empty(), 10)
                .join();

        assertThat(nodes.items()).hasSize(1);
        assertThat(cluster.listRequests)
                .extracting(
                        request -> request.namespace().map(NamespaceName::value).orElse("*"))
                .containsExactly("*", "shop");
        assertThat(reads.requests()).isEqualTo(2);
    }

    @Test
    @DisplayName("A list cut by the limit says how many objects there are in all")
    void listedTotal() {
        cluster.with(PODS, "shop", "a", object("v1", "Pod", "shop", "a", "uid-a"))
                .with(PODS, "shop", "b", object("v1", "Pod", "shop", "b", "uid-b"))
                .with(PODS, "shop", "c", object("v1", "Pod", "shop", "c", "uid-c"));
        ClusterReads reads = reads();

        Listed listed = reads.list(
                        "pods", Optional.of(PODS), Optional.of("shop"), Optional.empty(), Optional.empty(), 2)
                .join();

        assertThat(listed.items()).hasSize(2);
        assertThat(listed.more()).isTrue();
        assertThat(listed.remaining()).isEqualTo(1);
        assertThat(listed.total()).isEqualTo(3);
        assertThat(new Listed(List.of(Map.of()), false, 0).total()).isEqualTo(1);
    }

    @Test
    @DisplayName("A denied list or get is a gap naming what was read; a missing object is simply absent")
    void deniedReads() {
        cluster.failingFor(PODS, Reason.FORBIDDEN, "RBAC denies pods");
        ClusterReads reads = reads();

        assertThat(reads.list(
                                "pods of shop",
                                Optional.of(PODS),
                                Optional.of("shop"),
                                Optional.empty(),
                                Optional.empty(),
                                5)
                        .join())
                .isSameAs(Listed.NOTHING);
        assertThat(reads.get("pod web-a", Optional.of(PODS), Optional.of("shop"), "web-a")
                        .join())
                .isEmpty();
        assertThat(reads.get("node gone", Optional.of(NODES), Optional.empty(), "gone")
                        .join())
                .isEmpty();

        assertThat(reads.gaps())
                .containsExactly(
                        "pods of shop could not be listed: RBAC denies pods",
                        "pod web-a could not be read: RBAC denies pods");
        assertThat(reads.requests()).isEqualTo(3);
    }

    @Test
    @DisplayName("A selector or name the domain refuses is a gap found before anything is sent")
    void refusedValues() {
        ClusterReads reads = reads();

        assertThat(reads.list(
                                "pods of web",
                                Optional.of(PODS),
                                Optional.of("shop"),
                                Optional.of("app=" + "w".repeat(1024)),
                                Optional.empty(),
                                5)
                        .join())
                .isSameAs(Listed.NOTHING);
        assertThat(reads.get("pod Web_A", Optional.of(PODS), Optional.of("shop"), "Web_A")
                        .join())
                .isEmpty();

        assertThat(reads.gaps())
                .containsExactly(
                        "pods of web could not be listed: The label selector is 1028 characters long; at most 1024 are"
                                + " accepted. Select with fewer terms.",
                        "pod Web_A could not be read: The object name 'Web_A' is not a valid Kubernetes name: use at"
                                + " most 253 lower-case letters, digits, '-' and '.', starting and ending with a letter"
                                + " or digit (e.g. web-0).");
        assertThat(reads.requests()).isZero();
        assertThat(cluster.touchedObjects()).isFalse();
    }

    @Test
    @DisplayName("The object asked about is read with failures thrown, and counted")
    void getOrThrow() {
        cluster.failingFor(PODS, Reason.FORBIDDEN, "RBAC denies pods");
        ClusterReads reads = reads();

        assertThatThrownBy(() -> reads.getOrThrow(PODS, Optional.of("shop"), "web-a"))
                .isInstanceOf(RequestFailedException.class)
                .hasMessage("RBAC denies pods");
        assertThat(reads.requests()).isEqualTo(1);
        assertThat(reads.gaps()).isEmpty();
    }

    @Test
    @DisplayName("A log is read and counted; a refused log says why, and no log reader says so")
    void logs() {
        ClusterReads reading =
                new ClusterReads(CALLER, types, cluster, Optional.of((caller, request) -> "line\n"), Runnable::run);
        ClusterReads refused = new ClusterReads(
                CALLER,
                types,
                cluster,
                Optional.of((caller, request) -> {
                    throw new RequestFailedException(Reason.FORBIDDEN, "RBAC denies pods/log");
                }),
                Runnable::run);

        assertThat(reading.log(LOG).join()).isEqualTo(new LogRead(Optional.of("line\n"), Optional.empty()));
        assertThat(reading.requests()).isEqualTo(1);
        assertThat(refused.log(LOG).join())
                .isEqualTo(new LogRead(Optional.empty(), Optional.of("RBAC denies pods/log")));
        assertThat(refused.requests()).isEqualTo(1);
        assertThat(reads().log(LOG).join()).isEqualTo(new LogRead(Optional.empty(), Optional.of("no log reader")));
    }

    @Test
    @DisplayName("Gaps are kept in the order they were said")
    void gapsInOrder() {
        ClusterReads reads = reads();

        reads.gap("first");
        reads.gap("second");

        assertThat(reads.gaps()).containsExactly("first", "second");
    }

    @Test
    @DisplayName("Waiting on a read rethrows its unchecked failure as is, anything else wrapped")
    void await() {
        IllegalStateException bug = new IllegalStateException("bug");
        IOException checked = new IOException("io");

        assertThat(ClusterReads.await(CompletableFuture.completedFuture("done")))
                .isEqualTo("done");
        assertThatThrownBy(() -> ClusterReads.await(CompletableFuture.failedFuture(bug)))
                .isSameAs(bug);
        assertThatThrownBy(() -> ClusterReads.await(CompletableFuture.failedFuture(checked)))
                .isInstanceOf(CompletionException.class)
                .hasCause(checked);
    }
}
