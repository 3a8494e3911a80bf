package io.kmcp.adapters.kubernetes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kmcp.application.Caller;
import io.kmcp.application.Problem;
import io.kmcp.application.RequestFailedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fabric8 client per (cluster, token), reused across a caller's requests, so that connections
 * and TLS sessions are not rebuilt for every tool call. A Caffeine cache (ADR 0005) holds them:
 * bounded by {@link PoolSettings#maxClients()}, a client unused for {@link
 * PoolSettings#idleTimeout()} is dropped, and none outlives its token: it is dropped at the token's
 * expiry, by Caffeine's scheduler even if the pool is not used again, and an expired token never gets
 * one.
 *
 * <p>Clients are lent, not handed out: a client dropped while a request still uses it is closed when
 * that request returns, never under it.
 */
public final class KubernetesClientPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesClientPool.class);

    private final KubernetesClusters clusters;
    private final KubernetesClientFactory factory;
    private final Clock clock;
    private final Cache<Key, PooledClient> clients;
    private volatile boolean closed;

    public KubernetesClientPool(KubernetesClusters clusters, PoolSettings settings) {
        this(clusters, settings, ApiRequestObserver.NONE);
    }

    /** @param observer told of every request the pool's clients send, for metrics and traces */
    public KubernetesClientPool(KubernetesClusters clusters, PoolSettings settings, ApiRequestObserver observer) {
        this(clusters, settings, new Fabric8ClientFactory(observer), Clock.systemUTC());
    }

    KubernetesClientPool(
            KubernetesClusters clusters, PoolSettings settings, KubernetesClientFactory factory, Clock clock) {
        this.clusters = Objects.requireNonNull(clusters, "clusters");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(settings, "settings");
        this.clients = Caffeine.newBuilder()
                .maximumSize(settings.maxClients())
                // A client lives until it has been idle too long or its token expires, whichever comes first.
                .expireAfter(Expiry.accessing((Key key, PooledClient pooled) ->
                        shorter(settings.idleTimeout(), Duration.between(clock.instant(), pooled.expiresAt))))
                .ticker(new ClockTicker(clock))
                .scheduler(Scheduler.systemScheduler())
                // Evictions and their removal (closing the client) happen on the thread that caused them,
                // so a pool never holds more clients than its bound for longer than one call.
                .executor(Runnable::run)
                .removalListener((Key key, PooledClient pooled, RemovalCause cause) -> pooled.retire())
                .recordStats()
                .build();
    }

    /** The clusters this pool connects to. */
    public KubernetesClusters clusters() {
        return clusters;
    }

    /**
     * Runs {@code work} with the caller's client for the caller's cluster.
     *
     * @throws RequestFailedException UNAUTHORIZED if the token has expired, UNAVAILABLE if the cluster is
     *     not configured; in both cases without any network call
     */
    <T> T withClient(Caller caller, Function<KubernetesClient, T> work) {
        PooledClient lent = lend(caller);
        try {
            return work.apply(lent.client);
        } finally {
            lent.giveBack();
        }
    }

    /** How many clients are kept now. */
    public int size() {
        clients.cleanUp();
        return (int) clients.estimatedSize();
    }

    /** Hits, misses, creations and evictions since the pool started, for metrics. */
    public CacheStats stats() {
        return clients.stats();
    }

    private PooledClient lend(Caller caller) {
        if (caller.token().isExpiredAt(clock.instant())) {
            throw new RequestFailedException(
                    Problem.Reason.UNAUTHORIZED,
                    "The token of " + caller.subject() + " expired at " + caller.expiresAt()
                            + "; nothing was sent to the cluster. Get a new service-account token and retry.");
        }
        ClusterConnection connection = clusters.connection(caller.cluster());
        refuseIfClosed();
        Key key = new Key(caller.cluster(), caller.token().fingerprint());
        PooledClient lent = null;
        while (lent == null) {
            // A client made for this call is lent from birth, so the bound may evict it at once without
            // closing it under the caller; one found in the pool is lent unless it was closed meanwhile.
            PooledClient[] created = new PooledClient[1];
            PooledClient pooled = clients.get(
                    key,
                    k -> created[0] = PooledClient.lentOnCreation(
                            k, factory.create(connection, caller.token()), caller.expiresAt()));
            if (pooled == created[0] || pooled.tryLease()) {
                lent = pooled;
            }
        }
        if (closed) {
            // The pool closed while this client was being lent: it goes with the rest.
            clients.invalidate(key);
            lent.giveBack();
            refuseIfClosed();
        }
        return lent;
    }

    private void refuseIfClosed() {
        if (closed) {
            throw new RequestFailedException(
                    Problem.Reason.UNAVAILABLE, "This k-mcp server is shutting down; retry on another instance.");
        }
    }

    /** Closes every client; those still lent are closed when they come back. */
    @Override
    public void close() {
        closed = true;
        clients.invalidateAll();
        clients.cleanUp();
        factory.close();
    }

    private static Duration shorter(Duration one, Duration other) {
        Duration shorter = one.compareTo(other) <= 0 ? one : other;
        return shorter.isNegative() ? Duration.ZERO : shorter;
    }

    /** For tests: the pooled clients. */
    List<KubernetesClient> pooledClients() {
        clients.cleanUp();
        return clients.asMap().values().stream().map(pooled -> pooled.client).toList();
    }

    /** A token is known here only by its fingerprint, so no map, dump, log or metric of the pool holds it. */
    private record Key(String cluster, String tokenFingerprint) {
        @Override
        public String toString() {
            return cluster + "/" + tokenFingerprint.substring(0, 12);
        }
    }

    /** A client and who has it: closed once it has left the pool and the last request using it returned. */
    private static final class PooledClient {
        final Key key;
        final KubernetesClient client;
        final Instant expiresAt;
        private int leases;
        private boolean retired;
        private boolean closed;

        private PooledClient(Key key, KubernetesClient client, Instant expiresAt) {
            this.key = key;
            this.client = client;
            this.expiresAt = expiresAt;
        }

        static PooledClient lentOnCreation(Key key, KubernetesClient client, Instant expiresAt) {
            PooledClient created = new PooledClient(key, client, expiresAt);
            created.leases = 1;
            return created;
        }

        /** False if it has been closed: it left the pool and its last lender returned it. */
        synchronized boolean tryLease() {
            if (closed) {
                return false;
            }
            leases++;
            return true;
        }

        void giveBack() {
            boolean close;
            synchronized (this) {
                leases--;
                close = retired && leases == 0 && !closed;
                closed |= close;
            }
            if (close) {
                closeQuietly();
            }
        }

        /** It left the pool: closed now, or when its last lender returns. */
        void retire() {
            boolean close;
            synchronized (this) {
                retired = true;
                close = leases == 0 && !closed;
                closed |= close;
            }
            if (close) {
                closeQuietly();
            }
        }

        private void closeQuietly() {
            try {
                client.close();
            } catch (RuntimeException e) {
                // The key names the cluster and a one-way hash of the token, never the token.
                LOG.warn("Closing the client of {} failed: {}", key, e.toString());
            }
        }
    }
}
