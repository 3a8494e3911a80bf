package io.kmcp.acceptance.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * k-mcp as operators run it, {@code <java> <options> -jar k-mcp.jar --port <port> <flags>}, on a JVM of
 * the benchmark's choosing, timed from the process's start until {@code /actuator/health/readiness}
 * answers {@code UP}.
 */
final class KmcpJar implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration POLL = Duration.ofMillis(20);

    private final Process process;
    private final int port;
    private final Path log;
    private final long readyMillis;

    private KmcpJar(Process process, int port, Path log, long readyMillis) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.readyMillis = readyMillis;
    }

    /**
     * Starts the jar and returns once it is ready.
     *
     * @param java the command that runs the JVM: its {@code java} launcher, and the JVM's options
     *     before {@code -jar}
     * @param flags k-mcp's flags, after {@code --port}
     * @param log where its output goes
     */
    static KmcpJar start(List<String> java, Path jar, List<String> flags, Path log) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " does not exist; build it with mvn package");
        }
        int port = Ports.free();
        List<String> command = new ArrayList<>();
        command.addAll(java);
        command.addAll(List.of("-jar", jar.toString(), "--port", Integer.toString(port)));
        command.addAll(flags);
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(1))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            long began = System.nanoTime();
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            long deadline = began + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "k-mcp exited with status " + process.exitValue() + ":\n" + read(log));
                }
                if (ready(http, readiness)) {
                    long millis = (System.nanoTime() - began) / 1_000_000;
                    return new KmcpJar(process, port, log, millis);
                }
                Thread.sleep(POLL.toMillis());
            }
            process.destroyForcibly();
            throw new IllegalStateException("k-mcp was not ready within " + START_TIMEOUT + ":\n" + read(log));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start k-mcp: " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean ready(HttpClient http, URI readiness) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(readiness)
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException notYet) {
            return false;
        }
    }

    URI mcpUri() {
        return URI.create("http://127.0.0.1:" + port + "/mcp");
    }

    long pid() {
        return process.pid();
    }

    /** From the process's start until readiness answered UP. */
    long readyMillis() {
        return readyMillis;
    }

    String log() {
        return read(log);
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Stops it as an orchestrator would (SIGTERM), which also writes a flight recording if one was asked for. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
