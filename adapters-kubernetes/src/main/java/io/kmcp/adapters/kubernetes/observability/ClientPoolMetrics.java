package io.kmcp.adapters.kubernetes.observability;

import io.kmcp.adapters.kubernetes.KubernetesClientPool;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;

/**
 * The pooled Kubernetes clients: how many are kept ({@code kmcp_kubernetes_clients}), how calls found
 * theirs ({@code kmcp_kubernetes_client_lookups_total{result="hit|miss"}}; a miss builds a client),
 * and how many left for the bound, idleness or their token's expiry ({@code
 * kmcp_kubernetes_clients_evicted_total}). Read from the pool's Caffeine statistics when scraped.
 */
public final class ClientPoolMetrics implements MeterBinder {

    private final KubernetesClientPool pool;

    public ClientPoolMetrics(KubernetesClientPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("kmcp.kubernetes.clients", pool, KubernetesClientPool::size)
                .description("Kubernetes clients kept, one per cluster and caller token")
                .strongReference(true)
                .register(registry);
        FunctionCounter.builder(
                        "kmcp.kubernetes.client.lookups",
                        pool,
                        clients -> clients.stats().hitCount())
                .description("Calls that needed a Kubernetes client, by whether the pool had it")
                .tag("result", "hit")
                .register(registry);
        FunctionCounter.builder(
                        "kmcp.kubernetes.client.lookups",
                        pool,
                        clients -> clients.stats().missCount())
                .description("Calls that needed a Kubernetes client, by whether the pool had it")
                .tag("result", "miss")
                .register(registry);
        FunctionCounter.builder(
                        "kmcp.kubernetes.clients.evicted",
                        pool,
                        clients -> clients.stats().evictionCount())
                .description("Kubernetes clients dropped for the pool's bound, idleness or token expiry")
                .register(registry);
    }
}
