package io.kmcp.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that nobody here wrote, against the same k-mcp process and cluster as the features, over both
 * lanes of its one endpoint: the MCP Inspector's CLI lists the tools and calls them with a service-account
 * token, speaking 2025-11-25 (the session lane) by default and 2026-07-28 (the sessionless lane) with
 * {@code --protocol-era modern}; the official MCP conformance suite runs what each revision requires
 * ({@code --requirements}) at that revision's wire. Failures that cannot apply to k-mcp are listed with
 * the reason in {@code conformance/baseline.yml} and {@code conformance/baseline-2026-07-28.yml}; the suite
 * fails on any other failure and on any listed check that passes, and the scenarios that apply to any
 * server are checked here to pass, check by check, but for what their baseline names.
 */
class RealClientsIT {

    private static final Duration INSPECTOR_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CONFORMANCE_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final List<String> TOOLS = List.of(
            "resource_types",
            "resource_list",
            "resource_get",
            "resource_apply",
            "workload_diagnose",
            "namespace_overview",
            "cluster_overview",
            "events_list",
            "pod_logs",
            "access_review");

    /**
     * Scenarios of the 2025-11-25 run that apply to any MCP server: every check of theirs must pass but those
     * the baseline names. server-session-lifecycle is not scored for that revision (the suite added it
     * later) but k-mcp keeps sessions, so it applies.
     */
    private static final List<String> MUST_PASS_2025_11_25 = List.of(
            "server-initialize",
            "server-session-lifecycle",
            "logging-set-level",
            "ping",
            "tools-list",
            "server-sse-multiple-streams",
            "dns-rebinding-protection");

    /**
     * Scenarios of the 2026-07-28 run that apply to any MCP server, or to any that checks its request
     * headers and the input responses of a retry as k-mcp does: every check of theirs must pass but those the
     * baseline names. http-header-validation is not scored (pending in the suite), but k-mcp checks the
     * Mcp-Method header, and the scenario is the one that sends its requests with node:http, so it also
     * shows that the bearer token reaches k-mcp on that path.
     */
    private static final List<String> MUST_PASS_2026_07_28 = List.of(
            "server-stateless",
            "tools-list",
            "caching",
            "server-sse-multiple-streams",
            "dns-rebinding-protection",
            "http-header-validation",
            "input-required-result-unsupported-methods",
            "input-required-result-validate-input");

    /** The statuses of a check that passed: INFO reports an optional behaviour the check did not see. */
    private static final Set<String> PASSED = Set.of("SUCCESS", "INFO");

    private static NodeTools tools;
    private static Product product;
    private static ClusterAdmin admin;
    private static String namespace;
    private static String token;
    private static String sessionConformanceToken;
    private static String sessionlessConformanceToken;

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
        sessionConformanceToken = tokenFor(admin.serviceAccount(namespace, "conformance"), role);
        sessionlessConformanceToken = tokenFor(admin.serviceAccount(namespace, "conformance-sessionless"), role);
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
    void theInspectorSpeaks2025_11_25ByDefault() {
        JsonNode result = result(inspector(Lane.SESSION, "--method", "initialize"));
        assertThat(result.path("protocolVersion").asText()).isEqualTo("2025-11-25");
        assertThat(result.path("serverInfo").path("name").asText()).isEqualTo("k-mcp");
    }

    @Test
    void theInspectorListsTheTools() {
        assertListsEveryTool(Lane.SESSION);
    }

    @Test
    void theInspectorCallsResourceTypes() {
        assertThat(callText(Lane.SESSION, "resource_types", "{}")).contains("configmaps");
    }

    @Test
    void theInspectorCallsResourceList() {
        assertThat(callText(
                        Lane.SESSION,
                        "resource_list",
                        "{\"resource\":\"configmaps\",\"namespace\":\"" + namespace + "\"}"))
                .contains("greeting");
    }

    @Test
    void theInspectorCallsResourceGet() {
        assertThat(callText(
                        Lane.SESSION,
                        "resource_get",
                        "{\"resource\":\"configmaps\",\"name\":\"greeting\",\"namespace\":\"" + namespace + "\"}"))
                .contains("name: greeting")
                .contains("hello: world");
    }

    @Test
    void theInspectorCallsResourceApplyAsADryRun() throws IOException {
        String arguments = JSON.writeValueAsString(Map.of("resourceYAML", manifest("from-inspector"), "dryRun", true));
        assertThat(callText(Lane.SESSION, "resource_apply", arguments)).contains("Dry run of 1 document");
        assertThat(admin.findConfigMap(namespace, "from-inspector"))
                .as("the config map after a dry run")
                .isEmpty();
    }

    @Test
    void theInspectorSpeaks2026_07_28WithProtocolEraModern() {
        JsonNode result = result(inspector(Lane.SESSIONLESS, "--method", "initialize"));
        assertThat(result.path("protocolVersion").asText()).isEqualTo("2026-07-28");
        assertThat(result.path("serverInfo").path("name").asText()).isEqualTo("k-mcp");
    }

    @Test
    void theInspectorListsTheToolsOverTheSessionlessLane() {
        assertListsEveryTool(Lane.SESSIONLESS);
    }

    @Test
    void theInspectorCallsResourceGetOverTheSessionlessLane() {
        assertThat(callText(
                        Lane.SESSIONLESS,
                        "resource_get",
                        "{\"resource\":\"configmaps\",\"name\":\"greeting\",\"namespace\":\"" + namespace + "\"}"))
                .contains("name: greeting")
                .contains("hello: world");
    }

    @Test
    void theInspectorIsShownThePlanOverTheSessionlessLaneAndNothingIsApplied() throws IOException {
        // The Inspector's CLI declares no form elicitation capability, so k-mcp cannot ask its user with
        // input_required: it answers with the plan, for a second call with confirm: true once the user agreed.
        String arguments = JSON.writeValueAsString(Map.of("resourceYAML", manifest("from-sessionless-inspector")));
        assertThat(callText(Lane.SESSIONLESS, "resource_apply", arguments))
                .contains("Confirmation required: nothing was applied yet")
                .contains("will be created");
        assertThat(admin.findConfigMap(namespace, "from-sessionless-inspector"))
                .as("the config map after an apply nobody confirmed")
                .isEmpty();
    }

    @Test
    void theConformanceSuiteFailsOnlyWhereTheBaselineSaysOnTheSessionLane() throws IOException {
        conformance("2025-11-25", "/conformance/baseline.yml", sessionConformanceToken)
                .assertFailedOnlyWhereTheBaselineSays(MUST_PASS_2025_11_25);
    }

    @Test
    void theConformanceSuiteFailsOnlyWhereTheBaselineSaysOnTheSessionlessLane() throws IOException {
        conformance("2026-07-28", "/conformance/baseline-2026-07-28.yml", sessionlessConformanceToken)
                .assertFailedOnlyWhereTheBaselineSays(MUST_PASS_2026_07_28);
    }

    private static String manifest(String name) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n  namespace: " + namespace
                + "\ndata:\n  color: blue\n";
    }

    private static void assertListsEveryTool(Lane lane) {
        Outcome outcome = inspector(lane, "--method", "tools/list");
        List<String> names = new ArrayList<>();
        result(outcome)
                .path("tools")
                .forEach(tool -> names.add(tool.path("name").asText()));
        assertThat(names).as("the tools the Inspector lists\n%s", outcome).containsExactlyInAnyOrderElementsOf(TOOLS);
    }

    /**
     * Runs what conformance to the revision requires, at its wire, against k-mcp: the suite's exit status
     * says whether the failures were exactly the baseline's.
     */
    private ConformanceRun conformance(String revision, String baselineResource, String callerToken)
            throws IOException {
        Path results = home.resolve("conformance-" + revision);
        Path baseline = Path.of(getClass().getResource(baselineResource).getPath());
        Outcome outcome = tools.conformance(
                List.of(
                        "server",
                        "--url",
                        product.server().mcpUri().toString(),
                        "--requirements",
                        revision,
                        "--expected-failures",
                        baseline.toString(),
                        "--output-dir",
                        results.toString()),
                product.server().baseUri().toString(),
                callerToken,
                home,
                CONFORMANCE_TIMEOUT);
        Set<String> excused = new HashSet<>();
        YAML.readTree(baseline.toFile()).path("server").forEach(entry -> excused.add(entry.asText()));
        return new ConformanceRun(revision, outcome, checks(results), excused);
    }

    /** One run of the conformance suite: how it ended, the checks of each scenario, the baseline's entries. */
    private record ConformanceRun(
            String revision, Outcome outcome, Map<String, List<JsonNode>> checks, Set<String> baseline) {

        void assertFailedOnlyWhereTheBaselineSays(List<String> mustPass) {
            String context = outcome + "\n--- failed checks and warnings ---\n" + failures(checks);
            assertThat(outcome.exitCode())
                    .as(
                            "the conformance suite's exit status for %s (0: exactly the baseline's checks failed)\n%s",
                            revision, context)
                    .isZero();
            for (String scenario : mustPass) {
                assertThat(checks.getOrDefault(scenario, List.of()))
                        .filteredOn(check -> !excused(scenario, check))
                        .extracting(check -> check.path("id").asText() + ": "
                                + check.path("status").asText())
                        .as("the checks of %s at %s, but those the baseline names\n%s", scenario, revision, context)
                        .isNotEmpty()
                        .allMatch(verdict -> PASSED.stream().anyMatch(status -> verdict.endsWith(": " + status)));
            }
        }

        private boolean excused(String scenario, JsonNode check) {
            return baseline.contains(scenario)
                    || baseline.contains(scenario + ":" + check.path("id").asText());
        }
    }

    private static String callText(Lane lane, String tool, String argumentsJson) {
        Outcome outcome =
                inspector(lane, "--method", "tools/call", "--tool-name", tool, "--tool-args-json", argumentsJson);
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

    /** The lane of k-mcp's /mcp the Inspector speaks to, by the protocol revision it negotiates. */
    private enum Lane {
        /** 2025-11-25, with initialize and a session: what the Inspector negotiates unless told otherwise. */
        SESSION(List.of()),
        /** 2026-07-28: server/discover, then each request on its own with its _meta. */
        SESSIONLESS(List.of("--protocol-era", "modern"));

        private final List<String> flags;

        Lane(List<String> flags) {
            this.flags = flags;
        }
    }

    private static Outcome inspector(Lane lane, String... arguments) {
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
        command.addAll(lane.flags);
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
                .filter(check -> Set.of("FAILURE", "WARNING")
                        .contains(check.path("status").asText()))
                .forEach(check -> text.append(scenario)
                        .append(" / ")
                        .append(check.path("id").asText())
                        .append(" (")
                        .append(check.path("status").asText())
                        .append("): ")
                        .append(check.path("errorMessage").asText())
                        .append('\n')));
        return text.toString();
    }
}
