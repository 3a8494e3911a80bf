package io.kmcp.acceptance;

import io.kmcp.acceptance.driver.KmcpServer;
import io.kmcp.acceptance.driver.TestCluster;
import io.kmcp.adapters.kubernetes.testbed.LocalControlPlane;
import io.kmcp.adapters.kubernetes.testbed.SharedControlPlane;
import io.kmcp.adapters.kubernetes.testbed.Workloads;
import java.util.List;
import java.util.Optional;

/**
 * k-mcp in front of a cluster whose workloads run: the test bed's control plane with
 * kube-controller-manager, kube-scheduler and kwok's fake nodes ({@link SharedControlPlane#withWorkloads()}),
 * and a k-mcp process of its own started against it with the same flags as {@link Product}'s. Both are
 * started on first use by a scenario tagged {@value TestCluster#WORKLOADS} and stopped when the JVM
 * exits; local target only (the tag implies {@value TestCluster#LOCAL_ONLY}). A start-up failure is
 * kept, so that every such scenario reports it at once instead of trying again.
 */
public final class WorkloadsProduct {

    private static WorkloadsProduct instance;
    private static RuntimeException startFailure;

    private final LocalControlPlane plane;
    private final TestCluster cluster;
    private final KmcpServer server;
    private KmcpServer unredacted;

    private WorkloadsProduct(LocalControlPlane plane, TestCluster cluster, KmcpServer server) {
        this.plane = plane;
        this.cluster = cluster;
        this.server = server;
    }

    public static synchronized WorkloadsProduct get() {
        if (startFailure != null) {
            throw new IllegalStateException("k-mcp in front of the cluster with workloads did not start", startFailure);
        }
        if (instance == null) {
            try {
                instance = start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return instance;
    }

    /** The product if a scenario started it, for checks and reports after the suite. */
    static synchronized Optional<WorkloadsProduct> started() {
        return Optional.ofNullable(instance);
    }

    private static WorkloadsProduct start() {
        LocalControlPlane plane = SharedControlPlane.withWorkloads();
        TestCluster cluster = TestCluster.of(plane);
        cluster.admin().allowAnonymousIssuerDiscovery();
        KmcpServer server = KmcpServer.start(Product.flags(cluster));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "k-mcp-acceptance-workloads-stop"));
        System.err.printf(
                "[acceptance] k-mcp at %s against %s, with workloads%n", server.baseUri(), cluster.description());
        return new WorkloadsProduct(plane, cluster, server);
    }

    public TestCluster cluster() {
        return cluster;
    }

    public KmcpServer server() {
        return server;
    }

    /**
     * A second k-mcp in front of the same cluster, started with {@code --redact=off} on first use and
     * stopped when the JVM exits: what an operator who turned redaction off gets.
     */
    public synchronized KmcpServer unredactedServer() {
        if (unredacted == null) {
            List<String> flags = new java.util.ArrayList<>(Product.flags(cluster));
            flags.add("--redact=off");
            unredacted = KmcpServer.start(flags);
            Runtime.getRuntime().addShutdownHook(new Thread(unredacted::close, "k-mcp-acceptance-unredacted-stop"));
        }
        return unredacted;
    }

    /** Creates workloads in known healthy and faulty states, and waits for them to reach those states. */
    public Workloads workloads() {
        return plane.workloads();
    }

    /** The administrator's client of the cluster with workloads, for set-up the test bed has no helper for. */
    public io.fabric8.kubernetes.client.KubernetesClient adminClient() {
        return plane.adminClient();
    }

    /** The names of the cluster's fake nodes. */
    public List<String> nodeNames() {
        return plane.nodeNames();
    }
}
