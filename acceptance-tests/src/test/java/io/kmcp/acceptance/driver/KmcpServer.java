package io.kmcp.acceptance.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The product as operators run it: {@code java -jar k-mcp.jar} with real flags, in its own process,
 * reached over HTTP on loopback.
 */
public final class KmcpServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final LoggedProcess process;
    private final int port;

    private KmcpServer(LoggedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the jar with the given flags (plus {@code --port}) and waits until /health answers. */
    public static KmcpServer start(List<String> flags) {
        Path jar = Paths.get(System.getProperty("kmcp.jar", "../bootstrap/target/k-mcp.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " does not exist; build it with mvn package");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                jar.toString(),
                "--port",
                Integer.toString(port)));
        command.addAll(flags);
        KmcpServer server = new KmcpServer(LoggedProcess.start("server", command, STOP_GRACE), port);
        server.awaitHealthy();
        return server;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public URI mcpUri() {
        return baseUri().resolve("/mcp");
    }

    public int port() {
        return port;
    }

    /** Ends the process at once, as a crash or an OOM kill would: no graceful shutdown, open requests cut. */
    public void kill() {
        process.kill();
    }

    public Path logFile() {
        return process.logFile();
    }

    /** What the server has logged so far. */
    public String log() {
        return process.log();
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            process.assertAlive("k-mcp");
            if (LoggedProcess.answers200(http, baseUri().resolve("/health"))) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("k-mcp did not become healthy within " + START_TIMEOUT + ":\n" + log());
    }

    @Override
    public void close() {
        process.close();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
