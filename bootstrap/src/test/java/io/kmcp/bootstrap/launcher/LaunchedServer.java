package io.kmcp.bootstrap.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * k-mcp started from the distribution's {@code bin/k-mcp}, as an operator starts it, against an API
 * server; output to a log file. Stopped with SIGTERM, as Kubernetes stops a pod.
 */
final class LaunchedServer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final Process process;
    private final int port;
    private final Path log;

    private LaunchedServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * @param environment added to this process's environment; {@code JAVA_HOME} chooses the Java that
     *     {@code bin/k-mcp} runs
     */
    static LaunchedServer start(Path distribution, StubApiServer cluster, Map<String, String> environment, Path log) {
        return start(
                List.of(distribution.resolve("bin/k-mcp").toString()),
                cluster.apiServerUrl(),
                cluster.caFile(),
                environment,
                log);
    }

    /** {@code program} (the launcher, or java and its options up to {@code -jar JAR}) with k-mcp's flags. */
    static LaunchedServer start(
            List<String> program, String apiServer, Path caFile, Map<String, String> environment, Path log) {
        int port = freePort();
        List<String> command = new ArrayList<>(program);
        command.addAll(List.of(
                "--port",
                Integer.toString(port),
                "--api-server",
                apiServer,
                "--certificate-authority",
                caFile.toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            return new LaunchedServer(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        }
    }

    int port() {
        return port;
    }

    Process process() {
        return process;
    }

    /** Waits until {@code /actuator/health/readiness} answers UP; fails with the log if k-mcp exits first. */
    Duration awaitReady(Duration timeout) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        HttpRequest readiness = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "k-mcp exited with status " + process.exitValue() + " before it was ready:\n" + log());
            }
            try {
                HttpResponse<String> answer = HTTP.send(readiness, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("k-mcp was not ready within " + timeout + ":\n" + log());
    }

    /** SIGTERM, then the exit status; k-mcp ends by itself (graceful shutdown) or is killed after the timeout. */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
            throw new IllegalStateException("k-mcp did not stop within " + timeout + " of SIGTERM:\n" + log());
        }
        return process.exitValue();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
