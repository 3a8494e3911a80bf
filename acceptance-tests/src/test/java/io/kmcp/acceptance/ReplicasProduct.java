package io.kmcp.acceptance;

import io.kmcp.acceptance.driver.ReplicaSet;
import io.kmcp.acceptance.driver.TestCluster;

/**
 * k-mcp as several replicas behind HAProxy ({@link ReplicaSet}), in front of the run's cluster with the
 * flags of {@link Product}'s k-mcp plus a request-state key file they share. One set serves every
 * scenario that leaves it as it found it; it is started on first use and stopped when the JVM exits, and
 * a start-up failure is kept, so that every such scenario reports it at once. A scenario that kills a
 * replica gets a set of its own, which it stops.
 */
public final class ReplicasProduct {

    private static ReplicaSet shared;
    private static RuntimeException startFailure;

    private ReplicasProduct() {}

    /** The set the scenarios share, of that many replicas. */
    public static synchronized ReplicaSet shared(int replicas) {
        if (startFailure != null) {
            throw new IllegalStateException("the shared replicas of k-mcp did not start", startFailure);
        }
        if (shared == null) {
            try {
                shared = start(replicas);
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "k-mcp-acceptance-replicas-stop"));
        }
        if (shared.size() != replicas) {
            throw new IllegalStateException(
                    "the shared set has " + shared.size() + " replicas; a scenario asked for " + replicas);
        }
        return shared;
    }

    /** A set of the scenario's own, to be closed by it. */
    public static ReplicaSet own(int replicas) {
        return start(replicas);
    }

    private static ReplicaSet start(int replicas) {
        TestCluster cluster = Product.get().cluster();
        long started = System.nanoTime();
        ReplicaSet set = ReplicaSet.start(replicas, Product.flags(cluster));
        System.err.printf(
                "[acceptance] %d replicas of k-mcp behind HAProxy at %s (round-robin) and %s (by session) against"
                        + " %s, started in %d s%n",
                replicas,
                set.roundRobinMcpUri(),
                set.stickyMcpUri(),
                cluster.description(),
                (System.nanoTime() - started) / 1_000_000_000);
        return set;
    }
}
