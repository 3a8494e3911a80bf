package io.kmcp.acceptance.driver;

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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A long-running process of the tests (k-mcp, HAProxy) with its output in a temp file, which is read for
 * assertions and kept for diagnosis after the run.
 */
final class LoggedProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final Duration grace;

    private LoggedProcess(Process process, Path log, Duration grace) {
        this.process = process;
        this.log = log;
        this.grace = grace;
    }

    /**
     * Starts the command with its output in {@code /tmp/k-mcp-<name>-*.log}.
     *
     * @param grace how long {@link #close} waits for a graceful stop before killing it
     */
    static LoggedProcess start(String name, List<String> command, Duration grace) {
        try {
            Path log = Files.createTempFile("k-mcp-" + name + "-", ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new LoggedProcess(process, log, grace);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    Path logFile() {
        return log;
    }

    /** What the process has written so far. */
    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Throws, with the log, when the process has ended: the caller was waiting for it to be ready. */
    void assertAlive(String what) {
        if (!process.isAlive()) {
            throw new IllegalStateException(what + " exited with status " + process.exitValue() + ":\n" + log());
        }
    }

    /** Ends the process at once (SIGKILL), as a crash would. */
    void kill() {
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether a plain GET of that address answers 200 within two seconds; false while nothing listens. */
    static boolean answers200(HttpClient http, URI uri) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
