package io.kmcp.acceptance.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * MCP clients that nobody here wrote, run as their own processes on Node 22: the MCP Inspector's CLI and
 * the official conformance suite. {@code scripts/node/install.sh} installs Node and both tools from the
 * npm registry at pinned versions, once per version, under {@code ~/.cache/k-mcp}.
 */
public final class NodeTools {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

    private final Path node;
    private final Path inspector;
    private final Path conformance;
    private final Path scripts;

    private NodeTools(Path node, Path inspector, Path conformance, Path scripts) {
        this.node = node;
        this.inspector = inspector;
        this.conformance = conformance;
        this.scripts = scripts;
    }

    /** Runs the installer (a no-op when its cache is warm) and returns where it put the tools. */
    public static NodeTools install() {
        Map<String, Path> paths =
                InstallScript.run("node/install.sh", List.of("NODE", "INSPECTOR", "CONFORMANCE"), INSTALL_TIMEOUT);
        return new NodeTools(
                paths.get("NODE"), paths.get("INSPECTOR"), paths.get("CONFORMANCE"), InstallScript.scripts());
    }

    /** The Inspector in CLI mode, with these arguments after {@code --cli}. */
    public Outcome inspector(List<String> arguments, Path home, Duration timeout) {
        List<String> command = new ArrayList<>(List.of(node.toString(), inspector.toString(), "--cli"));
        command.addAll(arguments);
        // Its catalog, client configuration and OAuth store live under HOME: keep them in the test's directory.
        return run(command, Map.of("HOME", home.toString()), timeout);
    }

    /**
     * The conformance suite with these arguments; every request it sends to {@code origin} carries the
     * bearer token (it has no option for request headers, so {@code scripts/node/bearer-token.mjs} adds it).
     */
    public Outcome conformance(List<String> arguments, String origin, String token, Path home, Duration timeout) {
        List<String> command = new ArrayList<>(List.of(
                node.toString(),
                "--import",
                scripts.resolve("node/bearer-token.mjs").toUri().toString(),
                conformance.toString()));
        command.addAll(arguments);
        return run(
                command,
                Map.of("HOME", home.toString(), "KMCP_BEARER_TOKEN", token, "KMCP_BEARER_ORIGIN", origin),
                timeout);
    }

    /** Runs a command to its end or until the timeout (then kills it and its children); never throws on failure. */
    public static Outcome run(List<String> command, Map<String, String> environment, Duration timeout) {
        try {
            Path out = Files.createTempFile("k-mcp-node-", ".out");
            Path err = Files.createTempFile("k-mcp-node-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("NO_COLOR", "1");
            builder.environment().put("CI", "true");
            long started = System.nanoTime();
            Process process = builder.start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Outcome outcome = new Outcome(
                    command,
                    finished ? process.exitValue() : -1,
                    !finished,
                    Duration.ofNanos(System.nanoTime() - started),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return outcome;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How a tool's run ended, with everything it printed, for failure messages. */
    public record Outcome(
            List<String> command, int exitCode, boolean timedOut, Duration took, String stdout, String stderr) {

        @Override
        public String toString() {
            return String.join(" ", command.stream().map(Outcome::redacted).toList())
                    + (timedOut ? "\n(timed out after " + took + ")" : "\n(exit " + exitCode + " after " + took + ")")
                    + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
        }

        private static String redacted(String argument) {
            return argument.startsWith("Authorization:") ? "Authorization: Bearer <token>" : argument;
        }
    }
}
