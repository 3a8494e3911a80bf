package io.kmcp.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.kmcp.acceptance.World;
import io.kmcp.acceptance.driver.Agent;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code resource_apply} with {@code wait: true}, as an agent that follows the call's progress sees it. */
public final class WaitSteps {

    private final World world;
    private Optional<Agent.FollowedCall> lastCall = Optional.empty();
    private Duration lastCallTook = Duration.ZERO;

    public WaitSteps(World world) {
        this.world = world;
    }

    @When("{agent} applies and waits:")
    public void applyAndWait(String role, String manifest) {
        wait(role, manifest, Optional.empty());
    }

    @When("{agent} applies and waits at most {int} seconds:")
    public void applyAndWaitAtMost(String role, int seconds, String manifest) {
        wait(role, manifest, Optional.of(seconds));
    }

    private void wait(String role, String manifest, Optional<Integer> timeoutSeconds) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("resourceYAML", world.real(manifest));
        arguments.put("wait", true);
        timeoutSeconds.ifPresent(seconds -> arguments.put("timeoutSeconds", seconds));
        Instant started = Instant.now();
        lastCall = Optional.of(world.agent(role).callFollowingProgress("resource_apply", arguments));
        lastCallTook = Duration.between(started, Instant.now());
    }

    @Then("the wait reports the {word} {string} as {word}")
    public void reports(String kind, String name, String state) {
        assertThat(object(kind, name))
                .as(
                        "the wait's report of %s %s in%n%s",
                        kind, name, world.lastOutcome().text())
                .containsEntry("state", state);
    }

    @Then("the wait names the cause {string} for the {word} {string}")
    public void namesTheCause(String cause, String kind, String name) {
        Object findings = object(kind, name).get("findings");
        assertThat(findings)
                .as(
                        "the findings handed over for %s %s in%n%s",
                        kind, name, world.lastOutcome().text())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .anySatisfy(finding -> assertThat(finding)
                        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                        .containsEntry("cause", cause));
        assertThat(world.lastOutcome().text()).contains(cause);
    }

    @Then("the call ended in less than {int} seconds")
    public void endedWithin(int seconds) {
        assertThat(lastCallTook).isLessThan(Duration.ofSeconds(seconds));
    }

    @Then("the agent was told how the wait went while it waited")
    public void toldWhileWaiting() {
        String token = lastCall.orElseThrow().progressToken();
        List<McpSchema.ProgressNotification> notifications = world.agent("agent").connected().progress().stream()
                .filter(notification -> token.equals(notification.progressToken()))
                .toList();
        assertThat(notifications)
                .as("progress notifications of the call")
                .anySatisfy(notification -> assertThat(notification.message())
                        .startsWith("waiting for readiness")
                        .contains(world.real("web")));
        List<Double> values = notifications.stream()
                .map(McpSchema.ProgressNotification::progress)
                .toList();
        // k-mcp sends them in growing order; the client may hand them over in another, so only their values count.
        assertThat(values).as("each notification tells of further progress").doesNotHaveDuplicates();
        assertThat(notifications)
                .allSatisfy(
                        notification -> assertThat(notification.progress()).isLessThanOrEqualTo(notification.total()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(String kind, String name) {
        Object structured = world.lastOutcome().structured();
        assertThat(structured).as(world.lastOutcome().text()).isInstanceOf(Map.class);
        Map<String, Object> wait = (Map<String, Object>) ((Map<String, Object>) structured).get("wait");
        assertThat(wait)
                .as("the wait's report in%n%s", world.lastOutcome().text())
                .isNotNull();
        List<Map<String, Object>> objects = (List<Map<String, Object>>) wait.get("objects");
        return objects.stream()
                .filter(object ->
                        kind.equals(object.get("kind")) && world.real(name).equals(object.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the wait's report: " + wait));
    }
}
