package io.kmcp.acceptance;

import io.kmcp.acceptance.driver.KmcpServer;
import io.kmcp.acceptance.driver.TestCluster;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * What the whole run shares: one cluster and one k-mcp process started against it as an operator
 * would, both started on first use and stopped when the JVM exits. Scenarios keep apart by their own
 * namespaces and service accounts. A start-up failure is kept, so that every scenario reports it at
 * once instead of trying again. On a target this machine cannot host, every scenario is skipped.
 */
final class Product {

    private static Product instance;
    private static RuntimeException startFailure;

    private final TestCluster cluster;
    private final KmcpServer server;

    private Product(TestCluster cluster, KmcpServer server) {
        this.cluster = cluster;
        this.server = server;
    }

    static synchronized Product get() {
        TestCluster.checkedTarget()
                .unavailable()
                .ifPresent(reason -> Assumptions.abort(reason + ", so the features were skipped"));
        if (startFailure != null) {
            throw new IllegalStateException("the product under test did not start", startFailure);
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

    /** The product if a scenario started it, for checks that run after the suite. */
    static synchronized java.util.Optional<Product> started() {
        return java.util.Optional.ofNullable(instance);
    }

    private static Product start() {
        TestCluster cluster = TestCluster.fromSystemProperties();
        cluster.admin().allowAnonymousIssuerDiscovery();
        KmcpServer server = KmcpServer.start(flags(cluster));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "k-mcp-acceptance-stop"));
        System.err.printf("[acceptance] k-mcp at %s against %s%n", server.baseUri(), cluster.description());
        return new Product(cluster, server);
    }

    /** The flags an operator gives k-mcp for one cluster, as the README shows them. */
    static List<String> flags(TestCluster cluster) {
        return List.of(
                "--api-server",
                cluster.apiServerUrl(),
                "--certificate-authority",
                cluster.caFile().toString());
    }

    TestCluster cluster() {
        return cluster;
    }

    KmcpServer server() {
        return server;
    }
}
