package io.kmcp.acceptance;

import io.kmcp.acceptance.driver.KmcpServer;
import io.kmcp.acceptance.driver.TestCluster;
import io.kmcp.adapters.kubernetes.testbed.LocalControlPlane;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * k-mcp as an operator runs it for two clusters: a second k-mcp process, configured through an
 * {@code application.yaml} with a {@code clusters} list as the README shows, for the run's own cluster
 * ({@value #EAST}) and a second local control plane started beside it ({@value #WEST}). Started on
 * first use and stopped when the JVM exits, like {@link Product}; local target only.
 */
public final class TwoClusterProduct {

    public static final String EAST = "east";
    public static final String WEST = "west";

    private static TwoClusterProduct instance;
    private static RuntimeException startFailure;

    private final Map<String, TestCluster> clusters;
    private final KmcpServer server;

    private TwoClusterProduct(Map<String, TestCluster> clusters, KmcpServer server) {
        this.clusters = clusters;
        this.server = server;
    }

    public static synchronized TwoClusterProduct get() {
        if (startFailure != null) {
            throw new IllegalStateException("k-mcp for two clusters did not start", startFailure);
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

    /** The two-cluster k-mcp if a scenario started it, for checks that run after the suite. */
    static synchronized Optional<TwoClusterProduct> started() {
        return Optional.ofNullable(instance);
    }

    private static TwoClusterProduct start() {
        TestCluster east = Product.get().cluster();
        LocalControlPlane westPlane = LocalControlPlane.start("second");
        Runtime.getRuntime().addShutdownHook(new Thread(westPlane::close, "k-mcp-acceptance-second-plane-stop"));
        TestCluster west = TestCluster.of(westPlane);
        west.admin().allowAnonymousIssuerDiscovery();
        Path configuration;
        try {
            configuration = Files.createTempFile("k-mcp-two-clusters-", ".yaml");
            Files.writeString(configuration, """
                    kmcp:
                      clusters:
                        - name: %s
                          api-server: %s
                          certificate-authority: %s
                        - name: %s
                          api-server: %s
                          certificate-authority: %s
                    """.formatted(
                            EAST, east.apiServerUrl(), east.caFile(), WEST, west.apiServerUrl(), west.caFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KmcpServer server = KmcpServer.start(List.of("--spring.config.additional-location=" + configuration));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "k-mcp-acceptance-two-clusters-stop"));
        System.err.printf(
                "[acceptance] k-mcp at %s against %s (%s) and %s (%s)%n",
                server.baseUri(), EAST, east.description(), WEST, west.description());
        return new TwoClusterProduct(Map.of(EAST, east, WEST, west), server);
    }

    public TestCluster cluster(String name) {
        TestCluster cluster = clusters.get(name);
        if (cluster == null) {
            throw new IllegalArgumentException("no cluster " + name + "; the clusters are " + EAST + " and " + WEST);
        }
        return cluster;
    }

    public KmcpServer server() {
        return server;
    }
}
