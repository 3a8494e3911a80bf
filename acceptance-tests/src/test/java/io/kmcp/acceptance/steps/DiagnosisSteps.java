package io.kmcp.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.fabric8.kubernetes.api.model.Pod;
import io.kmcp.acceptance.WorkloadsProduct;
import io.kmcp.acceptance.World;
import io.kmcp.acceptance.World.AgentInScenario;
import io.kmcp.acceptance.driver.Agent.ToolOutcome;
import io.kmcp.acceptance.driver.CallCost;
import io.kmcp.acceptance.driver.Measurements;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.assertj.core.api.InstanceOfAssertFactories;

/**
 * The agent asks why something does not work (workload_diagnose), for an overview of a namespace or
 * the cluster, for events and logs; what it is told, and what that one call cost the API server, as
 * k-mcp reports it and as the audit log records it.
 */
public final class DiagnosisSteps {

    /** The text budget of every tool when the agent gives no maxChars. */
    static final int DEFAULT_MAX_CHARS = 8000;

    private final World world;
    private final WorkloadSteps workloads;
    private String scenario = "";
    private Optional<Call> diagnosis = Optional.empty();

    public DiagnosisSteps(World world, WorkloadSteps workloads) {
        this.world = world;
        this.workloads = workloads;
    }

    /** One tool call of the agent, timed, and what the audit log recorded from k-mcp for it. */
    private record Call(ToolOutcome outcome, long latencyMillis, CallCost cost) {}

    @Before
    public void rememberScenario(Scenario scenario) {
        this.scenario = scenario.getName();
    }

    /** One line per diagnosis scenario, whatever its outcome, for the closing note of the run. */
    @After
    public void recordMeasurement() {
        diagnosis.ifPresent(call -> Measurements.record(new Measurements.Diagnosis(
                scenario,
                apiRequests(call.outcome()).orElse(-1),
                call.cost().aboutObjects(),
                call.cost().discovery(),
                call.latencyMillis(),
                call.outcome().text().length())));
    }

    // ---- the calls

    @When("{agent} diagnoses {string} in namespace {string}")
    public void diagnoses(String role, String name, String namespace) {
        diagnosis = Optional.of(
                measured(role, "workload_diagnose", Map.of("name", name, "namespace", world.name(namespace))));
    }

    @When("{agent} diagnoses the {word} {string} in namespace {string}")
    public void diagnosesKind(String role, String resource, String name, String namespace) {
        diagnosis = Optional.of(measured(
                role,
                "workload_diagnose",
                Map.of("resource", resource, "name", name, "namespace", world.name(namespace))));
    }

    /** A diagnosis with the arguments given, measured as the others are. */
    void diagnosesWith(String role, Map<String, Object> arguments) {
        diagnosis = Optional.of(measured(role, "workload_diagnose", arguments));
    }

    @When("{agent} diagnoses {string} in namespace {string} in at most {int} characters")
    public void diagnosesWithin(String role, String name, String namespace, int maxChars) {
        call(role, "workload_diagnose", Map.of("name", name, "namespace", world.name(namespace), "maxChars", maxChars));
    }

    @When("{agent} asks for an overview of namespace {string}")
    public void namespaceOverview(String role, String namespace) {
        call(role, "namespace_overview", Map.of("namespace", world.name(namespace)));
    }

    @When("{agent} asks for an overview of namespace {string} in at most {int} characters")
    public void namespaceOverviewWithin(String role, String namespace, int maxChars) {
        call(role, "namespace_overview", Map.of("namespace", world.name(namespace), "maxChars", maxChars));
    }

    @When("{agent} asks for an overview of the cluster")
    public void clusterOverview(String role) {
        call(role, "cluster_overview", Map.of());
    }

    @When("{agent} lists the events about the pod of {string} in namespace {string}, at most {int} group(s)")
    public void eventsAboutPod(String role, String workload, String namespace, int limit) {
        call(
                role,
                "events_list",
                Map.of(
                        "namespace",
                        world.name(namespace),
                        "involvedObject",
                        "Pod/" + workloads.podName(namespace, workload),
                        "limit",
                        limit));
    }

    @When("{agent} lists the events of namespace {string} in at most {int} characters")
    public void eventsWithin(String role, String namespace, int maxChars) {
        call(role, "events_list", Map.of("namespace", world.name(namespace), "maxChars", maxChars));
    }

    @When("{agent} reads the last {int} lines of the log of the pod of {string} in namespace {string}")
    public void tailOfLog(String role, int lines, String workload, String namespace) {
        call(role, "pod_logs", logArguments(workload, namespace, Map.of("tailLines", lines)));
    }

    @When("{agent} reads the log of the pod of {string} in namespace {string}")
    public void currentLog(String role, String workload, String namespace) {
        call(role, "pod_logs", logArguments(workload, namespace, Map.of()));
    }

    @When("{agent} reads the log of the crashed run of the pod of {string} in namespace {string}")
    public void previousLog(String role, String workload, String namespace) {
        call(role, "pod_logs", logArguments(workload, namespace, Map.of("previous", true)));
    }

    @When(
            "{agent} reads the log of the crashed run of the pod of {string} in namespace {string}, keeping the lines with {string}")
    public void grepLog(String role, String workload, String namespace, String grep) {
        call(role, "pod_logs", logArguments(workload, namespace, Map.of("previous", true, "grep", grep)));
    }

    @When("{agent} lists {string} in namespace {string} as a summary")
    public void listSummary(String role, String resource, String namespace) {
        call(role, "resource_list", Map.of("resource", resource, "namespace", world.name(namespace), "summary", true));
    }

    private Map<String, Object> logArguments(String workload, String namespace, Map<String, Object> more) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("name", workloads.podName(namespace, workload));
        arguments.put("namespace", world.name(namespace));
        arguments.putAll(more);
        return arguments;
    }

    private ToolOutcome call(String role, String tool, Map<String, Object> arguments) {
        workloads.settled();
        return world.agent(role).call(tool, arguments);
    }

    /**
     * The call, timed, with what the audit log recorded from k-mcp for the agent meanwhile. The agent
     * connects first, so that only the call itself is counted.
     */
    private Call measured(String role, String tool, Map<String, Object> arguments) {
        workloads.settled();
        AgentInScenario agent = world.agent(role);
        agent.connected();
        long position = world.cluster().auditLogPosition();
        long started = System.nanoTime();
        ToolOutcome outcome = agent.call(tool, arguments);
        long latency = (System.nanoTime() - started) / 1_000_000;
        CallCost cost = CallCost.since(
                world.cluster().auditLog(),
                position,
                agent.account().username(),
                apiRequests(outcome).orElse(0));
        return new Call(outcome, latency, cost);
    }

    // ---- what a diagnosis says

    @Then("the diagnosis names the cause {string}")
    public void namesCause(String cause) {
        finding(cause);
        assertThat(text()).as("the text answer").contains("] " + cause + " — ");
    }

    @Then("the diagnosis names the cause {string} with the evidence {string}")
    public void namesCauseWithEvidence(String cause, String evidence) {
        Map<String, Object> finding = finding(cause);
        String expected = world.real(evidence);
        assertThat(said(finding))
                .as("the summary and evidence of the finding %s", cause)
                .contains(expected);
        assertThat(text()).as("the text answer").contains(expected);
    }

    @Then("the diagnosis names the cause {string} with the evidence {string} and {string}")
    public void namesCauseWithTwoEvidences(String cause, String first, String second) {
        namesCauseWithEvidence(cause, first);
        namesCauseWithEvidence(cause, second);
    }

    @Then("the diagnosis finds no problem")
    public void findsNoProblem() {
        Map<String, Object> structured = structured();
        assertThat(findings()).as("findings of\n%s", text()).isEmpty();
        assertThat(structured.get("healthy")).as("healthy").isEqualTo(true);
        assertThat(text().lines().findFirst().orElse("")).as("the headline").contains("No problem found");
    }

    @Then("the diagnosis read everything it needed")
    public void noGaps() {
        assertThat(structured().get("gaps"))
                .as("what the diagnosis could not read")
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .isEmpty();
        assertThat(text()).doesNotContain("partial picture");
    }

    @Then("the answer names every pod of {string} in namespace {string}")
    public void namesEveryPod(String workload, String namespace) {
        List<String> names = workloads.pods(namespace, workload).stream()
                .map(pod -> pod.getMetadata().getName())
                .toList();
        assertThat(names).as("pods of %s", workload).isNotEmpty();
        assertThat(text()).contains(names);
    }

    @Then("the answer fits in the default budget of {int} characters")
    public void withinDefaultBudget(int maxChars) {
        assertThat(maxChars).as("the budget of the feature").isEqualTo(DEFAULT_MAX_CHARS);
        assertThat(text().length()).as("length of the text answer").isLessThanOrEqualTo(maxChars);
    }

    /** What k-mcp says it sent for the diagnosis is what the API server recorded, request for request. */
    @Then("the diagnosis cost the cluster at most {int} API requests, as many as the audit log recorded")
    public void costAsAudited(int most) {
        Call call = lastDiagnosis();
        int reported = reportedRequests(call);
        assertThat(reported).as("apiRequests k-mcp reported").isBetween(1, most);
        assertThat(call.cost().aboutObjects())
                .as(
                        "requests about objects the audit log recorded from k-mcp for the agent during the call"
                                + " (k-mcp reported %d):%n%s",
                        reported, call.cost().describe())
                .isEqualTo(reported);
    }

    private Call lastDiagnosis() {
        return diagnosis.orElseThrow(() -> new IllegalStateException("the agent has diagnosed nothing yet"));
    }

    private static int reportedRequests(Call call) {
        return apiRequests(call.outcome())
                .orElseThrow(() ->
                        new AssertionError("no apiRequests in " + call.outcome().structured()));
    }

    // ---- what an overview, the events and the logs say

    @Then("the overview names the deployment {string} as unhealthy because of {string}, on one line")
    public void unhealthyOnOneLine(String name, String cause) {
        assertThat(text().lines())
                .as("lines of the overview")
                .anyMatch(line -> line.contains("Deployment " + name + ":") && line.contains(cause));
        assertThat(unhealthy())
                .as("structuredContent.unhealthy")
                .anyMatch(entry -> "Deployment".equals(entry.get("kind"))
                        && name.equals(entry.get("name"))
                        && cause.equals(entry.get("cause")));
    }

    @Then("the overview does not name the deployment {string} as unhealthy")
    public void notUnhealthy(String name) {
        assertThat(text()).doesNotContain("Deployment " + name + ":");
        assertThat(unhealthy()).noneMatch(entry -> name.equals(entry.get("name")));
    }

    @Then("the overview names the pod of {string} in namespace {string} as pending, saying {string}")
    public void pendingPod(String workload, String namespace, String why) {
        String pod = workloads.podName(namespace, workload);
        assertThat(text().lines())
                .as("lines of the overview")
                .anyMatch(line -> line.contains(pod) && line.contains(why));
        assertThat(listOf(structured().get("pendingPods")))
                .as("structuredContent.pendingPods")
                .anyMatch(entry -> pod.equals(entry.get("name"))
                        && String.valueOf(entry.get("why")).contains(why));
    }

    @Then("the answer names every node of the cluster")
    public void namesEveryNode() {
        List<String> nodes = WorkloadsProduct.get().nodeNames();
        assertThat(nodes).isNotEmpty();
        assertThat(text()).contains(nodes);
        assertThat(listOf(structured().get("nodes")).stream().map(node -> node.get("name")))
                .as("structuredContent.nodes")
                .containsAll(nodes);
    }

    @Then("the answer shows the warnings {string} about the pod of {string} in namespace {string} as one group")
    public void warningsGrouped(String reason, String workload, String namespace) {
        String pod = workloads.podName(namespace, workload);
        int recorded = workloads.warningsAbout(namespace, pod).getOrDefault(reason, 0);
        assertThat(recorded)
                .as("Warning %s events about %s on the cluster", reason, pod)
                .isGreaterThan(1);
        List<Map<String, Object>> groups = listOf(structured().get("groups"));
        assertThat(groups)
                .as("event groups")
                .filteredOn(group -> reason.equals(group.get("reason")))
                .singleElement()
                .satisfies(group -> {
                    assertThat(group.get("type")).isEqualTo("Warning");
                    assertThat(group.get("count")).isEqualTo(recorded);
                });
        assertThat(text().lines())
                .as("lines of the answer")
                .anyMatch(line -> line.startsWith("Warning " + reason + " ×" + recorded) && line.contains(pod));
    }

    @Then("every event group in the answer is about the pod of {string} in namespace {string}")
    public void groupsAboutPod(String workload, String namespace) {
        String pod = workloads.podName(namespace, workload);
        assertThat(listOf(structured().get("groups")))
                .isNotEmpty()
                .allSatisfy(group -> assertThat(mapOf(group.get("object")))
                        .containsEntry("kind", "Pod")
                        .containsEntry("name", pod));
    }

    @Then("the answer holds {int} event group(s), and says more were left out")
    public void groupsLimited(int groups) {
        assertThat(listOf(structured().get("groups"))).hasSize(groups);
        assertThat(((Number) structured().get("omittedGroups")).intValue())
                .as("omittedGroups")
                .isPositive();
        assertThat(text()).contains("left out by the limit");
    }

    @Then("the log shows the lines {string} and {string}, and no other")
    public void logShowsOnly(String first, String second) {
        List<String> lines = shownLogLines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains(first);
        assertThat(lines.get(1)).contains(second);
        assertThat(text()).contains(first).contains(second);
    }

    @Then("the log shows {string}")
    public void logShows(String line) {
        assertThat(shownLogLines()).anyMatch(shown -> shown.contains(line));
        assertThat(text()).contains(line);
    }

    @Then("the log does not show {string}")
    public void logDoesNotShow(String line) {
        assertThat(shownLogLines()).noneMatch(shown -> shown.contains(line));
        assertThat(text()).doesNotContain(line);
    }

    @Then("every line of the log shown contains {string}, and there are {int}")
    public void everyLineMatches(String grep, int count) {
        List<String> lines = shownLogLines();
        assertThat(lines).hasSize(count);
        assertThat(lines)
                .allSatisfy(line -> assertThat(line.toLowerCase(Locale.ROOT)).contains(grep.toLowerCase(Locale.ROOT)));
    }

    @Then("the answer names the pod of {string} in namespace {string} as not healthy, because of {string}")
    public void summaryNamesUnhealthyPod(String workload, String namespace, String why) {
        String pod = workloads.podName(namespace, workload);
        assertThat(text().lines())
                .as("lines of the summary")
                .anyMatch(line -> line.contains(pod) && line.contains(why));
    }

    @Then("the answer does not name the pods of {string} in namespace {string}")
    public void summaryLeavesOutHealthy(String workload, String namespace) {
        List<Pod> pods = workloads.pods(namespace, workload);
        assertThat(pods).isNotEmpty();
        pods.forEach(pod -> assertThat(text()).doesNotContain(pod.getMetadata().getName()));
    }

    // ---- the budget

    @Then("the answer is no longer than {int} characters")
    public void noLongerThan(int maxChars) {
        assertThat(text().length()).as("length of the text answer:%n%s", text()).isLessThanOrEqualTo(maxChars);
    }

    @Then("the answer begins with {string}")
    public void beginsWith(String headline) {
        assertThat(text()).as("the text answer").startsWith(world.real(headline));
    }

    @Then("the answer ends with a line saying what was left out and which call gets it")
    public void endsWithTruncationMarker() {
        List<String> lines = text().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertThat(last).as("the last line of%n%s", text()).startsWith("…").containsAnyOf("call ", "maxChars=");
        assertThat(structured().get("truncated"))
                .as("structuredContent.truncated")
                .isEqualTo(true);
    }

    // ---- reading the answer

    private String text() {
        return world.lastOutcome().text();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> structured() {
        Object structured = world.lastOutcome().structured();
        assertThat(structured).as("structured content of%n%s", text()).isInstanceOf(Map.class);
        return (Map<String, Object>) structured;
    }

    private List<Map<String, Object>> findings() {
        return listOf(structured().get("findings"));
    }

    private List<Map<String, Object>> unhealthy() {
        return listOf(structured().get("unhealthy"));
    }

    private Map<String, Object> finding(String cause) {
        List<Map<String, Object>> found = findings();
        return found.stream()
                .filter(finding -> cause.equals(finding.get("cause")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + cause + " among "
                        + found.stream().map(finding -> finding.get("cause")).collect(Collectors.toList())
                        + " in\n" + text()));
    }

    /** A finding's summary and evidence, one line each. */
    private static String said(Map<String, Object> finding) {
        StringBuilder said = new StringBuilder(String.valueOf(finding.get("summary")));
        Object evidence = finding.get("evidence");
        if (evidence instanceof List<?> lines) {
            lines.forEach(line -> said.append('\n').append(line));
        }
        return said.toString();
    }

    private List<String> shownLogLines() {
        Object lines = structured().get("lines");
        assertThat(lines).as("structuredContent.lines of%n%s", text()).isInstanceOf(List.class);
        return ((List<?>) lines).stream().map(String::valueOf).toList();
    }

    private static Optional<Integer> apiRequests(ToolOutcome outcome) {
        return outcome.structured() instanceof Map<?, ?> map && map.get("apiRequests") instanceof Number number
                ? Optional.of(number.intValue())
                : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOf(Object value) {
        assertThat(value).as("a list in the structured content").isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapOf(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
