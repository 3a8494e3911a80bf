package io.kmcp.bootstrap.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kmcp.adapters.kubernetes.testbed.Quickstart;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The build's training run for the JDK's ahead-of-time cache (JEP 483, 514, 515): starts the
 * distribution's {@code bin/k-mcp} with {@code -XX:AOTCacheOutput} against a {@link StubApiServer},
 * makes every tool call once in each protocol revision, as an agent would, and stops it; the JVM
 * writes the cache as it exits. The classes loaded and linked and the methods profiled on the way are
 * what the next start finds ready.
 *
 * <p>Run by the bootstrap module's {@code package} phase with the distribution directory as argument,
 * and by the image build with a second one, the Java runtime to train (the image's jlink'd runtime:
 * a cache belongs to the runtime that wrote it). Needs Java 25 or newer (without a second argument,
 * the Java that runs this class is the one the launcher is given); with an older one it says so and
 * leaves no cache, and {@code bin/k-mcp} starts without one.
 */
public final class AotTrainingRun {

    static final String CACHE_FILE = "k-mcp.aot";

    /** The Java release whose {@code -XX:AOTCacheOutput} writes a cache in one step. */
    static final int AOT_JAVA = 25;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration EXIT_TIMEOUT = Duration.ofMinutes(3);

    private AotTrainingRun() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1 && args.length != 2) {
            throw new IllegalArgumentException("usage: AotTrainingRun DISTRIBUTION_DIR [JAVA_HOME]");
        }
        Path distribution = Path.of(args[0]).toAbsolutePath();
        String javaHome =
                args.length == 2 ? Path.of(args[1]).toAbsolutePath().toString() : System.getProperty("java.home");
        Path cache = distribution.resolve(CACHE_FILE);
        Files.deleteIfExists(cache);
        int java = Runtime.version().feature();
        if (java < AOT_JAVA) {
            say("skipped: Java " + java + " cannot write an AOT cache (" + AOT_JAVA + " or newer can); bin/k-mcp"
                    + " starts without one. Build with JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 or another JDK "
                    + AOT_JAVA + " for the faster start.");
            return;
        }
        long started = System.nanoTime();
        Path work = Files.createDirectories(distribution.resolveSibling("aot-training"));
        Path log = work.resolve("k-mcp.log");
        List<String> failures;
        try (StubApiServer cluster = StubApiServer.start(work);
                LaunchedServer server = LaunchedServer.start(
                        distribution,
                        cluster,
                        Map.of("JAVA_HOME", javaHome, "KMCP_JAVA_OPTS", "-XX:AOTCacheOutput=" + cache),
                        log)) {
            server.awaitReady(READY_TIMEOUT);
            failures = exercise(server.port(), cluster.mintToken(Duration.ofMinutes(10)));
            server.stop(EXIT_TIMEOUT);
        }
        if (!Files.isRegularFile(cache)) {
            throw new IllegalStateException("the training run ended without writing " + cache + "; see " + log);
        }
        failures.forEach(failure -> say("warning: " + failure + " (the cache is made, with less in it); see " + log));
        say("wrote " + distribution.relativize(cache) + " (" + Files.size(cache) / (1024 * 1024) + " MiB) in "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
    }

    /** Every tool once over 2025-11-25 and a few over 2026-07-28; the calls that failed, described. */
    static List<String> exercise(int port, String token) throws IOException, InterruptedException {
        List<String> failures = new ArrayList<>();
        Map<String, Map<String, Object>> calls = calls();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(
                        "http://127.0.0.1:" + port)
                .endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(60))
                .clientInfo(new McpSchema.Implementation("k-mcp-aot-training", "1"))
                .build();
        try {
            client.initialize();
            List<String> served = client.listTools().tools().stream()
                    .map(McpSchema.Tool::name)
                    .toList();
            for (Map.Entry<String, Map<String, Object>> call : calls.entrySet()) {
                String tool = call.getKey().replaceFirst("#.*", "");
                if (!served.contains(tool)) {
                    failures.add(tool + " is not served");
                    continue;
                }
                McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, call.getValue()));
                boolean refusalExpected = call.getKey().endsWith("#refused");
                if (Boolean.TRUE.equals(result.isError()) != refusalExpected) {
                    failures.add(tool + " " + call.getValue() + " answered " + result.content());
                }
            }
        } finally {
            client.closeGracefully();
        }
        for (String tool : List.of("resource_list", "workload_diagnose", "resource_types")) {
            String answer = sessionlessCall(port, token, tool, calls.get(tool));
            if (!answer.contains("\"isError\":false")) {
                failures.add(tool + " over 2026-07-28 answered " + answer.substring(0, Math.min(answer.length(), 300)));
            }
        }
        return failures;
    }

    private static Map<String, Map<String, Object>> calls() {
        String namespace = StubApiServer.NAMESPACE;
        Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
        calls.put("resource_types", Map.of());
        calls.put("resource_list", Map.of("resource", "pods", "namespace", namespace));
        calls.put("resource_list#summary", Map.of("resource", "deployments.apps", "summary", true));
        calls.put("resource_get", Map.of("resource", "configmaps", "name", "welcome", "namespace", namespace));
        calls.put("resource_get#refused", Map.of("resource", "secrets", "name", "db", "namespace", namespace));
        calls.put("workload_diagnose", Map.of("name", "web", "namespace", namespace));
        calls.put("namespace_overview", Map.of("namespace", namespace));
        calls.put("cluster_overview", Map.of());
        calls.put("events_list", Map.of("namespace", namespace));
        calls.put("pod_logs", Map.of("name", "web-7d9f-abc", "namespace", namespace, "grep", "panic"));
        calls.put("resource_apply", Map.of("resourceYAML", """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: settings
                          namespace: %s
                        data:
                          mode: training
                        """.formatted(namespace), "dryRun", true));
        return calls;
    }

    /** One {@code tools/call} of the sessionless revision: a single request, no session; the answer's body. */
    static String sessionlessCall(int port, String token, String tool, Map<String, Object> arguments)
            throws IOException, InterruptedException {
        return Quickstart.sessionlessToolCall(port, token, tool, JSON.writeValueAsString(arguments))
                .body();
    }

    private static void say(String message) {
        System.out.println("[aot-training] " + message);
    }
}
