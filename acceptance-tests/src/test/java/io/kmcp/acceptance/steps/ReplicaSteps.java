package io.kmcp.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.After;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.kmcp.acceptance.ReplicasProduct;
import io.kmcp.acceptance.World;
import io.kmcp.acceptance.driver.Agent;
import io.kmcp.acceptance.driver.Agent.ToolOutcome;
import io.kmcp.acceptance.driver.ReplicaSet;
import io.kmcp.acceptance.driver.RequestStateForgery;
import io.kmcp.acceptance.driver.SessionlessAgent;
import io.kmcp.acceptance.driver.SteadyLoad;
import io.kmcp.acceptance.driver.ToolAuditLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * k-mcp as several replicas behind a load balancer: which replica answered what, as each replica's log
 * tells it, and what the agents' clients saw.
 */
public final class ReplicaSteps {

    private static final Path SUMMARY = Path.of("target", "replicas.txt");

    private final World world;
    private Optional<ReplicaSet> replicas = Optional.empty();
    private Optional<ReplicaSet> own = Optional.empty();
    private final List<ToolOutcome> outcomes = new ArrayList<>();
    private Optional<String> manifest = Optional.empty();
    private Optional<String> requestState = Optional.empty();
    private Optional<Agent> session = Optional.empty();
    /** What the agent's client threw, when a step expects it may. */
    private Optional<RuntimeException> thrown = Optional.empty();

    private Optional<SteadyLoad.Report> load = Optional.empty();
    private int killed;

    public ReplicaSteps(World world) {
        this.world = world;
    }

    @After
    public void stop(Scenario scenario) {
        session.ifPresent(Agent::close);
        if (scenario.isFailed()) {
            replicas.ifPresent(set -> scenario.log(set.describe()));
        }
        own.ifPresent(ReplicaSet::close);
    }

    @Given("k-mcp runs as {int} replicas behind a load balancer")
    public void sharedReplicas(int count) {
        replicas = Optional.of(ReplicasProduct.shared(count));
    }

    @Given("k-mcp runs as {int} replicas of its own behind a load balancer")
    public void ownReplicas(int count) {
        own = Optional.of(ReplicasProduct.own(count));
        replicas = own;
    }

    // ---- the 2026-07-28 protocol, round-robin

    @When("the agent lists {string} in namespace {string} {int} times over the 2026-07-28 protocol")
    public void listRepeatedly(String resource, String namespace, int times) {
        SessionlessAgent agent = sessionless(false);
        for (int i = 0; i < times; i++) {
            outcomes.add(agent.call("resource_list", listing(resource, namespace)));
        }
    }

    @When("the agent applies over the 2026-07-28 protocol, its user approving:")
    public void applyApproved(String yaml) {
        manifest = Optional.of(world.real(yaml));
        world.remember(sessionless(true).call("resource_apply", Map.of("resourceYAML", manifest.get())));
    }

    @Given("the agent was asked to confirm, over the 2026-07-28 protocol, applying:")
    public void askedToConfirm(String yaml) {
        manifest = Optional.of(world.real(yaml));
        requestState =
                Optional.of(sessionless(true).question("resource_apply", Map.of("resourceYAML", manifest.get())));
    }

    @When("the agent answers yes with one character of the request state's signature altered")
    public void answerWithForgedState() {
        String forged = RequestStateForgery.withSignatureAltered(requestState.orElseThrow());
        attempt(() -> outcomes.add(
                sessionless(true).answer("resource_apply", Map.of("resourceYAML", manifest.orElseThrow()), forged)));
    }

    @Then("k-mcp refuses the answer, saying {string}")
    public void answerRefused(String words) {
        assertThat(thrown)
                .as("a refusal; the agent was told instead: %s", outcomes)
                .hasValueSatisfying(refused -> assertThat(refused).hasMessageContaining(words));
    }

    @Given("each replica has answered the agent once, directly")
    public void warmedUp() {
        ReplicaSet set = replicas();
        for (int number = 1; number <= set.size(); number++) {
            SessionlessAgent direct = SessionlessAgent.of(
                    set.replica(number).mcpUri(), world.agent("agent").token(), false);
            ToolOutcome outcome = direct.call("resource_types", Map.of());
            assertThat(outcome.isError())
                    .as("replica %d: %s", number, outcome.text())
                    .isFalse();
        }
    }

    @When("{int} clients of the agent list {string} in namespace {string} for {int} seconds over the 2026-07-28"
            + " protocol, replica {int} being killed {int} seconds in")
    public void loadWhileKilling(int clients, String resource, String namespace, int seconds, int replica, int after) {
        ReplicaSet set = replicas();
        killed = replica;
        String token = world.agent("agent").token();
        Map<String, Object> arguments = listing(resource, namespace);
        SteadyLoad.Report report = SteadyLoad.run(
                clients, Duration.ofSeconds(seconds), Duration.ofSeconds(after), () -> set.kill(replica), () -> {
                    SessionlessAgent agent = SessionlessAgent.of(set.roundRobinMcpUri(), token, false);
                    return () -> agent.call("resource_list", arguments);
                });
        load = Optional.of(report);
        record(report, callsDuringTheLoad());
    }

    @Then("no call failed, each retried at most once")
    public void noCallFailed() {
        SteadyLoad.Report report = load();
        assertThat(report.calls()).as("calls the clients made").isPositive();
        assertThat(report.failed())
                .as("calls that failed after one retry: %s", report.failures())
                .isZero();
    }

    @Then("every replica answered calls, and replica {int} none after it was killed")
    public void killedReplicaAnsweredNothingAfter(int replica) {
        Map<Integer, List<ToolAuditLine>> calls = callsDuringTheLoad();
        assertThat(calls)
                .allSatisfy((number, lines) -> assertThat(lines)
                        .as("calls replica %d answered", number)
                        .isNotEmpty());
        assertThat(calls.get(replica))
                .as("calls replica %d logged after it was killed", replica)
                .noneMatch(line -> line.at().isAfter(load().disruptedAt()));
    }

    @Then("the other replicas answered calls after replica {int} was killed")
    public void othersAnsweredAfter(int replica) {
        assertThat(load().callsAfterDisruption())
                .as("calls that ended well after the kill")
                .isPositive();
        agentsCalls(line -> line.at().isAfter(load().disruptedAt())).forEach((number, lines) -> {
            if (number != replica) {
                assertThat(lines)
                        .as("calls replica %d answered after the kill", number)
                        .isNotEmpty();
            }
        });
    }

    // ---- the 2025-11-25 protocol, with and without affinity

    @When("the agent opens a 2025-11-25 session through the balancer's frontend with affinity and lists {string} in"
            + " namespace {string} {int} times")
    public void sessionWithAffinity(String resource, String namespace, int times) {
        callInSession(replicas().stickyMcpUri(), resource, namespace, times);
        thrown.ifPresent(failure -> {
            throw new AssertionError("the session failed after " + outcomes.size() + " calls", failure);
        });
    }

    @When("the agent opens a 2025-11-25 session through the balancer's round-robin frontend and lists {string} in"
            + " namespace {string} {int} times")
    public void sessionWithoutAffinity(String resource, String namespace, int times) {
        callInSession(replicas().roundRobinMcpUri(), resource, namespace, times);
    }

    private void callInSession(URI mcp, String resource, String namespace, int times) {
        attempt(() -> {
            Agent agent = Agent.connect(mcp, world.agent("agent").token(), Agent.User.unreachable());
            session = Optional.of(agent);
            for (int i = 0; i < times; i++) {
                outcomes.add(agent.call("resource_list", listing(resource, namespace)));
            }
        });
    }

    /** Runs what the agent does, keeping what its client throws for a later step to look at. */
    private void attempt(Runnable agentAction) {
        try {
            agentAction.run();
        } catch (RuntimeException failed) {
            thrown = Optional.of(failed);
        }
    }

    @Then("the agent's client fails at its second request, which another replica answers: {string}")
    public void sessionBroke(String words) {
        assertThat(thrown)
                .as("a failure of the session; calls that succeeded: %s", outcomes)
                .isPresent();
        // The first request opened the session (initialize); the failing one followed it.
        assertThat(outcomes).as("calls that succeeded before the failure").isEmpty();
        assertThat(thrown.get()).hasStackTraceContaining(words);
    }

    @Then("no replica logged any of the agent's calls")
    public void noCallLogged() {
        assertThat(agentsCalls(line -> true))
                .allSatisfy((number, lines) ->
                        assertThat(lines).as("calls replica %d logged", number).isEmpty());
    }

    // ---- what the replicas logged

    @Then("every call succeeded")
    public void everyCallSucceeded() {
        assertThat(outcomes)
                .as("the agent's calls")
                .isNotEmpty()
                .allSatisfy(outcome ->
                        assertThat(outcome.isError()).as(outcome.text()).isFalse());
    }

    @Then("each of the {int} replicas logged some of the agent's calls")
    public void callsSpread(int count) {
        Map<Integer, List<ToolAuditLine>> calls = agentsCalls(line -> true);
        assertThat(calls).hasSize(count);
        assertThat(calls)
                .allSatisfy((number, lines) ->
                        assertThat(lines).as("calls replica %d logged", number).isNotEmpty());
        assertThat(calls.values().stream().mapToInt(List::size).sum())
                .as("calls logged by all replicas")
                .isEqualTo(outcomes.size());
    }

    @Then("one replica logged the agent's {string} as {string} and another one as {string}")
    public void askedOnOneAnsweredOnAnother(String tool, String first, String second) {
        Map<Integer, List<ToolAuditLine>> calls =
                agentsCalls(line -> line.tool().equals(tool));
        List<Integer> asking = replicasThatLogged(calls, first);
        List<Integer> answering = replicasThatLogged(calls, second);
        assertThat(asking).as("replicas that logged %s as %s", tool, first).hasSize(1);
        assertThat(answering).as("replicas that logged %s as %s", tool, second).hasSize(1);
        assertThat(answering)
                .as("the replica that answered, against the one that asked")
                .isNotEqualTo(asking);
    }

    @Then("one replica logged all of the agent's {int} calls and the others none")
    public void allOnOneReplica(int count) {
        Map<Integer, Integer> counts = new TreeMap<>();
        agentsCalls(line -> true).forEach((number, lines) -> counts.put(number, lines.size()));
        assertThat(counts.values()).as("calls per replica: %s", counts).containsOnlyOnce(count);
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum())
                .as("calls per replica: %s", counts)
                .isEqualTo(count);
    }

    private static List<Integer> replicasThatLogged(Map<Integer, List<ToolAuditLine>> calls, String outcome) {
        return calls.entrySet().stream()
                .filter(entry -> entry.getValue().stream()
                        .anyMatch(line -> line.outcome().equals(outcome)))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The tool calls of this scenario's agent each replica logged (its service account is the scenario's). */
    private Map<Integer, List<ToolAuditLine>> agentsCalls(Predicate<ToolAuditLine> which) {
        String subject = world.agent("agent").account().username();
        return replicas().toolCalls(which.and(line -> line.subject().equals(subject)));
    }

    private Map<Integer, List<ToolAuditLine>> callsDuringTheLoad() {
        return agentsCalls(
                line -> line.tool().equals("resource_list") && !line.at().isBefore(load().startedAt()));
    }

    private SessionlessAgent sessionless(boolean userApproves) {
        return SessionlessAgent.of(
                replicas().roundRobinMcpUri(), world.agent("agent").token(), userApproves);
    }

    private Map<String, Object> listing(String resource, String namespace) {
        return Map.of("resource", world.real(resource), "namespace", world.name(namespace));
    }

    private ReplicaSet replicas() {
        return replicas.orElseThrow(() -> new IllegalStateException("k-mcp runs as replicas in no step yet"));
    }

    private SteadyLoad.Report load() {
        return load.orElseThrow(() -> new IllegalStateException("no load ran in this scenario"));
    }

    /** Prints the numbers of the load and keeps them in target/replicas.txt, for reports. */
    private void record(SteadyLoad.Report report, Map<Integer, List<ToolAuditLine>> calls) {
        Map<Integer, Integer> perReplica = new TreeMap<>();
        calls.forEach((number, lines) -> perReplica.put(number, lines.size()));
        String summary = String.format(
                "replicas: %d clients, %d s, %d calls, %d failures, %d retries, per replica %s; replica %d killed %d s"
                        + " in, %d calls ended well after it; HAProxy sent %d requests again",
                report.clients(),
                report.duration().toSeconds(),
                report.calls(),
                report.failed(),
                report.retries(),
                perReplica,
                killed,
                report.disruptAfter().toSeconds(),
                report.callsAfterDisruption(),
                replicas().balancer().requestsRetried());
        System.err.println("[acceptance] " + summary);
        report.retried().forEach(first -> System.err.println("[acceptance]   retried after: " + first));
        try {
            Files.createDirectories(SUMMARY.toAbsolutePath().getParent());
            Files.writeString(SUMMARY, summary + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
