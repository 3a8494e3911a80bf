package io.kmcp.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kmcp.acceptance.driver.ClusterAdmin;
import io.kmcp.acceptance.driver.ClusterAdmin.ServiceAccount;
import io.kmcp.acceptance.driver.NodeTools;
import io.kmcp.acceptance.driver.NodeTools.Outcome;
import io.kmcp.acceptance.driver.TestCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that nobody here wrote, against the same k-mcp process and cluster as the features: the MCP
 * Inspector's CLI lists the tools and calls each of them with a service-account token, and the official
 * MCP conformance suite runs its server scenarios. Those that cannot apply to k-mcp are listed with the
 * reason in {@code conformance/baseline.yml}; the suite fails on any other failure and on any listed
 * scenario that passes, and the scenarios that apply to any server are checked to pass here as well.
 */
class RealClientsIT {

    private static final Duration INSPECTOR_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CONFORMANCE_TIMEOUT = Duration.ofSeconds(150);
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Conformance scenarios that apply to any MCP server: every check of theirs must pass. */
    private static final List<String> MUST_PASS =
            List.of("server-initialize", "logging-set-level", "ping", "tools-list", "server-sse-multiple-streams");

    private static NodeTools tools;
    private static Product product;
    private static ClusterAdmin admin;
    private static String namespace;
    private static String token;
    private static String conformanceToken;

    @TempDir
    static Path home;

    @BeforeAll
    static void setUp() {
        TestCluster.Target target = TestCluster.checkedTarget();
        System.err.println("[real clients] cluster target: " + target.name());
        target.unavailable().ifPresent(reason -> {
            String message = reason + ", so the real-client tests were skipped";
            System.err.println("[real clients] " + message);
            Assumptions.abort(message);
        });
        tools = NodeTools.install();
        product = Product.get();
        admin = product.cluster().admin();
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        namespace = "real-clients-" + suffix;
        String role = "real-clients-configmaps-" + suffix;
        admin.clusterRole(
                role,
                List.of(ClusterAdmin.rule(
                        "", "configmaps", List.of("get", "list", "watch", "create", "patch", "update"))));
        admin.namespace(namespace);
        admin.configMap(namespace, "greeting", Map.of("app", "inspector"), Map.of("hello", "world"), "operator");
        // One caller each: k-mcp caps the sessions a caller holds, and the conformance suite opens sessions per
        // scenario and ends none.
        token = tokenFor(admin.serviceAccount(namespace, "inspector"), role);
        conformanceToken = tokenFor(admin.serviceAccount(namespace, "conformance"), role);
    }

    private static String tokenFor(ServiceAccount account, String role) {
        admin.grantInNamespace(account, namespace, role);
        admin.awaitAllowed(account, "patch", "", "configmaps", Optional.of(namespace));
        return admin.mintToken(
                account,
                List.of(
                        product.cluster().apiServerUrl(),
                        "k-mcp",
                        product.cluster().issuer()),
                TOKEN_LIFETIME);
    }

    @Test
    void theInspectorListsTheTools() {
        Outcome outcome = inspector("--method", "tools/list");
        JsonNode result = result(outcome);
        List<String> names = new ArrayList<>();
        result.path("tools").forEach(tool -> names.add(tool.path("name").asText()));
        assertThat(names)
                .as("the tools the Inspector lists\n%s", outcome)
                .containsExactlyInAnyOrder(
                        "resource_types",
                        "resource_list",
                        "resource_get",
                        "resource_apply",
                        "workload_diagnose",
                        "namespace_overview",
                        "cluster_overview",
                        "events_list",
                        "pod_logs");
    }

    @Test
    void theInspectorCallsResourceTypes() {
        assertThat(callText("resource_types", "{}")).contains("configmaps");
    }

    @Test
    void theInspectorCallsResourceList() {
        assertThat(callText("resource_list", "{\"resource\":\"configmaps\",\"namespace\":\"" + namespace + "\"}"))
                .contains("greeting");
    }

    @Test
    void theInspectorCallsResourceGet() {
        assertThat(callText(
                        "resource_get",
                        "{\"resource\":\"configmaps\",\"name\":\"greeting\",\"namespace\":\"" + namespace + "\"}"))
                .contains("name: greeting")
                .contains("hello: world");
    }

    @Test
    void theInspectorCallsResourceApplyAsADryRun() throws IOException {
        String manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-inspector\n  namespace: "
                + namespace + "\ndata:\n  color: blue\n";
        String arguments = JSON.writeValueAsString(Map.of("resourceYAML", manifest, "dryRun", true));
        assertThat(callText("resource_apply", arguments)).contains("Dry run of 1 document");
        assertThat(admin.findConfigMap(namespace, "from-inspector"))
                .as("the config map after a dry run")
                .isEmpty();
    }

    @Test
    void theConformanceSuiteFailsOnlyWhereTheBaselineSays() throws IOException {
        Path results = home.resolve("conformance");
        Path baseline =
                Path.of(getClass().getResource("/conformance/baseline.yml").getPath());
        Outcome outcome = tools.conformance(
                List.of(
                        "server",
                        "--url",
                        product.server().mcpUri().toString(),
                        "--expected-failures",
                        baseline.toString(),
                        "--output-dir",
                        results.toString()),
                product.server().baseUri().toString(),
                conformanceToken,
                home,
                CONFORMANCE_TIMEOUT);
        Map<String, List<JsonNode>> checks = checks(results);
        String context = outcome + "\n--- failed checks ---\n" + failures(checks);
        assertThat(outcome.exitCode())
                .as("the conformance suite's exit status (0: exactly the baseline's scenarios failed)\n%s", context)
                .isZero();
        for (String scenario : MUST_PASS) {
            assertThat(checks.getOrDefault(scenario, List.of()))
                    .as("the checks of %s\n%s", scenario, context)
                    .isNotEmpty()
                    .allMatch(check -> check.path("status").asText().equals("SUCCESS"));
        }
        assertThat(checks.getOrDefault("dns-rebinding-protection", List.of()))
                .as("the DNS-rebinding check of dns-rebinding-protection\n%s", context)
                .anyMatch(check -> check.path("id").asText().equals("localhost-host-rebinding-rejected")
                        && check.path("status").asText().equals("SUCCESS"));
    }

    private static String callText(String tool, String argumentsJson) {
        Outcome outcome = inspector("--method", "tools/call", "--tool-name", tool, "--tool-args-json", argumentsJson);
        JsonNode result = result(outcome);
        assertThat(result.path("isError").asBoolean(false))
                .as("whether %s answered with an error\n%s", tool, outcome)
                .isFalse();
        StringBuilder text = new StringBuilder();
        result.path("content")
                .forEach(block -> text.append(block.path("text").asText()).append('\n'));
        assertThat(text).as("the text %s answered\n%s", tool, outcome).isNotEmpty();
        return text.toString();
    }

    private static Outcome inspector(String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                "--server-url",
                product.server().mcpUri().toString(),
                "--transport",
                "http",
                "--header",
                "Authorization: Bearer " + token,
                "--format",
                "json",
                "--stored-auth-only",
                "--client-config",
                home.resolve("inspector-client.json").toString()));
        command.addAll(List.of(arguments));
        return tools.inspector(command, home, INSPECTOR_TIMEOUT);
    }

    /** The {@code result} of the Inspector's JSON answer, after checking that it ran well. */
    private static JsonNode result(Outcome outcome) {
        assertThat(outcome.exitCode())
                .as("the Inspector's exit status\n%s", outcome)
                .isZero();
        try {
            JsonNode answer = JSON.readTree(outcome.stdout());
            assertThat(answer.has("result")).as("a result in\n%s", outcome).isTrue();
            return answer.get("result");
        } catch (IOException e) {
            throw new AssertionError("the Inspector did not answer JSON\n" + outcome, e);
        }
    }

    /** The checks of every scenario the suite ran, by scenario, from its {@code server-<scenario>-<time>/checks.json}. */
    private static Map<String, List<JsonNode>> checks(Path results) throws IOException {
        Map<String, List<JsonNode>> checks = new TreeMap<>();
        if (!Files.isDirectory(results)) {
            return checks;
        }
        try (Stream<Path> directories = Files.list(results)) {
            for (Path directory : directories.toList()) {
                Path file = directory.resolve("checks.json");
                String name = directory.getFileName().toString();
                if (!Files.isRegularFile(file) || !name.startsWith("server-")) {
                    continue;
                }
                String scenario = name.substring("server-".length()).replaceFirst("-\\d{4}-\\d\\d-\\d\\dT.*$", "");
                List<JsonNode> list = new ArrayList<>();
                JSON.readTree(file.toFile()).forEach(list::add);
                checks.put(scenario, list);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return checks;
    }

    private static String failures(Map<String, List<JsonNode>> checks) {
        StringBuilder text = new StringBuilder();
        checks.forEach((scenario, list) -> list.stream()
                .filter(check -> check.path("status").asText().equals("FAILURE"))
                .forEach(check -> text.append(scenario)
                        .append(" / ")
                        .append(check.path("id").asText())
                        .append(": ")
                        .append(check.path("errorMessage").asText())
                        .append('\n')));
        return text.toString();
    }
}
