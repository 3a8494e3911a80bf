package io.kmcp.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.kmcp.acceptance.World;
import io.kmcp.acceptance.driver.Agent.Completed;
import io.kmcp.acceptance.driver.SessionlessAgent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What a client's user is offered while typing the arguments of k-mcp's prompt, and what the prompt says. */
public final class CompletionSteps {

    private static final String PROMPT = "inspect";

    private final World world;
    private Optional<Completed> completed = Optional.empty();
    private Optional<String> promptText = Optional.empty();
    private Optional<Throwable> refusal = Optional.empty();

    public CompletionSteps(World world) {
        this.world = world;
    }

    @When("{agent} completes the {word} of the inspect prompt from {string}")
    public void completes(String role, String argument, String typed) {
        complete(role, PROMPT, argument, typed, Map.of());
    }

    @When("{agent} completes the name of the inspect prompt from {string} for {string} in namespace {string}")
    public void completesName(String role, String typed, String type, String namespace) {
        complete(role, PROMPT, "name", typed, Map.of("type", type, "namespace", world.name(namespace)));
    }

    @When("{agent} completes the argument {string} of the prompt {string} from {string}")
    public void completesAnyArgument(String role, String argument, String prompt, String typed) {
        complete(role, prompt, argument, typed, Map.of());
    }

    @When("{agent} completes, over the 2026-07-28 protocol, the name of the inspect prompt from {string} for {string}"
            + " in namespace {string}")
    public void completesNameSessionless(String role, String typed, String type, String namespace) {
        completeSessionless(role, "name", typed, Map.of("type", type, "namespace", world.name(namespace)));
    }

    @When("{agent} completes, over the 2026-07-28 protocol, the argument {string} of the inspect prompt from {string}")
    public void completesAnyArgumentSessionless(String role, String argument, String typed) {
        completeSessionless(role, argument, typed, Map.of());
    }

    @When("{agent} asks for the inspect prompt with type {string} and name {string} in namespace {string}")
    public void asksForThePrompt(String role, String type, String name, String namespace) {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("namespace", world.name(namespace));
        arguments.put("type", type);
        arguments.put("name", name);
        clear();
        Throwable thrown = catchThrowable(
                () -> promptText = Optional.of(world.agent(role).connected().prompt(PROMPT, arguments)));
        refusal = Optional.ofNullable(thrown);
    }

    @Then("k-mcp offers the prompt {string}")
    public void offersThePrompt(String prompt) {
        assertThat(world.agent("agent").connected().prompts()).contains(prompt);
    }

    @Then("the completion offers {string}")
    public void offers(String value) {
        assertThat(completion().values()).contains(world.real(value));
    }

    @Then("the completion offers exactly {string} and {string}")
    public void offersExactly(String first, String second) {
        Completed completion = completion();
        assertThat(completion.values()).containsExactly(first, second);
        assertThat(completion.total()).isEqualTo(2);
        assertThat(completion.hasMore()).isFalse();
    }

    @Then("the completion does not offer {string}")
    public void doesNotOffer(String value) {
        assertThat(completion().values()).doesNotContain(value);
    }

    @Then("the completion offers no type of the API group {string}")
    public void noTypeOfTheGroup(String group) {
        assertThat(completion().values()).noneMatch(value -> value.endsWith("." + group));
    }

    @Then("the completion offers nothing")
    public void offersNothing() {
        assertThat(completion().values()).isEmpty();
    }

    @Then("the completion offers at most {int} values, and says how many there are")
    public void bounded(int most) {
        Completed completion = completion();
        assertThat(completion.values()).isNotEmpty().hasSizeLessThanOrEqualTo(most);
        assertThat(completion.total())
                .isGreaterThanOrEqualTo(completion.values().size());
        assertThat(completion.hasMore())
                .isEqualTo(completion.total() > completion.values().size());
    }

    @Then("the request is refused with {string}")
    public void refused(String words) {
        assertThat(refusal)
                .as(
                        "a refusal, but k-mcp answered %s",
                        completed.map(Object::toString).or(() -> promptText))
                .hasValueSatisfying(thrown -> assertThat(thrown).hasMessageContaining(world.real(words)));
    }

    @Then("the prompt says {string}")
    public void promptSays(String words) {
        assertThat(promptText)
                .as("the prompt's text, but k-mcp refused: %s", refusal)
                .hasValueSatisfying(text -> assertThat(text).contains(world.real(words)));
    }

    private void complete(String role, String prompt, String argument, String typed, Map<String, String> others) {
        clear();
        Throwable thrown = catchThrowable(
                () -> completed = Optional.of(world.agent(role).connected().complete(prompt, argument, typed, others)));
        refusal = Optional.ofNullable(thrown);
    }

    private void completeSessionless(String role, String argument, String typed, Map<String, String> others) {
        clear();
        SessionlessAgent agent =
                SessionlessAgent.of(world.server().mcpUri(), world.agent(role).token(), false);
        Throwable thrown =
                catchThrowable(() -> completed = Optional.of(agent.complete(PROMPT, argument, typed, others)));
        refusal = Optional.ofNullable(thrown);
    }

    private void clear() {
        completed = Optional.empty();
        promptText = Optional.empty();
        refusal = Optional.empty();
    }

    private Completed completion() {
        return completed.orElseThrow(() -> new AssertionError("no completion; k-mcp refused: " + refusal.orElse(null)));
    }
}
