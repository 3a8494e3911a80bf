package io.kmcp.application.service;

import io.kmcp.application.Caller;
import io.kmcp.application.port.in.ClusterOverview;
import io.kmcp.application.port.in.SummarizeCluster;
import io.kmcp.application.port.out.ResourceReader;
import io.kmcp.application.service.ClusterReads.Listed;
import io.kmcp.domain.diagnosis.NodeSnapshot;
import io.kmcp.domain.diagnosis.Snapshots;
import io.kmcp.domain.type.Verb;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The cluster at a glance: nodes first, then what is unhealthy anywhere, from one list per kind. */
public final class SummarizeClusterService implements SummarizeCluster {

    static final int MAX_NODES = 1000;

    private final TypeLookup types;
    private final ResourceReader reader;
    private final Executor executor;
    private final Clock clock;

    public SummarizeClusterService(TypeLookup types, ResourceReader reader, Executor executor, Clock clock) {
        this.types = Objects.requireNonNull(types, "types");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ClusterOverview summarize(Caller caller) {
        Instant now = clock.instant();
        ClusterReads reads = new ClusterReads(caller, types, reader, Optional.empty(), executor);
        CompletableFuture<Listed> nodes =
                reads.list("nodes", reads.type("nodes.v1", Verb.LIST), Optional.empty(), MAX_NODES);
        CompletableFuture<Listed> namespaces = reads.list(
                "namespaces", reads.type("namespaces.v1", Verb.LIST), Optional.empty(), Inventory.MAX_PER_KIND);
        Inventory inventory = Inventory.read(reads, Optional.empty(), now);
        HealthAssessment health = inventory.health(now);
        List<NodeSnapshot> nodeSnapshots = ClusterReads.await(nodes).items().stream()
                .map(Snapshots::node)
                .sorted(Comparator.comparing((NodeSnapshot node) -> node.ready())
                        .thenComparing(node -> node.ref().name()))
                .toList();
        return new ClusterOverview(
                nodeSnapshots,
                (int) ClusterReads.await(namespaces).total(),
                inventory.counts(),
                health.unhealthy(inventory.workloads(), inventory.services()),
                health.pending(),
                inventory.warnings(),
                reads.gaps(),
                reads.requests());
    }
}
