package io.kmcp.adapters.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kmcp.application.Caller;
import io.kmcp.application.port.out.ResourceCatalog;
import io.kmcp.domain.type.ApiCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API discovery per cluster, through the caller's own client (discovery is open to every
 * authenticated user), cached in memory per cluster. Only one discovery runs per cluster at a time;
 * callers arriving meanwhile wait for its result instead of starting their own.
 */
public final class Fabric8ResourceCatalog implements ResourceCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(Fabric8ResourceCatalog.class);

    private final KubernetesClientPool pool;
    private final DiscoverySettings settings;
    private final Clock clock;
    private final Map<String, ClusterCache> caches = new ConcurrentHashMap<>();

    public Fabric8ResourceCatalog(KubernetesClientPool pool, DiscoverySettings settings) {
        this(pool, settings, Clock.systemUTC());
    }

    Fabric8ResourceCatalog(KubernetesClientPool pool, DiscoverySettings settings, Clock clock) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ApiCatalog catalog(Caller caller) {
        ClusterConnection cluster = pool.clusters().connection(caller.cluster());
        ClusterCache cache = caches.computeIfAbsent(cluster.name(), name -> new ClusterCache());
        Snapshot cached = cache.snapshot;
        if (cached != null && cached.isFreshAt(clock.instant())) {
            return cached.catalog;
        }
        synchronized (cache) {
            cached = cache.snapshot;
            if (cached != null && cached.isFreshAt(clock.instant())) {
                return cached.catalog;
            }
            return fetch(caller, cluster, cache);
        }
    }

    @Override
    public ApiCatalog refreshed(Caller caller) {
        ClusterConnection cluster = pool.clusters().connection(caller.cluster());
        ClusterCache cache = caches.computeIfAbsent(cluster.name(), name -> new ClusterCache());
        synchronized (cache) {
            Snapshot cached = cache.snapshot;
            if (cached != null && cached.fetchedWithin(settings.minRefreshInterval(), clock.instant())) {
                return cached.catalog;
            }
            return fetch(caller, cluster, cache);
        }
    }

    private ApiCatalog fetch(Caller caller, ClusterConnection cluster, ClusterCache cache) {
        ApiDiscovery.Result result;
        try {
            result = pool.withClient(caller, client -> ApiDiscovery.discover(client, cluster.name()));
        } catch (KubernetesClientException e) {
            throw Fabric8Problems.translate(e, ApiCall.discovery(caller, cluster));
        }
        reportFailures(cluster, cache.snapshot, result.failedGroupVersions());
        Instant fetchedAt = clock.instant();
        Duration keep = result.complete() ? settings.ttl() : settings.partialTtl();
        cache.snapshot = new Snapshot(result.catalog(), result.failedGroupVersions(), fetchedAt, fetchedAt.plus(keep));
        return result.catalog();
    }

    /** WARN when a group version starts or stops failing; an API that stays down is not re-reported every fetch. */
    private static void reportFailures(ClusterConnection cluster, Snapshot previous, Map<String, String> failed) {
        Map<String, String> before = previous == null ? Map.of() : previous.failedGroupVersions;
        failed.forEach((groupVersion, why) -> {
            if (!before.containsKey(groupVersion)) {
                LOG.warn(
                        "Discovery of {} on cluster {} failed ({}); its types are left out until it answers again",
                        groupVersion,
                        cluster.name(),
                        why);
            } else {
                LOG.debug("Discovery of {} on cluster {} still fails ({})", groupVersion, cluster.name(), why);
            }
        });
        before.keySet().stream()
                .filter(groupVersion -> !failed.containsKey(groupVersion))
                .forEach(groupVersion ->
                        LOG.warn("Discovery of {} on cluster {} answers again", groupVersion, cluster.name()));
    }

    /** One cluster's latest catalog; its monitor serialises discovery of that cluster. */
    private static final class ClusterCache {
        volatile Snapshot snapshot;
    }

    private record Snapshot(
            ApiCatalog catalog, Map<String, String> failedGroupVersions, Instant fetchedAt, Instant expiresAt) {
        boolean isFreshAt(Instant now) {
            return now.isBefore(expiresAt);
        }

        boolean fetchedWithin(Duration interval, Instant now) {
            return now.isBefore(fetchedAt.plus(interval));
        }
    }
}
