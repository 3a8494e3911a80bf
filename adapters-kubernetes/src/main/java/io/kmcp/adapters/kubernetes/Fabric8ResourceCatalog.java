package io.kmcp.adapters.kubernetes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
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
 * authenticated user and answers every one of them alike, so the cache is keyed by cluster alone),
 * held in a Caffeine cache (ADR 0005). Only one discovery runs per cluster at a time: callers
 * arriving meanwhile wait for its result instead of starting their own.
 */
public final class Fabric8ResourceCatalog implements ResourceCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(Fabric8ResourceCatalog.class);

    private final KubernetesClientPool pool;
    private final DiscoverySettings settings;
    private final Clock clock;
    private final Cache<String, Snapshot> catalogs;
    // What failed at the last fetch of each cluster, kept past the snapshot's expiry so that an API that
    // stays down is reported when it starts failing and when it recovers, not at every fetch.
    private final Map<String, Map<String, String>> lastFailures = new ConcurrentHashMap<>();

    public Fabric8ResourceCatalog(KubernetesClientPool pool, DiscoverySettings settings) {
        this(pool, settings, Clock.systemUTC());
    }

    Fabric8ResourceCatalog(KubernetesClientPool pool, DiscoverySettings settings, Clock clock) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.catalogs = Caffeine.newBuilder()
                // A snapshot lives until its own expiry; reading it does not extend it.
                .expireAfter(Expiry.writing(
                        (String cluster, Snapshot snapshot) -> Duration.between(clock.instant(), snapshot.expiresAt)))
                .ticker(new ClockTicker(clock))
                .executor(Runnable::run)
                .recordStats()
                .build();
    }

    @Override
    public ApiCatalog catalog(Caller caller) {
        ClusterConnection cluster = pool.clusters().connection(caller.cluster());
        return catalogs.get(cluster.name(), name -> fetch(caller, cluster)).catalog;
    }

    @Override
    public ApiCatalog refreshed(Caller caller) {
        ClusterConnection cluster = pool.clusters().connection(caller.cluster());
        Snapshot cached = catalogs.getIfPresent(cluster.name());
        if (cached != null && cached.fetchedWithin(settings.minRefreshInterval(), clock.instant())) {
            return cached.catalog;
        }
        // Looked at again inside the compute: a refresh that finished while this one waited is fresh enough.
        return catalogs.asMap()
                .compute(
                        cluster.name(),
                        (name, current) ->
                                current != null && current.fetchedWithin(settings.minRefreshInterval(), clock.instant())
                                        ? current
                                        : fetch(caller, cluster))
                .catalog;
    }

    /** Lookups, discoveries run and catalogs expired since this catalog was made, for metrics. */
    public CacheStats stats() {
        return catalogs.stats();
    }

    private Snapshot fetch(Caller caller, ClusterConnection cluster) {
        ApiDiscovery.Result result;
        try {
            result = pool.withClient(caller, client -> ApiDiscovery.discover(client, cluster.name()));
        } catch (KubernetesClientException e) {
            throw Fabric8Problems.translate(e, ApiCall.discovery(caller, cluster));
        }
        reportFailures(cluster, lastFailures.getOrDefault(cluster.name(), Map.of()), result.failedGroupVersions());
        lastFailures.put(cluster.name(), result.failedGroupVersions());
        Instant fetchedAt = clock.instant();
        Duration keep = result.complete() ? settings.ttl() : settings.partialTtl();
        return new Snapshot(result.catalog(), fetchedAt, fetchedAt.plus(keep));
    }

    /** WARN when a group version starts or stops failing; an API that stays down is not re-reported every fetch. */
    private static void reportFailures(
            ClusterConnection cluster, Map<String, String> before, Map<String, String> failed) {
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

    /** One cluster's catalog and when it was fetched; a partial one expires sooner than a complete one. */
    private record Snapshot(ApiCatalog catalog, Instant fetchedAt, Instant expiresAt) {
        boolean fetchedWithin(Duration interval, Instant now) {
            return now.isBefore(fetchedAt.plus(interval));
        }
    }
}
