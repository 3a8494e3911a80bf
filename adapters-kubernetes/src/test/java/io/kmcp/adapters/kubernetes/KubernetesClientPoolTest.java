package io.kmcp.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kmcp.adapters.kubernetes.testbed.ClusterPki;
import io.kmcp.application.BearerToken;
import io.kmcp.application.Caller;
import io.kmcp.application.Problem;
import io.kmcp.application.RequestFailedException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The client pool reuses, bounds and expires clients per (cluster, token)")
class KubernetesClientPoolTest {

    private static final String CA = ClusterPki.generate("pool").caPem();
    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final List<KubernetesClient> created = new ArrayList<>();
    private final KubernetesClusters clusters = KubernetesClusters.of(
            ClusterConnection.https("a", URI.create("https://a.example:6443"), CA),
            ClusterConnection.https("b", URI.create("https://b.example:6443"), CA));
    private KubernetesClientPool pool;

    @AfterEach
    void closePool() {
        if (pool != null) {
            pool.close();
        }
    }

    private KubernetesClientPool pool(int maxClients, Clock withClock) {
        return pool(new PoolSettings(maxClients), withClock);
    }

    private KubernetesClientPool pool(PoolSettings settings, Clock withClock) {
        Fabric8ClientFactory real = new Fabric8ClientFactory();
        pool = new KubernetesClientPool(
                clusters,
                settings,
                (connection, token) -> {
                    KubernetesClient client = real.create(connection, token);
                    created.add(client);
                    return client;
                },
                withClock);
        return pool;
    }

    private static Caller caller(String cluster, String token, Instant expiresAt) {
        return new Caller(cluster, "system:serviceaccount:ns:" + token, new BearerToken(token, expiresAt));
    }

    private static KubernetesClient borrow(KubernetesClientPool pool, Caller caller) {
        return pool.withClient(caller, client -> client);
    }

    @Test
    @DisplayName("the same caller gets the same client; another token or another cluster gets another")
    void reuse() {
        KubernetesClientPool pool = pool(10, clock);
        Instant later = START.plus(Duration.ofHours(1));

        KubernetesClient first = borrow(pool, caller("a", "token-1", later));
        KubernetesClient again = borrow(pool, caller("a", "token-1", later));
        KubernetesClient otherToken = borrow(pool, caller("a", "token-2", later));
        KubernetesClient otherCluster = borrow(pool, caller("b", "token-1", later));

        assertThat(again).isSameAs(first);
        assertThat(otherToken).isNotSameAs(first);
        assertThat(otherCluster).isNotSameAs(first).isNotSameAs(otherToken);
        assertThat(created).hasSize(3);
        assertThat(pool.size()).isEqualTo(3);
        assertThat(otherCluster.getMasterUrl().toString()).startsWith("https://b.example:6443");
    }

    @Test
    @DisplayName("beyond the bound a client is evicted and closed; those kept stay open")
    void bound() {
        KubernetesClientPool pool = pool(2, clock);
        Instant later = START.plus(Duration.ofHours(1));

        borrow(pool, caller("a", "one", later));
        borrow(pool, caller("a", "two", later));
        borrow(pool, caller("a", "one", later));
        borrow(pool, caller("a", "three", later));

        assertThat(pool.size()).isEqualTo(2);
        assertThat(created).hasSize(3);
        assertThat(created)
                .filteredOn(client -> client.getHttpClient().isClosed())
                .singleElement()
                .isNotIn(pool.pooledClients());
        assertThat(pool.pooledClients())
                .allSatisfy(
                        client -> assertThat(client.getHttpClient().isClosed()).isFalse());
        assertThat(pool.stats().evictionCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("a client nobody used for the idle timeout is dropped and closed, though its token is valid")
    void idleExpiry() {
        KubernetesClientPool pool = pool(new PoolSettings(10, Duration.ofMinutes(15)), clock);
        Instant later = START.plus(Duration.ofHours(2));
        KubernetesClient idle = borrow(pool, caller("a", "idle", later));
        KubernetesClient busy = borrow(pool, caller("a", "busy", later));

        clock.advance(Duration.ofMinutes(10));
        borrow(pool, caller("a", "busy", later));
        clock.advance(Duration.ofMinutes(10));

        assertThat(pool.pooledClients()).containsExactly(busy);
        assertThat(idle.getHttpClient().isClosed()).isTrue();
        assertThat(borrow(pool, caller("a", "idle", later))).isNotSameAs(idle);
    }

    @Test
    @DisplayName("hits and misses are counted for metrics")
    void stats() {
        KubernetesClientPool pool = pool(10, clock);
        Instant later = START.plus(Duration.ofHours(1));

        borrow(pool, caller("a", "one", later));
        borrow(pool, caller("a", "one", later));
        borrow(pool, caller("a", "one", later));
        borrow(pool, caller("b", "one", later));

        assertThat(pool.stats().hitCount()).isEqualTo(2);
        assertThat(pool.stats().missCount()).isEqualTo(2);
        assertThat(pool.stats().loadSuccessCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("an expired token gets no client and nothing is created for it")
    void expiredTokenRefused() {
        KubernetesClientPool pool = pool(10, clock);

        assertThatThrownBy(() -> borrow(pool, caller("a", "old", START)))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Problem.Reason.UNAUTHORIZED))
                .hasMessageContaining("expired")
                .hasMessageNotContaining("old,");
        assertThat(created).isEmpty();
    }

    @Test
    @DisplayName("a client whose token has expired is dropped and closed, never handed out again")
    void expiryOnUse() {
        KubernetesClientPool pool = pool(10, clock);
        KubernetesClient shortLived = borrow(pool, caller("a", "short", START.plus(Duration.ofMinutes(1))));
        KubernetesClient longLived = borrow(pool, caller("a", "long", START.plus(Duration.ofHours(1))));

        clock.advance(Duration.ofMinutes(2));
        borrow(pool, caller("a", "long", START.plus(Duration.ofHours(1))));

        assertThat(pool.pooledClients()).containsExactly(longLived);
        assertThat(shortLived.getHttpClient().isClosed()).isTrue();
        assertThatThrownBy(() -> borrow(pool, caller("a", "short", START.plus(Duration.ofMinutes(1)))))
                .isInstanceOf(RequestFailedException.class);
    }

    @Test
    @DisplayName("a client is dropped and closed at its token's expiry even if the pool is never used again")
    void expiryByTimer() {
        KubernetesClientPool pool = pool(10, Clock.systemUTC());
        KubernetesClient client =
                borrow(pool, caller("a", "brief", Instant.now().plusMillis(300)));
        assertThat(pool.size()).isEqualTo(1);

        RealCluster.eventually(() -> {
            assertThat(pool.size()).isZero();
            assertThat(client.getHttpClient().isClosed()).isTrue();
            return null;
        });
    }

    @Test
    @DisplayName("a client dropped while a request uses it is closed when that request returns, not under it")
    void lentClientsAreNotClosedUnderARequest() {
        KubernetesClientPool pool = pool(10, clock);
        Instant later = START.plus(Duration.ofHours(1));
        AtomicReference<Boolean> closedDuringRequest = new AtomicReference<>();

        KubernetesClient first = pool.withClient(caller("a", "first", START.plus(Duration.ofMinutes(1))), client -> {
            clock.advance(Duration.ofMinutes(2)); // its token expires meanwhile
            borrow(pool, caller("a", "second", later));
            assertThat(pool.pooledClients()).doesNotContain(client);
            closedDuringRequest.set(client.getHttpClient().isClosed());
            return client;
        });

        assertThat(closedDuringRequest.get()).isFalse();
        assertThat(first.getHttpClient().isClosed()).isTrue();
        assertThat(pool.size()).isEqualTo(1);
    }

    @Test
    @DisplayName("a client evicted by the bound while a request uses it is closed only when that request returns")
    void lentClientsBeyondTheBound() {
        KubernetesClientPool pool = pool(1, clock);
        Instant later = START.plus(Duration.ofHours(1));
        List<Boolean> closedDuringRequest = new ArrayList<>();

        pool.withClient(caller("a", "first", later), first -> {
            KubernetesClient second = pool.withClient(caller("a", "second", later), client -> {
                closedDuringRequest.add(first.getHttpClient().isClosed());
                closedDuringRequest.add(client.getHttpClient().isClosed());
                return client;
            });
            closedDuringRequest.add(first.getHttpClient().isClosed());
            return second;
        });

        assertThat(closedDuringRequest).containsOnly(false);
        assertThat(pool.size()).isEqualTo(1);
        assertThat(created)
                .filteredOn(client -> client.getHttpClient().isClosed())
                .hasSize(1);
    }

    @Test
    @DisplayName("an unknown cluster is refused without creating a client")
    void unknownCluster() {
        KubernetesClientPool pool = pool(10, clock);

        assertThatThrownBy(() -> borrow(pool, caller("nowhere", "t", START.plus(Duration.ofHours(1)))))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Problem.Reason.UNAVAILABLE));
        assertThat(created).isEmpty();
    }

    @Test
    @DisplayName("closing the pool closes every client and refuses further use")
    void close() {
        KubernetesClientPool pool = pool(10, clock);
        KubernetesClient client = borrow(pool, caller("a", "t", START.plus(Duration.ofHours(1))));

        pool.close();

        assertThat(client.getHttpClient().isClosed()).isTrue();
        assertThat(pool.size()).isZero();
        assertThatThrownBy(() -> borrow(pool, caller("a", "t", START.plus(Duration.ofHours(1)))))
                .isInstanceOf(RequestFailedException.class)
                .hasMessageContaining("shutting down");
    }
}
