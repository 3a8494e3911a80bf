package io.kmcp.adapters.kubernetes.testbed;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess.ServiceAccountRef;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The demo behind {@code scripts/quickstart.sh}: a local control plane, a service account with
 * read-mostly RBAC, a token with the three audiences, and k-mcp started against it, then the client
 * configuration to paste. Ctrl-C stops everything. {@code --check} makes one real tool call with the
 * demo token, as a client would, then stops (for CI and for trying the script). k-mcp is started with
 * {@code -Dkmcp.launcher} (the distribution's {@code bin/k-mcp}) when given, with {@code java -jar} of
 * {@code -Dkmcp.jar} otherwise.
 */
public final class Quickstart {

    private static final String NAMESPACE = "demo";

    private Quickstart() {}

    public static void main(String[] args) throws Exception {
        boolean checkOnly = List.of(args).contains("--check");
        int port = Integer.parseInt(System.getProperty("kmcp.port", "8080"));
        Path jar = Paths.get(System.getProperty("kmcp.jar", "bootstrap/target/k-mcp.jar"));
        // The distribution's bin/k-mcp, as the README runs it; java -jar without one.
        String launcher = System.getProperty("kmcp.launcher");
        if (launcher == null && !Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar.toAbsolutePath() + " is missing; build it with mvn -DskipTests package");
        }

        LocalControlPlane cluster = LocalControlPlane.start("quickstart");
        Process server = null;
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            String token = prepare(cluster);
            List<String> command = new ArrayList<>(
                    launcher == null
                            ? List.of(
                                    Paths.get(System.getProperty("java.home"), "bin", "java")
                                            .toString(),
                                    "-jar",
                                    jar.toString())
                            : List.of(launcher));
            command.addAll(List.of(
                    "--port",
                    Integer.toString(port),
                    "--api-server",
                    cluster.apiServerUrl(),
                    "--certificate-authority",
                    cluster.caFile().toString()));
            server = new ProcessBuilder(command).inheritIO().start();
            Process started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop(started, cluster);
                stopped.countDown();
            }));
            awaitHealthy(port, server);
            System.out.printf(
                    """

                    k-mcp is serving http://127.0.0.1:%d/mcp against a local Kubernetes %s control plane.
                    The service account %s may read most objects and apply config maps in namespace %s.
                    Paste this into your MCP client's configuration:

                    {
                      "mcpServers": {
                        "k-mcp": {
                          "type": "http",
                          "url": "http://127.0.0.1:%d/mcp",
                          "headers": { "Authorization": "Bearer %s" }
                        }
                      }
                    }

                    Press Ctrl-C to stop k-mcp and the control plane.
                    """, port, ControlPlaneBinaries.kubernetesVersion(), "demo/agent", NAMESPACE, port, token);
            if (checkOnly) {
                System.out.println("quickstart check: " + firstToolCall(port, token));
                System.out.println("quickstart check passed");
                System.exit(0);
            }
            stopped.await();
        } catch (Exception | Error e) {
            stop(server, cluster);
            throw e;
        }
    }

    private static String prepare(LocalControlPlane cluster) {
        TestBedAccess access = cluster.access();
        access.allowAnonymousIssuerDiscovery().namespace(NAMESPACE);
        ServiceAccountRef agent = access.serviceAccount(NAMESPACE, "agent");
        access.clusterRole("quickstart-read", "*", List.of("*"), List.of("get", "list", "watch"))
                .grantClusterWide(agent, "quickstart-read")
                .clusterRole(
                        "quickstart-change",
                        "",
                        List.of("configmaps"),
                        List.of("get", "list", "create", "update", "patch"))
                .grantInNamespace(agent, NAMESPACE, "quickstart-change");
        cluster.adminClient()
                .configMaps()
                .inNamespace(NAMESPACE)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("welcome")
                        .withNamespace(NAMESPACE)
                        .endMetadata()
                        .addToData("message", "Ask your agent to list the config maps of namespace demo.")
                        .build())
                .serverSideApply();
        return access.mintToken(agent, List.of(cluster.apiServerUrl(), "k-mcp", cluster.issuer()), Duration.ofHours(8));
    }

    private static void awaitHealthy(int port, Process server) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("k-mcp exited with status " + server.exitValue());
            }
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("k-mcp did not answer /health within 90 s");
    }

    /**
     * {@code resource_list} of the demo's config maps over MCP 2026-07-28, which needs no session: one
     * request, as a client sends it. Fails unless the answer lists the welcome config map.
     */
    static String firstToolCall(int port, String token) throws IOException, InterruptedException {
        HttpResponse<String> answer = sessionlessToolCall(
                port, token, "resource_list", "{\"resource\": \"configmaps\", \"namespace\": \"" + NAMESPACE + "\"}");
        if (answer.statusCode() != 200
                || !answer.body().contains("\"isError\":false")
                || !answer.body().contains("welcome")) {
            throw new IllegalStateException("the first tool call failed: HTTP " + answer.statusCode() + " "
                    + answer.body().substring(0, Math.min(answer.body().length(), 500)));
        }
        return "resource_list of namespace " + NAMESPACE + " over MCP answered the welcome config map";
    }

    /**
     * One {@code tools/call} of MCP 2026-07-28 to k-mcp on this machine, as a client sends it: a single
     * request with the revision's headers and {@code _meta}, no session.
     *
     * @param argumentsJson the call's arguments as a JSON object
     */
    public static HttpResponse<String> sessionlessToolCall(int port, String token, String tool, String argumentsJson)
            throws IOException, InterruptedException {
        String body = """
                {"jsonrpc": "2.0", "id": 1, "method": "tools/call",
                 "params": {"name": "%s", "arguments": %s,
                            "_meta": {"io.modelcontextprotocol/protocolVersion": "2026-07-28",
                                      "io.modelcontextprotocol/clientCapabilities": {}}}}""".formatted(tool, argumentsJson);
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json, text/event-stream")
                                .header("MCP-Protocol-Version", "2026-07-28")
                                .header("Mcp-Method", "tools/call")
                                .header("Mcp-Name", tool)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static void stop(Process server, LocalControlPlane cluster) {
        if (server != null && server.isAlive()) {
            server.destroy();
            try {
                if (!server.waitFor(20, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        cluster.close();
    }
}
