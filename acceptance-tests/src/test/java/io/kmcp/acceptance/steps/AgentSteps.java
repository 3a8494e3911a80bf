package io.kmcp.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.kmcp.acceptance.ParameterTypes.GroupResource;
import io.kmcp.acceptance.World;
import io.kmcp.acceptance.World.AgentInScenario;
import io.kmcp.acceptance.driver.Agent;
import io.kmcp.acceptance.driver.Agent.ToolOutcome;
import io.kmcp.acceptance.driver.Agent.User;
import io.kmcp.acceptance.driver.ClusterAdmin;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What agents are allowed, what they ask k-mcp through its tools, and what they are told. */
public final class AgentSteps {

    /** How long k-mcp may take to see a type installed since its last look at discovery. */
    private static final Duration NOTICE_TIME = Duration.ofSeconds(15);

    private static final Pattern NEXT_PAGE = Pattern.compile("continue=\"([^\"]+)\"");

    private final World world;
    private final List<Map<String, Object>> pages = new ArrayList<>();
    private Optional<String> lastManifest = Optional.empty();
    private int questionsBefore;

    public AgentSteps(World world) {
        this.world = world;
    }

    // ---- who the agent is and what RBAC grants it

    @Given("{agent} without any permissions")
    public void withoutPermissions(String role) {
        world.agent(role);
    }

    @Given("{agent} (who )may {access} {kinds} in namespace {string}")
    public void mayInNamespace(String role, List<String> verbs, GroupResource kinds, String namespace) {
        grant(role, verbs, kinds, Optional.of(world.name(namespace)));
    }

    @Given("{agent} (who )may {access} the resource {string} in namespace {string}")
    public void mayResourceInNamespace(String role, List<String> verbs, String resource, String namespace) {
        grant(role, verbs, GroupResource.parse(world.real(resource)), Optional.of(world.name(namespace)));
    }

    @Given("{agent} (who )may {access} {kinds} in every namespace")
    @Given("{agent} (who )may {access} {kinds} across the cluster")
    public void mayEverywhere(String role, List<String> verbs, GroupResource kinds) {
        grant(role, verbs, kinds, Optional.empty());
    }

    @Given("{agent} (who )may do anything on the cluster")
    public void mayDoAnything(String role) {
        AgentInScenario agent = world.agent(role);
        String clusterRole = world.unique("can-do-anything");
        world.admin().clusterRole(clusterRole, List.of(ClusterAdmin.rule("*", "*", List.of("*"))));
        world.admin().grantClusterWide(agent.account(), clusterRole);
        world.admin().awaitAllowed(agent.account(), "get", "", "secrets", Optional.empty());
        world.admin().awaitAllowed(agent.account(), "delete", "", "configmaps", Optional.empty());
    }

    @Given("{agent} is also granted {string} on {string} in namespace {string}")
    public void alsoGranted(String role, String verbs, String resource, String namespace) {
        grant(
                role,
                List.of(verbs.split(",\\s*")),
                GroupResource.parse(world.real(resource)),
                Optional.of(world.name(namespace)));
    }

    private void grant(String role, List<String> verbs, GroupResource kinds, Optional<String> namespace) {
        AgentInScenario agent = world.agent(role);
        String clusterRole = world.unique("can-" + String.join("-", verbs) + "-" + kinds.key());
        world.admin().clusterRole(clusterRole, List.of(ClusterAdmin.rule(kinds.group(), kinds.resource(), verbs)));
        if (namespace.isPresent()) {
            world.admin().grantInNamespace(agent.account(), namespace.get(), clusterRole);
        } else {
            world.admin().grantClusterWide(agent.account(), clusterRole);
        }
        world.admin()
                .awaitAllowed(agent.account(), verbs.get(verbs.size() - 1), kinds.group(), kinds.resource(), namespace);
    }

    // ---- the agent's user

    @Given("the agent's user approves changes")
    public void userApproves() {
        world.agent("agent").user(User.approving());
    }

    @Given("the agent's user declines changes")
    public void userDeclines() {
        world.agent("agent").user(User.declining());
    }

    @Given("the agent's user dismisses questions")
    public void userDismisses() {
        world.agent("agent").user(User.dismissing());
    }

    @Given("the agent's client cannot ask its user anything")
    public void clientCannotAsk() {
        world.agent("agent").user(User.unreachable());
    }

    @Given("the agent's user would answer {string} when asked for a namespace")
    public void userKnowsNamespace(String namespace) {
        world.agent("agent").user(User.approving().alsoAnswering("namespace", world.name(namespace)));
    }

    // ---- tool calls

    @When("{agent} lists {string} in namespace {string}")
    public void listIn(String role, String resource, String namespace) {
        call(role, "resource_list", Map.of("resource", world.real(resource), "namespace", world.name(namespace)));
    }

    @When("{agent} lists {string}")
    @When("{agent} lists {string} without naming a namespace")
    public void listEverywhere(String role, String resource) {
        call(role, "resource_list", Map.of("resource", world.real(resource)));
    }

    @When("{agent} lists {string} in namespace {string} with the label selector {string}")
    public void listSelected(String role, String resource, String namespace, String selector) {
        call(
                role,
                "resource_list",
                Map.of(
                        "resource",
                        world.real(resource),
                        "namespace",
                        world.name(namespace),
                        "labelSelector",
                        selector));
    }

    @When("{agent} lists {string} in namespace {string}, {int} at a time, following every next page")
    public void listPaged(String role, String resource, String namespace, int limit) {
        Map<String, Object> arguments = new LinkedHashMap<>(
                Map.of("resource", world.real(resource), "namespace", world.name(namespace), "limit", limit));
        for (int page = 0; page < 20; page++) {
            ToolOutcome outcome = call(role, "resource_list", arguments);
            assertThat(outcome.isError()).as(outcome.text()).isFalse();
            pages.add(structured(outcome));
            // An agent follows the answer's own words, not a field it would have to know about.
            Matcher next = NEXT_PAGE.matcher(outcome.text());
            if (!next.find()) {
                return;
            }
            arguments.put("continue", next.group(1));
        }
        throw new AssertionError("still more pages after 20");
    }

    @When("{agent} gets the {string} named {string} in namespace {string}")
    public void get(String role, String resource, String name, String namespace) {
        call(
                role,
                "resource_get",
                Map.of("resource", world.real(resource), "name", name, "namespace", world.name(namespace)));
    }

    @When("{agent} gets the {string} named {string} without naming a namespace")
    public void getWithoutNamespace(String role, String resource, String name) {
        call(role, "resource_get", Map.of("resource", world.real(resource), "name", name));
    }

    @When("{agent} asks which resource types the cluster offers")
    public void types(String role) {
        call(role, "resource_types", Map.of());
    }

    @When("{agent} asks which resource types the cluster offers in the group {string}")
    public void typesOfGroup(String role, String group) {
        call(role, "resource_types", Map.of("group", world.real(group)));
    }

    @When("{agent} asks which resource types the cluster offers in the group {string}, until it lists {string}")
    public void typesOfGroupUntil(String role, String group, String kind) {
        long deadline = System.nanoTime() + NOTICE_TIME.toNanos();
        while (!typesOfGroupAnswer(role, group).contains(kind) && System.nanoTime() < deadline) {
            pause();
        }
        assertThat(world.lastOutcome().text())
                .as("resource types after %s", NOTICE_TIME)
                .contains(kind);
    }

    private String typesOfGroupAnswer(String role, String group) {
        typesOfGroup(role, group);
        return world.lastOutcome().text();
    }

    @Given("k-mcp has noticed the new types, which takes it up to {int} seconds")
    public void noticedNewTypes(int seconds) {
        // Discovery is refreshed on an unknown name, at most once every 10 seconds (DiscoverySettings).
        List<String> types = world.installedTypes();
        assertThat(types).as("custom types this scenario installed").isNotEmpty();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds + 5).toNanos();
        for (String type : types) {
            while (call("agent", "resource_list", Map.of("resource", type, "namespace", world.name("shop")))
                            .text()
                            .startsWith("No resource type")
                    && System.nanoTime() < deadline) {
                pause();
            }
            assertThat(world.lastOutcome().isError())
                    .as(world.lastOutcome().text())
                    .isFalse();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @When("{agent} applies:")
    public void apply(String role, String manifest) {
        lastManifest = Optional.of(world.real(manifest));
        call(role, "resource_apply", Map.of("resourceYAML", lastManifest.get()));
    }

    @Given("{agent} has applied:")
    public void hasApplied(String role, String manifest) {
        apply(role, manifest);
        ToolOutcome outcome = world.lastOutcome();
        assertThat(outcome.isError()).as(outcome.text()).isFalse();
        assertThat(outcome.text()).as("the set-up apply").startsWith("Applied");
    }

    @When("{agent} previews applying:")
    public void preview(String role, String manifest) {
        lastManifest = Optional.of(world.real(manifest));
        call(role, "resource_apply", Map.of("resourceYAML", lastManifest.get(), "dryRun", true));
    }

    @When("{agent} applies the same manifest again")
    public void applyAgain(String role) {
        call(role, "resource_apply", Map.of("resourceYAML", manifest()));
    }

    @When("{agent} applies the same manifest again with confirm: true")
    public void applyConfirmed(String role) {
        call(role, "resource_apply", Map.of("resourceYAML", manifest(), "confirm", true));
    }

    @When("{agent} reviews its access")
    public void reviewsAccess(String role) {
        call(role, "access_review", Map.of());
    }

    @When("{agent} reviews its access in namespace {string}")
    public void reviewsAccessIn(String role, String namespace) {
        call(role, "access_review", Map.of("namespace", world.name(namespace)));
    }

    @When("{agent} checks whether it may {string} {string} in namespace {string}")
    public void checksAccess(String role, String verb, String resource, String namespace) {
        call(
                role,
                "access_review",
                Map.of("verb", verb, "resource", world.real(resource), "namespace", world.name(namespace)));
    }

    @When("{agent} looks at the tools k-mcp offers")
    public void looksAtTools(String role) {
        world.rememberTools(world.agent(role).connected().tools());
    }

    private String manifest() {
        return lastManifest.orElseThrow(() -> new IllegalStateException("no manifest was applied yet"));
    }

    private ToolOutcome call(String role, String tool, Map<String, Object> arguments) {
        questionsBefore = world.agent(role).questions().size();
        return world.agent(role).call(tool, arguments);
    }

    /** The questions the agent's user was asked during the agent's last call. */
    private List<Agent.Question> questionsOfLastCall() {
        List<Agent.Question> all = world.agent("agent").questions();
        return all.subList(questionsBefore, all.size());
    }

    // ---- what the agent is told

    @Then("the call succeeds")
    public void succeeds() {
        ToolOutcome outcome = world.lastOutcome();
        assertThat(outcome.isError()).as("an error result:%n%s", outcome.text()).isFalse();
    }

    @Then("the call fails")
    public void fails() {
        ToolOutcome outcome = world.lastOutcome();
        assertThat(outcome.isError())
                .as("a successful result:%n%s", outcome.text())
                .isTrue();
    }

    @Then("the answer says {string}")
    public void says(String expected) {
        assertThat(world.lastOutcome().text()).contains(world.real(expected));
    }

    @Then("the answer does not mention {string}")
    public void doesNotMention(String unexpected) {
        assertThat(world.lastOutcome().text()).doesNotContain(world.real(unexpected));
    }

    @Then("the answer names the agent's service account")
    public void namesServiceAccount() {
        assertThat(world.lastOutcome().text())
                .contains(world.agent("agent").account().username());
    }

    @Then("the agent needed at least {int} pages")
    public void neededPages(int minimum) {
        assertThat(pages).hasSizeGreaterThanOrEqualTo(minimum);
    }

    @Then("no page held more than {int} objects")
    public void pageSize(int maximum) {
        pages.forEach(page -> assertThat(items(page)).hasSizeLessThanOrEqualTo(maximum));
    }

    @Then("over all the pages the agent saw {string}, {string} and {string}, each once")
    public void sawEachOnce(String first, String second, String third) {
        List<String> names = pages.stream()
                .flatMap(page -> items(page).stream())
                .map(AgentSteps::nameOf)
                .toList();
        for (String expected : List.of(first, second, third)) {
            assertThat(names).as("the names on all pages").containsOnlyOnce(expected);
        }
    }

    @Then("the agent's user was not asked anything")
    public void notAsked() {
        assertThat(questionsOfLastCall()).isEmpty();
    }

    @Then("the agent's user was asked once, about {string}")
    public void askedOnceAbout(String expected) {
        List<Agent.Question> questions = questionsOfLastCall();
        assertThat(questions).hasSize(1);
        assertThat(questions.get(0).message()).contains(world.real(expected));
    }

    @Then("the question said the {word} {string} of the request to exist first")
    public void questionSaidCannotPreview(String kind, String words) {
        assertThat(questionsOfLastCall()).hasSize(1);
        String question = questionsOfLastCall().get(0).message();
        assertThat(question.lines().filter(line -> line.contains(" " + kind + " ")))
                .singleElement()
                .asString()
                .contains(words);
    }

    @Then("the agent's user was asked for {string}")
    public void askedFor(String field) {
        assertThat(questionsOfLastCall())
                .singleElement()
                .satisfies(question -> assertThat(question.fields()).containsExactly(field));
    }

    @Then("the tools are:")
    public void toolsAre(List<String> names) {
        assertThat(world.tools().stream().map(McpSchema.Tool::name)).containsExactlyInAnyOrderElementsOf(names);
    }

    @Then("every tool but {string} is marked read-only")
    public void readOnlyTools(String writer) {
        for (McpSchema.Tool tool : world.tools()) {
            boolean readOnly = tool.annotations() != null
                    && Boolean.TRUE.equals(tool.annotations().readOnlyHint());
            assertThat(readOnly)
                    .as("%s is read-only", tool.name())
                    .isEqualTo(!tool.name().equals(writer));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> structured(ToolOutcome outcome) {
        assertThat(outcome.structured()).as("structured content").isInstanceOf(Map.class);
        return (Map<String, Object>) outcome.structured();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    @SuppressWarnings("unchecked")
    private static String nameOf(Map<String, Object> item) {
        return (String) ((Map<String, Object>) item.get("metadata")).get("name");
    }
}
