package io.kmcp.application.service;

import static io.kmcp.application.service.TestTypes.CALLER;
import static io.kmcp.application.service.TestTypes.DEPLOYMENTS;
import static io.kmcp.application.service.TestTypes.NAMESPACES;
import static io.kmcp.application.service.TestTypes.PODS;
import static io.kmcp.application.service.WorkloadFixture.CLAIMS;
import static io.kmcp.application.service.WorkloadFixture.EVENTS;
import static io.kmcp.application.service.WorkloadFixture.NODES;
import static io.kmcp.application.service.WorkloadFixture.QUOTAS;
import static io.kmcp.application.service.WorkloadFixture.SERVICES;
import static io.kmcp.application.service.WorkloadFixture.crashLoopingPod;
import static io.kmcp.application.service.WorkloadFixture.deployment;
import static io.kmcp.application.service.WorkloadFixture.event;
import static io.kmcp.application.service.WorkloadFixture.node;
import static io.kmcp.application.service.WorkloadFixture.object;
import static io.kmcp.application.service.WorkloadFixture.runningPod;
import static io.kmcp.application.service.WorkloadFixture.service;
import static io.kmcp.application.service.WorkloadFixture.unschedulablePod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.application.Problem;
import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.ClusterOverview;
import io.kmcp.application.port.in.NamespaceOverview;
import io.kmcp.application.port.in.QuotaUsage;
import io.kmcp.application.port.in.UnhealthyWorkload;
import io.kmcp.domain.diagnosis.NodeSnapshot;
import io.kmcp.domain.policy.AccessPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SummarizeServicesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:06:00Z"), ZoneOffset.UTC);

    private final FakeCluster cluster = new FakeCluster(WorkloadFixture.CATALOG);
    private final TypeLookup types = new TypeLookup(cluster, AccessPolicy.builtIn());

    private void shop() {
        Map<String, Object> quota = object("v1", "ResourceQuota", "shop", "compute", "uid-q");
        quota.put("status", Map.of("hard", Map.of("pods", "10"), "used", Map.of("pods", "4")));
        cluster.with(NAMESPACES, null, "shop", object("v1", "Namespace", null, "shop", "uid-ns"))
                .with(DEPLOYMENTS, "shop", "web", deployment("shop", "web", 2, 0))
                .with(DEPLOYMENTS, "shop", "api", deployment("shop", "api", 1, 1))
                .with(DEPLOYMENTS, "shop", "batch", deployment("shop", "batch", 1, 0))
                .with(PODS, "shop", "web-7d9f-a", crashLoopingPod("shop", "web", "7d9f", "a"))
                .with(PODS, "shop", "web-7d9f-b", crashLoopingPod("shop", "web", "7d9f", "b"))
                .with(PODS, "shop", "api-5c5c-a", runningPod("shop", "api", "5c5c", "a"))
                .with(PODS, "shop", "batch-1111-a", unschedulablePod("shop", "batch", "1111", "a"))
                .with(
                        EVENTS,
                        "shop",
                        "e1",
                        event("shop", "Pod", "web-7d9f-a", "Warning", "BackOff", "Back-off restarting", 7))
                .with(QUOTAS, "shop", "compute", quota);
    }

    @Test
    @DisplayName("A namespace overview counts, names the unhealthy workloads with their cause, and the pending pods")
    void namespace() {
        shop();

        NamespaceOverview overview =
                new SummarizeNamespaceService(types, cluster, Runnable::run, CLOCK).summarize(CALLER, "shop");

        assertThat(overview.counts()).containsEntry("Deployment", 3).containsEntry("Pod", 4);
        assertThat(overview.unhealthy())
                .extracting(entry -> entry.workload().name() + ":" + entry.cause())
                .containsExactlyInAnyOrder("web:CrashLoopBackOff", "batch:Unschedulable");
        assertThat(overview.unhealthy()).extracting(UnhealthyWorkload::summary).allMatch(line -> !line.isBlank());
        assertThat(overview.pendingPods()).singleElement().satisfies(pending -> {
            assertThat(pending.pod().name()).isEqualTo("batch-1111-a");
            assertThat(pending.why()).contains("Unschedulable").contains("Insufficient cpu");
        });
        assertThat(overview.warnings())
                .singleElement()
                .satisfies(group -> assertThat(group.count()).isEqualTo(7));
        assertThat(overview.quotas()).containsExactly(new QuotaUsage("compute", "pods", "4", "10"));
        assertThat(overview.gaps()).isEmpty();
        assertThat(overview.apiRequests()).isEqualTo(11);
    }

    @Test
    @DisplayName(
            "A namespace held in its deletion past its deadline comes first among the unhealthy, saying what holds it")
    void namespaceHeldInDeletion() {
        shop();
        Map<String, Object> attic = object("v1", "Namespace", null, "shop", "uid-ns");
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) attic.get("metadata");
        metadata.put("deletionTimestamp", "2026-11-23T10:00:00Z");
        attic.put("spec", Map.of("finalizers", List.of("kubernetes")));
        attic.put(
                "status",
                Map.of(
                        "phase",
                        "Terminating",
                        "conditions",
                        List.of(Map.of(
                                "type",
                                "NamespaceFinalizersRemaining",
                                "status",
                                "True",
                                "message",
                                "Some content in the namespace has finalizers remaining: example.com/hold in 1"
                                        + " resource instances"))));
        cluster.with(NAMESPACES, null, "shop", attic);

        NamespaceOverview overview =
                new SummarizeNamespaceService(types, cluster, Runnable::run, CLOCK).summarize(CALLER, "shop");

        assertThat(overview.unhealthy()).hasSize(3);
        assertThat(overview.unhealthy().get(0)).satisfies(entry -> {
            assertThat(entry.workload().display()).isEqualTo("Namespace shop");
            assertThat(entry.cause()).isEqualTo("DeletionBlocked");
            assertThat(entry.summary())
                    .startsWith("Namespace shop was deleted 6m ago and is still there, held by finalizer kubernetes:"
                            + " the namespace controller reports: Some content in the namespace has finalizers"
                            + " remaining: example.com/hold");
        });
    }

    @Test
    @DisplayName("A namespace that does not exist is NOT_FOUND")
    void missingNamespace() {
        assertThatThrownBy(() -> new SummarizeNamespaceService(types, cluster, Runnable::run, CLOCK)
                        .summarize(CALLER, "nowhere"))
                .hasMessageContaining("Namespace nowhere does not exist")
                .extracting(e -> ((RequestFailedException) e).problem().reason())
                .isEqualTo(Reason.NOT_FOUND);
    }

    @Test
    @DisplayName("The cluster overview puts nodes that are not ready first and sees every namespace")
    void cluster() {
        shop();
        cluster.with(NODES, null, "node-a", node("node-a", true)).with(NODES, null, "node-b", node("node-b", false));

        ClusterOverview overview = new SummarizeClusterService(types, cluster, Runnable::run, CLOCK).summarize(CALLER);

        assertThat(overview.nodes()).extracting(NodeSnapshot::ready).containsExactly(false, true);
        assertThat(overview.namespaces()).isEqualTo(1);
        assertThat(overview.unhealthy()).hasSize(2);
        assertThat(overview.counts()).containsEntry("Deployment", 3);
        assertThat(cluster.listRequests)
                .allSatisfy(request -> assertThat(request.namespace()).isEmpty());
    }

    @Test
    @DisplayName("What the caller may not list is a gap in the overview, not a failure")
    void gaps() {
        shop();
        cluster.failingFor(PODS, Reason.FORBIDDEN, "RBAC denies list pods");

        NamespaceOverview overview =
                new SummarizeNamespaceService(types, cluster, Runnable::run, CLOCK).summarize(CALLER, "shop");

        assertThat(overview.gaps())
                .anySatisfy(gap -> assertThat(gap).contains("Pod objects").contains("RBAC"));
        assertThat(overview.counts()).doesNotContainKey("Pod");
    }

    @Test
    @DisplayName("Services and claims are judged too: a Service selecting nothing, a claim left Pending")
    void servicesAndClaims() {
        shop();
        Map<String, Object> claim = object("v1", "PersistentVolumeClaim", "shop", "api-data", "uid-pvc");
        claim.put("status", Map.of("phase", "Pending"));
        Map<String, Object> apiPod = runningPod("shop", "api", "5c5c", "a");
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) apiPod.get("spec");
        spec.put("volumes", List.of(Map.of("name", "data", "persistentVolumeClaim", Map.of("claimName", "api-data"))));
        cluster.with(SERVICES, "shop", "orders", service("shop", "orders", Map.of("app", "orders")))
                .with(CLAIMS, "shop", "api-data", claim)
                .with(PODS, "shop", "api-5c5c-a", apiPod);

        NamespaceOverview overview =
                new SummarizeNamespaceService(types, cluster, Runnable::run, CLOCK).summarize(CALLER, "shop");

        assertThat(overview.unhealthy())
                .extracting(entry -> entry.workload().display() + ":" + entry.cause())
                .contains("Service shop/orders:ServiceSelectsNothing", "Deployment shop/api:ClaimPending");
        assertThat(overview.counts()).containsEntry("Service", 1).containsEntry("PersistentVolumeClaim", 1);
    }

    @Test
    @DisplayName("The namespace is required, and named in the refusal of an empty one")
    void namespaceRequired() {
        assertThatThrownBy(() ->
                        new SummarizeNamespaceService(types, cluster, Runnable::run, CLOCK).summarize(CALLER, null))
                .extracting(e -> ((RequestFailedException) e).problem())
                .satisfies(problem -> {
                    assertThat(problem.reason()).isEqualTo(Reason.NAMESPACE_REQUIRED);
                    assertThat(problem.remedy()).hasValue(Problem.Remedy.SUMMARIZE_THE_CLUSTER);
                });
        assertThat(cluster.touchedObjects()).isFalse();
    }

    @Test
    @DisplayName("A namespace the caller may not read is still summarized, with the gap said")
    void namespaceNotReadable() {
        shop();
        cluster.failingFor(NAMESPACES, Reason.FORBIDDEN, "RBAC denies get namespaces");

        NamespaceOverview overview =
                new SummarizeNamespaceService(types, cluster, Runnable::run, CLOCK).summarize(CALLER, "shop");

        assertThat(overview.gaps()).containsExactly("namespace shop could not be read: RBAC denies get namespaces");
        assertThat(overview.counts()).containsEntry("Deployment", 3);
    }

    @Test
    @DisplayName("A namespace that does not exist is NOT_FOUND even when other reads left gaps")
    void missingNamespaceWithOtherGaps() {
        cluster.failingFor(PODS, Reason.FORBIDDEN, "RBAC denies list pods");

        assertThatThrownBy(() -> new SummarizeNamespaceService(types, cluster, Runnable::run, CLOCK)
                        .summarize(CALLER, "nowhere"))
                .extracting(e -> ((RequestFailedException) e).problem().reason())
                .isEqualTo(Reason.NOT_FOUND);
    }

    @Test
    @DisplayName("Gaps name the scope of what could not be listed: the namespace, or all namespaces")
    void gapScope() {
        shop();
        cluster.failingFor(PODS, Reason.FORBIDDEN, "RBAC denies list pods");

        NamespaceOverview namespace =
                new SummarizeNamespaceService(types, cluster, Runnable::run, CLOCK).summarize(CALLER, "shop");
        ClusterOverview all = new SummarizeClusterService(types, cluster, Runnable::run, CLOCK).summarize(CALLER);

        assertThat(namespace.gaps())
                .containsExactly("Pod objects in namespace shop could not be listed: RBAC denies list pods");
        assertThat(all.gaps())
                .containsExactly("Pod objects in all namespaces could not be listed: RBAC denies list pods");
    }

    @Test
    @DisplayName("Nodes that are not ready come first, each group by name")
    void nodeOrder() {
        cluster.with(NODES, null, "node-d", node("node-d", true))
                .with(NODES, null, "node-c", node("node-c", false))
                .with(NODES, null, "node-b", node("node-b", true))
                .with(NODES, null, "node-a", node("node-a", false));

        ClusterOverview overview = new SummarizeClusterService(types, cluster, Runnable::run, CLOCK).summarize(CALLER);

        assertThat(overview.nodes())
                .extracting(node -> node.ref().name())
                .containsExactly("node-a", "node-c", "node-b", "node-d");
    }

    @Test
    @DisplayName("Quotas are read per resource, a resource without usage counting as 0")
    void quotas() {
        Map<String, Object> quota = object("v1", "ResourceQuota", "shop", "compute", "uid-q");
        quota.put(
                "status",
                Map.of("hard", Map.of("pods", "10", "requests.cpu", "4"), "used", Map.of("requests.cpu", "1500m")));
        Map<String, Object> empty = object("v1", "ResourceQuota", "shop", "empty", "uid-e");

        assertThat(SummarizeNamespaceService.quotas(new ClusterReads.Listed(List.of(quota, empty, Map.of()), false, 0)))
                .containsExactly(
                        new QuotaUsage("compute", "pods", "0", "10"),
                        new QuotaUsage("compute", "requests.cpu", "1500m", "4"));
    }
}
