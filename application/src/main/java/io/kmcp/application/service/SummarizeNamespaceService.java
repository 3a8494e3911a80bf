package io.kmcp.application.service;

import io.kmcp.application.Caller;
import io.kmcp.application.Problem;
import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.NamespaceOverview;
import io.kmcp.application.port.in.QuotaUsage;
import io.kmcp.application.port.in.SummarizeNamespace;
import io.kmcp.application.port.in.UnhealthyWorkload;
import io.kmcp.application.port.out.ResourceReader;
import io.kmcp.application.service.ClusterReads.Listed;
import io.kmcp.domain.diagnosis.DiagnosisRules;
import io.kmcp.domain.diagnosis.Snapshots;
import io.kmcp.domain.resource.JsonTree;
import io.kmcp.domain.type.Verb;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** A namespace at a glance, from one concurrent list per kind. */
public final class SummarizeNamespaceService implements SummarizeNamespace {

    private final TypeLookup types;
    private final ResourceReader reader;
    private final Executor executor;
    private final Clock clock;

    public SummarizeNamespaceService(TypeLookup types, ResourceReader reader, Executor executor, Clock clock) {
        this.types = Objects.requireNonNull(types, "types");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public NamespaceOverview summarize(Caller caller, String namespace) {
        String name = Inputs.requiredNamespace(
                        namespace,
                        "A namespace overview needs the namespace to summarize",
                        Problem.Remedy.SUMMARIZE_THE_CLUSTER)
                .value();
        Instant now = clock.instant();
        ClusterReads reads = new ClusterReads(caller, types, reader, Optional.empty(), executor);
        CompletableFuture<Optional<Map<String, Object>>> exists =
                reads.get("namespace " + name, reads.type("namespaces.v1", Verb.GET), Optional.empty(), name);
        CompletableFuture<Listed> quotas = reads.list(
                "resource quotas of namespace " + name,
                reads.type("resourcequotas.v1", Verb.LIST),
                Optional.of(name),
                100);
        Inventory inventory = Inventory.read(reads, Optional.of(name), now);
        boolean denied = reads.couldNotRead("namespace " + name);
        Optional<Map<String, Object>> found = ClusterReads.await(exists);
        if (found.isEmpty() && !denied) {
            throw new RequestFailedException(
                    Reason.NOT_FOUND, "Namespace " + name + " does not exist", Problem.Remedy.LIST_THE_NAMESPACES);
        }
        HealthAssessment health = inventory.health(now);
        // A namespace held in its deletion comes first: it explains what else in it looks odd.
        List<UnhealthyWorkload> unhealthy = new ArrayList<>();
        found.flatMap(object -> DiagnosisRules.namespaceFinding(Snapshots.namespace(object), now))
                .ifPresent(finding -> unhealthy.add(new UnhealthyWorkload(
                        finding.subject(), finding.severity(), finding.cause(), finding.summary())));
        unhealthy.addAll(health.unhealthy(inventory.workloads(), inventory.services()));
        return new NamespaceOverview(
                name,
                inventory.counts(),
                unhealthy,
                health.pending(),
                inventory.warnings(),
                quotas(ClusterReads.await(quotas)),
                reads.gaps(),
                reads.requests());
    }

    static List<QuotaUsage> quotas(Listed listed) {
        List<QuotaUsage> usage = new ArrayList<>();
        for (Map<String, Object> quota : listed.items()) {
            String quotaName = metadataName(quota);
            Map<String, String> hard = strings(quota, "hard");
            Map<String, String> used = strings(quota, "used");
            hard.forEach((resource, limit) ->
                    usage.add(new QuotaUsage(quotaName, resource, used.getOrDefault(resource, "0"), limit)));
        }
        return usage;
    }

    private static String metadataName(Map<String, Object> object) {
        return JsonTree.of(object).at("metadata.name").string("");
    }

    private static Map<String, String> strings(Map<String, Object> quota, String field) {
        return JsonTree.of(quota).at("status").at(field).strings();
    }
}
