package io.kmcp.adapters.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.adapters.mcp.support.FakeKubernetes;
import io.kmcp.adapters.mcp.support.TestClock;
import io.kmcp.application.BearerToken;
import io.kmcp.application.Caller;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile, oversize and mistyped arguments of every tool are refused before any use case runs, with
 * a message naming the argument and what is accepted.
 */
class DiagnosisArgumentsTest {

    private static final Caller CALLER =
            new Caller("prod", "system:serviceaccount:a:agent", new BearerToken("t", TestClock.NOW.plusSeconds(60)));

    private static final FakeKubernetes KUBERNETES = new FakeKubernetes();

    private static final Map<String, ToolDeclaration> TOOLS = Map.of(
            "workload_diagnose", new WorkloadDiagnoseTool(KUBERNETES).declaration(),
            "namespace_overview", new NamespaceOverviewTool(KUBERNETES, TestClock.CLOCK).declaration(),
            "cluster_overview", new ClusterOverviewTool(KUBERNETES, TestClock.CLOCK).declaration(),
            "events_list", new EventsListTool(KUBERNETES, TestClock.CLOCK).declaration(),
            "pod_logs", new PodLogsTool(KUBERNETES).declaration(),
            "resource_list", new ResourceListTool(KUBERNETES, TestClock.CLOCK).declaration(),
            "resource_get", new ResourceGetTool(KUBERNETES).declaration(),
            "resource_types", new ResourceTypesTool(KUBERNETES).declaration(),
            "resource_apply", new ResourceApplyTool(KUBERNETES, KUBERNETES).declaration(),
            "access_review", new AccessReviewTool(KUBERNETES).declaration());

    private static final Map<String, Object> DIAGNOSE = Map.of("name", "web", "namespace", "shop");
    private static final Map<String, Object> LOGS = Map.of("name", "web-1", "namespace", "shop");

    static List<Arguments> refusals() {
        return List.of(
                Arguments.of(
                        "access_review",
                        Map.of("verb", "escalate", "resource", "roles"),
                        "'verb' must be one of get, list, watch, create, update, patch, delete, deletecollection,"
                                + " was 'escalate'"),
                Arguments.of(
                        "access_review",
                        Map.of("namespace", "x".repeat(64)),
                        "'namespace' is too long (64 characters); at most 63"),
                Arguments.of("workload_diagnose", Map.of("namespace", "shop"), "The argument 'name' is required"),
                Arguments.of(
                        "workload_diagnose",
                        with(DIAGNOSE, "name", "x".repeat(254)),
                        "'name' is too long (254 characters); at most 253"),
                Arguments.of(
                        "workload_diagnose",
                        with(DIAGNOSE, "namespace", List.of("shop")),
                        "'namespace' must be a string, but an array was given"),
                Arguments.of(
                        "workload_diagnose",
                        with(DIAGNOSE, "maxChars", 10),
                        "'maxChars' must be between 200 and 200000, was 10"),
                Arguments.of(
                        "workload_diagnose",
                        with(DIAGNOSE, "maxChars", 1e12),
                        "'maxChars' must be between 200 and 200000"),
                Arguments.of(
                        "workload_diagnose",
                        with(DIAGNOSE, "maxChars", "8000"),
                        "'maxChars' must be an integer, but a string was given"),
                Arguments.of(
                        "workload_diagnose",
                        with(DIAGNOSE, "kind", "Deployment"),
                        "Unknown argument 'kind'; workload_diagnose accepts resource, name, namespace, maxChars"),
                Arguments.of("namespace_overview", Map.of(), "The argument 'namespace' is required"),
                Arguments.of(
                        "namespace_overview",
                        Map.of("namespace", "a", "maxChars", 200_001),
                        "'maxChars' must be between 200 and 200000, was 200001"),
                Arguments.of(
                        "cluster_overview",
                        Map.of("namespace", "a"),
                        "Unknown argument 'namespace'; cluster_overview accepts maxChars"),
                Arguments.of(
                        "cluster_overview",
                        Map.of("maxChars", true),
                        "'maxChars' must be an integer, but a boolean was given"),
                Arguments.of(
                        "events_list", Map.of("type", "Error"), "'type' must be one of Normal, Warning, was 'Error'"),
                Arguments.of(
                        "events_list",
                        Map.of("sinceSeconds", 0),
                        "'sinceSeconds' must be between 1 and 2592000, was 0"),
                Arguments.of("events_list", Map.of("limit", 501), "'limit' must be between 1 and 500, was 501"),
                Arguments.of(
                        "events_list",
                        Map.of("involvedObject", "Pod/" + "x".repeat(800)),
                        "'involvedObject' is too long"),
                Arguments.of("pod_logs", Map.of("name", "web-1"), "The argument 'namespace' is required"),
                Arguments.of(
                        "pod_logs", with(LOGS, "tailLines", 5001), "'tailLines' must be between 1 and 5000, was 5001"),
                Arguments.of(
                        "pod_logs", with(LOGS, "limitBytes", -1), "'limitBytes' must be between 1 and 1048576, was -1"),
                Arguments.of(
                        "pod_logs",
                        with(LOGS, "grep", "e".repeat(201)),
                        "'grep' is too long (201 characters); at most 200"),
                Arguments.of(
                        "pod_logs",
                        with(LOGS, "previous", "yes"),
                        "'previous' must be true or false, but a string was given"),
                Arguments.of(
                        "pod_logs",
                        with(LOGS, "container", "c".repeat(64)),
                        "'container' is too long (64 characters); at most 63"),
                Arguments.of(
                        "resource_list",
                        Map.of("resource", "pods", "summary", 1),
                        "'summary' must be true or false, but a number was given"),
                Arguments.of(
                        "resource_list",
                        Map.of("resource", "pods", "maxChars", 199),
                        "'maxChars' must be between 200 and 200000, was 199"),
                Arguments.of(
                        "resource_get",
                        Map.of("resource", "pods", "name", "a", "maxChars", 1.5),
                        "'maxChars' must be an integer, but a number was given"),
                Arguments.of(
                        "resource_types",
                        Map.of("maxChars", Map.of()),
                        "'maxChars' must be an integer, but an object was given"),
                Arguments.of(
                        "resource_apply",
                        Map.of("resourceYAML", "kind: x", "maxChars", 0),
                        "'maxChars' must be between 200 and 200000, was 0"),
                Arguments.of(
                        "resource_apply",
                        Map.of("resourceYAML", "kind: x", "timeoutSeconds", 30),
                        "The argument 'timeoutSeconds' bounds a wait: pass it with wait: true, or leave it out."),
                Arguments.of(
                        "resource_apply",
                        Map.of("resourceYAML", "kind: x", "wait", true, "timeoutSeconds", 301),
                        "'timeoutSeconds' must be between 1 and 300, was 301"),
                Arguments.of("resource_apply", Map.of("resourceYAML", "kind: x", "wait", "yes"), "'wait'"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("refusals")
    @DisplayName("A bad argument is an isError result naming it and what is accepted, and no use case runs")
    void refused(String tool, Map<String, Object> arguments, String message) {
        KUBERNETES.reset();

        ToolAnswer result =
                new ToolRunner(TOOLS.get(tool)).run(Optional.of(CALLER), arguments, Conversations.CANNOT_ASK);

        assertThat(result.error()).isTrue();
        assertThat(result.text()).contains(message);
        assertThat(KUBERNETES.calls()).isEmpty();
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> arguments = new HashMap<>(base);
        arguments.put(key, value);
        return arguments;
    }
}
