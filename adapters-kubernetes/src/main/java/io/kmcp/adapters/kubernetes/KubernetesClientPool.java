package io.kmcp.adapters.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kmcp.application.Caller;
import io.kmcp.application.Problem;
import io.kmcp.application.RequestFailedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fabric8 client per (cluster, token), reused across a caller's requests, so that connections
 * and TLS sessions are not rebuilt for every tool call. Bounded: beyond {@link
 * PoolSettings#maxClients()} the least recently used client is closed. A client never outlives its
 * token: it is dropped at the token's expiry, by a timer, and an expired token never gets one.
 *
 * <p>Clients are lent, not handed out: a client dropped while a request still uses it is closed when
 * that request returns, never under it.
 */
public final class KubernetesClientPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesClientPool.class);

    private final KubernetesClusters clusters;
    private final PoolSettings settings;
    private final KubernetesClientFactory factory;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor expiryTimer;
    private final Object lock = new Object();
    // Access order: iteration starts with the least recently used client.
    private final LinkedHashMap<Key, PooledClient> clients = new LinkedHashMap<>(16, 0.75f, true);
    private boolean closed;

    public KubernetesClientPool(KubernetesClusters clusters, PoolSettings settings) {
        this(clusters, settings, new Fabric8ClientFactory(), Clock.systemUTC());
    }

    KubernetesClientPool(
            KubernetesClusters clusters, PoolSettings settings, KubernetesClientFactory factory, Clock clock) {
        this.clusters = Objects.requireNonNull(clusters, "clusters");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.expiryTimer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "k-mcp-client-expiry");
            thread.setDaemon(true);
            return thread;
        });
        expiryTimer.setRemoveOnCancelPolicy(true);
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
            giveBack(lent);
        }
    }

    /** How many clients are kept now. */
    public int size() {
        synchronized (lock) {
            return clients.size();
        }
    }

    private PooledClient lend(Caller caller) {
        Instant now = clock.instant();
        if (caller.token().isExpiredAt(now)) {
            throw new RequestFailedException(
                    Problem.Reason.UNAUTHORIZED,
                    "The token of " + caller.subject() + " expired at " + caller.expiresAt()
                            + "; nothing was sent to the cluster. Get a new service-account token and retry.");
        }
        ClusterConnection connection = clusters.connection(caller.cluster());
        Key key = new Key(caller.cluster(), caller.token().fingerprint());
        List<PooledClient> toClose = new ArrayList<>();
        PooledClient lent;
        synchronized (lock) {
            if (closed) {
                throw new RequestFailedException(
                        Problem.Reason.UNAVAILABLE, "This k-mcp server is shutting down; retry on another instance.");
            }
            retireExpired(now, toClose);
            lent = clients.get(key);
            if (lent == null) {
                lent = new PooledClient(key, factory.create(connection, caller.token()), caller.expiresAt());
                clients.put(key, lent);
                scheduleExpiry(lent, now);
                retireBeyondBound(toClose);
            }
            lent.leases++;
        }
        closeAll(toClose);
        return lent;
    }

    private void giveBack(PooledClient lent) {
        boolean close;
        synchronized (lock) {
            lent.leases--;
            close = lent.retired && lent.leases == 0 && !lent.closed;
            lent.closed |= close;
        }
        if (close) {
            closeQuietly(lent);
        }
    }

    private void scheduleExpiry(PooledClient pooled, Instant now) {
        long delay = Math.max(0, Duration.between(now, pooled.expiresAt).toMillis());
        pooled.expiryTask = expiryTimer.schedule(() -> expire(pooled), delay, TimeUnit.MILLISECONDS);
    }

    private void expire(PooledClient pooled) {
        List<PooledClient> toClose = new ArrayList<>();
        synchronized (lock) {
            if (clients.get(pooled.key) == pooled) {
                clients.remove(pooled.key);
                retire(pooled, toClose);
            }
        }
        closeAll(toClose);
    }

    private void retireExpired(Instant now, List<PooledClient> toClose) {
        Iterator<PooledClient> it = clients.values().iterator();
        while (it.hasNext()) {
            PooledClient pooled = it.next();
            if (!now.isBefore(pooled.expiresAt)) {
                it.remove();
                retire(pooled, toClose);
            }
        }
    }

    private void retireBeyondBound(List<PooledClient> toClose) {
        Iterator<PooledClient> leastRecentlyUsedFirst = clients.values().iterator();
        while (clients.size() > settings.maxClients() && leastRecentlyUsedFirst.hasNext()) {
            PooledClient pooled = leastRecentlyUsedFirst.next();
            leastRecentlyUsedFirst.remove();
            retire(pooled, toClose);
        }
    }

    /** Under the lock: the client leaves the pool, and is closed now or when its last lender returns. */
    private void retire(PooledClient pooled, List<PooledClient> toClose) {
        pooled.retired = true;
        if (pooled.expiryTask != null) {
            pooled.expiryTask.cancel(false);
        }
        if (pooled.leases == 0 && !pooled.closed) {
            pooled.closed = true;
            toClose.add(pooled);
        }
    }

    private static void closeAll(List<PooledClient> toClose) {
        toClose.forEach(KubernetesClientPool::closeQuietly);
    }

    private static void closeQuietly(PooledClient pooled) {
        try {
            pooled.client.close();
        } catch (RuntimeException e) {
            // The key names the cluster and a one-way hash of the token, never the token.
            LOG.warn("Closing the client of {} failed: {}", pooled.key, e.toString());
        }
    }

    /** Closes every client; those still lent are closed when they come back. */
    @Override
    public void close() {
        List<PooledClient> toClose = new ArrayList<>();
        synchronized (lock) {
            closed = true;
            clients.values().forEach(pooled -> retire(pooled, toClose));
            clients.clear();
        }
        expiryTimer.shutdownNow();
        closeAll(toClose);
    }

    /** A token is known here only by its fingerprint, so no map, dump or log of the pool holds it. */
    private record Key(String cluster, String tokenFingerprint) {
        @Override
        public String toString() {
            return cluster + "/" + tokenFingerprint.substring(0, 12);
        }
    }

    private static final class PooledClient {
        final Key key;
        final KubernetesClient client;
        final Instant expiresAt;
        ScheduledFuture<?> expiryTask;
        int leases;
        boolean retired;
        boolean closed;

        PooledClient(Key key, KubernetesClient client, Instant expiresAt) {
            this.key = key;
            this.client = client;
            this.expiresAt = expiresAt;
        }
    }

    /** For tests: the pooled clients, least recently used first. */
    List<KubernetesClient> clientsLeastRecentlyUsedFirst() {
        synchronized (lock) {
            return clients.values().stream().map(pooled -> pooled.client).toList();
        }
    }
}
