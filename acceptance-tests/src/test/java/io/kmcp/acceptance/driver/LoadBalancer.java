package io.kmcp.acceptance.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * HAProxy in front of k-mcp replicas on loopback, as an operator would put a load balancer in front of
 * them, with two frontends: one round-robin without any affinity (enough for the 2026-07-28 protocol,
 * which keeps nothing in a replica's memory), and one that sends every request of a 2025-11-25 session
 * to the replica that opened it, keyed on {@code Mcp-Session-Id}. HAProxy comes from Debian's packages
 * through {@code scripts/haproxy/install.sh}, installed once per version under the user's cache.
 */
public final class LoadBalancer implements AutoCloseable {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Pattern RETRIED = Pattern.compile(" \\d+/\\d+/\\d+/\\d+/\\+?[1-9]\\d* \\d+/\\d+ \"");
    private static Path haproxy;

    private final LoggedProcess process;
    private final int roundRobinPort;
    private final int stickyPort;

    private LoadBalancer(LoggedProcess process, int roundRobinPort, int stickyPort) {
        this.process = process;
        this.roundRobinPort = roundRobinPort;
        this.stickyPort = stickyPort;
    }

    /** Starts HAProxy in front of the replicas listening on these loopback ports, and waits until it forwards. */
    public static LoadBalancer start(List<Integer> replicaPorts) {
        int roundRobinPort = KmcpServer.freePort();
        int stickyPort = KmcpServer.freePort();
        Path configuration;
        try {
            configuration = Files.createTempFile("k-mcp-haproxy-", ".cfg");
            Files.writeString(configuration, configuration(roundRobinPort, stickyPort, replicaPorts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // -db: stays in the foreground, so that it is this process the driver stops.
        LoggedProcess process = LoggedProcess.start(
                "haproxy", List.of(installed().toString(), "-db", "-f", configuration.toString()), STOP_GRACE);
        LoadBalancer balancer = new LoadBalancer(process, roundRobinPort, stickyPort);
        balancer.awaitForwarding();
        return balancer;
    }

    private static synchronized Path installed() {
        if (haproxy == null) {
            haproxy = InstallScript.run("haproxy/install.sh", List.of("KMCP_HAPROXY"), INSTALL_TIMEOUT)
                    .get("KMCP_HAPROXY");
        }
        return haproxy;
    }

    /**
     * The configuration; each choice is one an operator needs: checks often enough to notice a dead replica
     * within a second, and a request that found its replica dead (refused, or cut before any answer) is sent
     * again to another one, so that a crash costs no call that was not yet being answered.
     */
    static String configuration(int roundRobinPort, int stickyPort, List<Integer> replicaPorts) {
        String servers = servers(replicaPorts, number -> "check");
        // The sticky backend follows the checks of the round-robin one instead of checking the replicas twice.
        String trackingServers = servers(replicaPorts, number -> "track replicas/replica-" + number);
        return """
                global
                    log stdout format raw local0 info
                    maxconn 2000

                defaults
                    mode http
                    log global
                    option httplog
                    timeout connect 1s
                    timeout client 60s
                    timeout server 60s
                    timeout check 1s
                    retries 3
                    option redispatch 1
                    retry-on conn-failure empty-response response-timeout
                    default-server inter 500ms fastinter 250ms downinter 500ms fall 2 rise 2

                frontend sessionless
                    bind 127.0.0.1:%d
                    default_backend replicas

                frontend stateful
                    bind 127.0.0.1:%d
                    default_backend replicas-by-session

                backend replicas
                    balance roundrobin
                    option httpchk GET /health
                %s
                backend replicas-by-session
                    balance roundrobin
                    stick-table type string len 64 size 10k expire 30m
                    stick store-response res.hdr(Mcp-Session-Id)
                    stick on req.hdr(Mcp-Session-Id)
                %s""".formatted(roundRobinPort, stickyPort, servers, trackingServers);
    }

    private static String servers(List<Integer> ports, java.util.function.IntFunction<String> options) {
        return IntStream.rangeClosed(1, ports.size())
                .mapToObj(number -> "    server replica-%d 127.0.0.1:%d %s\n"
                        .formatted(number, ports.get(number - 1), options.apply(number)))
                .collect(Collectors.joining());
    }

    /** The round-robin frontend's MCP endpoint: no affinity. */
    public URI roundRobinMcpUri() {
        return URI.create("http://127.0.0.1:" + roundRobinPort + "/mcp");
    }

    /** The frontend that keeps each 2025-11-25 session on the replica that opened it. */
    public URI stickyMcpUri() {
        return URI.create("http://127.0.0.1:" + stickyPort + "/mcp");
    }

    /** What HAProxy has logged so far: one line per request, with the replica that answered it. */
    public String log() {
        return process.log();
    }

    public Path logFile() {
        return process.logFile();
    }

    /**
     * How many requests HAProxy sent again after a first try failed (the retries field of its request log,
     * {@code actconn/feconn/beconn/srv_conn/retries}, with a {@code +} when it went to another replica).
     */
    public long requestsRetried() {
        return RETRIED.matcher(log()).results().count();
    }

    private void awaitForwarding() {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        for (URI mcp : List.of(roundRobinMcpUri(), stickyMcpUri())) {
            while (!LoggedProcess.answers200(http, mcp.resolve("/health"))) {
                process.assertAlive("HAProxy");
                if (System.nanoTime() > deadline) {
                    close();
                    throw new IllegalStateException("HAProxy did not forward within " + START_TIMEOUT + ":\n" + log());
                }
                Pause.briefly();
            }
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
