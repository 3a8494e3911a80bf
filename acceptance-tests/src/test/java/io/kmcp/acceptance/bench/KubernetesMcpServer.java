package io.kmcp.acceptance.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * kubernetes-mcp-server (the npm package's launcher, which runs the Go binary of its platform package,
 * or that binary directly) as its own process: Streamable HTTP at {@code /mcp} on loopback, {@code
 * --read-only}, one cluster from a kubeconfig written here with the cluster's CA and a service-account
 * token.
 */
final class KubernetesMcpServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path log;
    private long healthyMillis;

    private KubernetesMcpServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code node <entry> --port <free port> --bind-address 127.0.0.1 --read-only --kubeconfig
     * <file> --disable-multi-cluster} and waits until {@code /healthz} answers.
     *
     * @param node the Node binary
     * @param entry the package's {@code bin/index.js}
     */
    static KubernetesMcpServer start(Path node, Path entry, String apiServer, Path caFile, String token) {
        return start(List.of(node.toString(), entry.toString()), List.of(), apiServer, caFile, token);
    }

    /**
     * Starts {@code <command> --port <free port> --bind-address 127.0.0.1 --read-only --kubeconfig <file>
     * --disable-multi-cluster <more flags>} and waits until {@code /healthz} answers.
     *
     * @param command the Node launcher and its entry, or the server's binary (see {@link #binary})
     * @param moreFlags flags after those, such as {@code --stateless}
     */
    static KubernetesMcpServer start(
            List<String> command, List<String> moreFlags, String apiServer, Path caFile, String token) {
        try {
            Path work = Files.createTempDirectory("k-mcp-bench-kubernetes-mcp-server-");
            Path kubeconfig = work.resolve("kubeconfig");
            Files.writeString(kubeconfig, kubeconfig(apiServer, caFile, token), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(kubeconfig, PosixFilePermissions.fromString("rw-------"));
            int port = freePort();
            Path log = work.resolve("server.log");
            List<String> arguments = new ArrayList<>(command);
            arguments.addAll(List.of(
                    "--port",
                    Integer.toString(port),
                    "--bind-address",
                    "127.0.0.1",
                    "--read-only",
                    "--disable-multi-cluster",
                    "--kubeconfig",
                    kubeconfig.toString()));
            arguments.addAll(moreFlags);
            ProcessBuilder builder = new ProcessBuilder(arguments)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            // Only the kubeconfig given on the command line, whatever this machine has.
            builder.environment().remove("KUBECONFIG");
            builder.environment().put("HOME", work.toString());
            long began = System.nanoTime();
            KubernetesMcpServer server = new KubernetesMcpServer(builder.start(), port, log);
            server.awaitHealthy();
            server.healthyMillis = (System.nanoTime() - began) / 1_000_000;
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start kubernetes-mcp-server", e);
        }
    }

    /**
     * The Go binary that the package's launcher ({@code bin/index.js}) would run on this platform, if
     * its platform package is installed beside it: {@code
     * node_modules/kubernetes-mcp-server-<os>-<arch>/bin/kubernetes-mcp-server-<os>-<arch>}.
     */
    static Optional<Path> binary(Path entry) {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("mac") ? "darwin" : "linux";
        String arch = System.getProperty("os.arch").equals("aarch64") ? "arm64" : "amd64";
        String name = "kubernetes-mcp-server-" + os + "-" + arch;
        Path modules = entry.toAbsolutePath().getParent().getParent().getParent();
        Path binary = modules.resolve(name).resolve("bin").resolve(name);
        return Files.isExecutable(binary) ? Optional.of(binary) : Optional.empty();
    }

    static String kubeconfig(String apiServer, Path caFile, String token) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: bench
                    cluster:
                      server: %s
                      certificate-authority: %s
                users:
                  - name: bench-agent
                    user:
                      token: %s
                contexts:
                  - name: bench
                    context:
                      cluster: bench
                      user: bench-agent
                current-context: bench
                """.formatted(apiServer, caFile.toAbsolutePath(), token);
    }

    URI mcpUri() {
        return URI.create("http://127.0.0.1:" + port + "/mcp");
    }

    /** The Go server itself (the process started, or a child of the Node launcher), for its memory. */
    Optional<ProcessHandle> server() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .filter(child -> child.info().command().orElse("").contains("kubernetes-mcp-server"))
                .findFirst();
    }

    /** From the process's start until {@code /healthz} answered 200. */
    long healthyMillis() {
        return healthyMillis;
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        URI health = URI.create("http://127.0.0.1:" + port + "/healthz");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "kubernetes-mcp-server exited with status " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(20);
        }
        close();
        throw new IllegalStateException(
                "kubernetes-mcp-server did not become healthy within " + START_TIMEOUT + ":\n" + log());
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
