package io.kmcp.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.kmcp.acceptance.World;
import io.kmcp.acceptance.World.AgentInScenario;
import io.kmcp.acceptance.driver.AuditLog;
import io.kmcp.acceptance.driver.RawHttp;
import io.kmcp.acceptance.driver.TokenForgery;
import io.kmcp.adapters.kubernetes.testbed.DecoyListener;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Who may talk to k-mcp at all: tokens, sessions and the health check, seen from outside as an
 * operator or an attacker would see them, with plain HTTP where a client library would not misbehave.
 */
public final class AccessSteps {

    private final World world;
    private Optional<DecoyListener> decoy = Optional.empty();
    private Optional<String> sessionId = Optional.empty();

    public AccessSteps(World world) {
        this.world = world;
    }

    @After
    public void closeDecoy() {
        decoy.ifPresent(DecoyListener::close);
    }

    // ---- health

    @When("an operator checks the health of k-mcp without a token")
    public void checkHealth() {
        world.remember(world.http().get("/health"));
    }

    @Then("k-mcp reports itself healthy")
    public void healthy() {
        RawHttp.Answer answer = world.lastAnswer();
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"status\":\"healthy\"");
    }

    @Then("the health answer does not reveal the cluster it serves")
    public void healthRevealsNothing() {
        String apiServer = world.cluster().apiServerUrl();
        assertThat(world.lastAnswer().body())
                .doesNotContain(apiServer)
                .doesNotContain(apiServer.replaceFirst("^https://", ""));
    }

    // ---- tokens

    @When("the agent connects with a token for the audiences {string}, {string} and {string}")
    public void connectWithThreeAudiences(String first, String second, String third) {
        connectWithAudiences(List.of(first, second, third));
    }

    @When("the agent connects with a token for the audiences {string} and {string}")
    public void connectWithTwoAudiences(String first, String second) {
        connectWithAudiences(List.of(first, second));
    }

    private void connectWithAudiences(List<String> audiences) {
        AgentInScenario agent = world.agent("agent");
        String token = agent.tokenFor(audiences.stream().map(this::audience).toList());
        world.remember(world.http().post(Optional.of(token), Optional.empty(), RawHttp.INITIALIZE));
        if (world.lastAnswer().status() == 200) {
            // An accepted token is then used as an agent uses it, through its MCP client.
            agent.useToken(token);
        }
    }

    private String audience(String words) {
        return switch (words) {
            case "<the cluster>" -> world.cluster().apiServerUrl();
            case "<the issuer>" -> world.cluster().issuer();
            case "<that address>" -> decoy().url();
            default -> words;
        };
    }

    @When("the agent connects with its token as it was, expired an hour ago")
    public void expiredToken() {
        String expired = TokenForgery.expired(
                world.agent("agent").token(),
                Duration.ofHours(1),
                world.cluster().signingKey());
        world.remember(world.http().post(Optional.of(expired), Optional.empty(), RawHttp.INITIALIZE));
    }

    @When("the agent connects with its token rewritten to claim the subject {string}")
    public void tamperedToken(String subject) {
        String tampered = TokenForgery.withSubjectReplaced(world.agent("agent").token(), subject);
        world.remember(world.http().post(Optional.of(tampered), Optional.empty(), RawHttp.INITIALIZE));
    }

    @When("someone connects to k-mcp without a token")
    public void noToken() {
        world.remember(world.http().post(Optional.empty(), Optional.empty(), RawHttp.INITIALIZE));
    }

    @Given("an address no operator configured, listening for connections")
    public void decoyAddress() {
        decoy();
    }

    private DecoyListener decoy() {
        if (decoy.isEmpty()) {
            decoy = Optional.of(new DecoyListener());
        }
        return decoy.get();
    }

    @Then("k-mcp refuses the connection as unauthenticated")
    public void unauthenticated() {
        RawHttp.Answer answer = world.lastAnswer();
        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        assertThat(answer.challenge())
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWithIgnoringCase("Bearer"));
    }

    @Then("the refusal points to k-mcp's protected-resource metadata")
    public void pointsToMetadata() {
        String challenge = world.lastAnswer().challenge().orElseThrow();
        assertThat(challenge).contains("resource_metadata=");
        RawHttp.Answer metadata = world.http().get("/.well-known/oauth-protected-resource");
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.body()).contains("\"resource\"").contains("bearer_methods_supported");
    }

    @Then("the refusal says {string}")
    public void refusalSays(String words) {
        assertThat(world.lastAnswer().challenge().orElseThrow()).contains(words);
    }

    @Then("nothing ever connected to that address")
    public void decoyUntouched() {
        assertThat(decoy().connections()).as("connections to %s", decoy().url()).isZero();
    }

    @Then("k-mcp sent the cluster no request for the agent")
    public void noRequestForAgent() {
        String username = world.agent("agent").account().username();
        assertThat(world.auditedSinceStart().stream()
                        .filter(AuditLog.Entry::fromKmcp)
                        .filter(entry -> entry.json()
                                .path("user")
                                .path("username")
                                .asText()
                                .equals(username)))
                .isEmpty();
    }

    // ---- sessions

    @Given("the agent has opened a session with k-mcp")
    public void openSession() {
        String token = world.agent("agent").token();
        RawHttp.Answer initialized = world.http().post(Optional.of(token), Optional.empty(), RawHttp.INITIALIZE);
        assertThat(initialized.status()).as(initialized.body()).isEqualTo(200);
        assertThat(initialized.sessionId()).as("Mcp-Session-Id").isPresent();
        sessionId = initialized.sessionId();
        RawHttp.Answer notified = world.http().post(Optional.of(token), sessionId, RawHttp.INITIALIZED);
        assertThat(notified.status()).as(notified.body()).isEqualTo(202);
    }

    @When("another agent sends a request on the agent's session")
    public void otherAgentUsesSession() {
        world.remember(
                world.http().post(Optional.of(world.agent("other-agent").token()), session(), RawHttp.LIST_TOOLS));
    }

    @When("someone sends a request on the agent's session without a token")
    public void noTokenOnSession() {
        world.remember(world.http().post(Optional.empty(), session(), RawHttp.LIST_TOOLS));
    }

    @Then("k-mcp answers as if the session did not exist")
    public void sessionUnknown() {
        RawHttp.Answer answer = world.lastAnswer();
        assertThat(answer.status()).as(answer.body()).isEqualTo(404);
        assertThat(answer.body()).doesNotContain("resource_list");
    }

    @Then("the agent can still use its session")
    public void ownerStillUsesSession() {
        RawHttp.Answer answer =
                world.http().post(Optional.of(world.agent("agent").token()), session(), RawHttp.LIST_TOOLS);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("resource_list");
    }

    private Optional<String> session() {
        assertThat(sessionId).as("the agent's session").isPresent();
        return sessionId;
    }

    // ---- the audit log: what reached the cluster

    @Then("k-mcp sent the cluster no request for {string}")
    public void noRequestFor(String resource) {
        assertThat(kmcpRequests().filter(entry -> entry.resource().equals(resource)))
                .isEmpty();
    }

    @Then("k-mcp sent the cluster no request to change anything")
    public void noWrites() {
        assertThat(kmcpRequests()
                        .filter(entry -> !List.of("get", "list", "watch").contains(entry.verb())))
                .isEmpty();
    }

    @Then("the cluster recorded k-mcp's changes to config maps in namespace {string}")
    public void recordedChanges(String namespace) {
        String real = world.name(namespace);
        assertThat(world.cluster()
                        .auditLog()
                        .awaitAny(
                                world.auditStart(),
                                entry -> entry.fromKmcp()
                                        && entry.verb().equals("patch")
                                        && entry.resource().equals("configmaps")
                                        && entry.namespace().equals(Optional.of(real))))
                .as("k-mcp's patches of config maps in %s", real)
                .isNotEmpty();
    }

    @Then("the cluster recorded no delete request from k-mcp")
    public void noDeletes() {
        assertThat(kmcpRequests().filter(AuditLog.Entry::isDeletion)).isEmpty();
    }

    private Stream<AuditLog.Entry> kmcpRequests() {
        return world.auditedSinceStart().stream().filter(AuditLog.Entry::fromKmcp);
    }
}
