package io.kmcp.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.kmcp.acceptance.TwoClusterProduct;
import io.kmcp.acceptance.World;
import io.kmcp.acceptance.driver.Agent;
import io.kmcp.acceptance.driver.AuditLog;
import io.kmcp.acceptance.driver.ClusterAdmin;
import io.kmcp.acceptance.driver.ClusterAdmin.ServiceAccount;
import io.kmcp.acceptance.driver.RawHttp;
import io.kmcp.acceptance.driver.TestCluster;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One k-mcp for several clusters: which cluster a token reaches, and which clusters hear nothing of it,
 * as each cluster's audit log records it.
 */
public final class RoutingSteps {

    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);

    private final World world;
    private final Map<String, Long> auditMarks = new HashMap<>();
    private Optional<ServiceAccount> account = Optional.empty();
    private Optional<Agent> connection = Optional.empty();

    public RoutingSteps(World world) {
        this.world = world;
    }

    @After
    public void disconnect() {
        connection.ifPresent(Agent::close);
    }

    @Given("k-mcp serves two clusters, {string} and {string}")
    public void twoClusters(String first, String second) {
        assertThat(List.of(first, second)).containsExactlyInAnyOrder(TwoClusterProduct.EAST, TwoClusterProduct.WEST);
        TwoClusterProduct.get();
    }

    @Given("the agent's service account exists on both clusters and may read config maps on each")
    public void accountOnBothClusters() {
        for (String name : List.of(TwoClusterProduct.EAST, TwoClusterProduct.WEST)) {
            ClusterAdmin admin = cluster(name).admin();
            ServiceAccount created = admin.serviceAccount(world.name("agents"), "agent");
            String role = world.unique("can-read-configmaps");
            admin.clusterRole(role, List.of(ClusterAdmin.rule("", "configmaps", List.of("get", "list", "watch"))));
            admin.grantClusterWide(created, role);
            admin.awaitAllowed(created, "list", "", "configmaps", Optional.empty());
            account = Optional.of(created);
        }
    }

    @Given("cluster {string} holds a config map {string} in namespace {string}")
    public void configMapOn(String cluster, String configMap, String namespace) {
        ClusterAdmin admin = cluster(cluster).admin();
        admin.namespace(world.name(namespace));
        admin.configMap(world.name(namespace), configMap, Map.of(), Map.of("cluster", cluster), "operator");
    }

    @When("the agent lists {string} in namespace {string} with a token that cluster {string} minted for itself")
    public void listWithTokenOf(String resource, String namespace, String name) {
        TestCluster cluster = cluster(name);
        String token = cluster.admin()
                .mintToken(account(), List.of(cluster.apiServerUrl(), "k-mcp", cluster.issuer()), TOKEN_LIFETIME);
        markAuditLogs();
        Agent agent = Agent.connect(TwoClusterProduct.get().server().mcpUri(), token, Agent.User.unreachable());
        connection = Optional.of(agent);
        world.remember(agent.call(
                "resource_list", Map.of("resource", world.real(resource), "namespace", world.name(namespace))));
    }

    @When("the agent connects with a token that cluster {string} minted for both clusters")
    public void connectWithTokenForBoth(String name) {
        TestCluster minter = cluster(name);
        String token = minter.admin()
                .mintToken(
                        account(),
                        List.of(
                                cluster(TwoClusterProduct.EAST).apiServerUrl(),
                                cluster(TwoClusterProduct.WEST).apiServerUrl(),
                                "k-mcp",
                                minter.issuer()),
                        TOKEN_LIFETIME);
        markAuditLogs();
        RawHttp http = new RawHttp(TwoClusterProduct.get().server().baseUri());
        world.remember(http.post(Optional.of(token), Optional.empty(), RawHttp.INITIALIZE));
    }

    @Then("cluster {string} received k-mcp's requests for the agent")
    public void receivedRequests(String name) {
        String username = account().username();
        assertThat(cluster(name)
                        .auditLog()
                        .awaitAny(
                                mark(name),
                                entry -> entry.fromKmcp()
                                        && entry.json()
                                                .path("user")
                                                .path("username")
                                                .asText()
                                                .equals(username)))
                .as("requests k-mcp sent %s for %s", name, username)
                .isNotEmpty();
    }

    @Then("cluster {string} received no request from k-mcp")
    public void receivedNothing(String name) {
        assertThat(cluster(name).auditLog().since(mark(name)).stream().filter(AuditLog.Entry::fromKmcp))
                .as("requests k-mcp sent %s", name)
                .isEmpty();
    }

    private void markAuditLogs() {
        for (String name : List.of(TwoClusterProduct.EAST, TwoClusterProduct.WEST)) {
            auditMarks.put(name, cluster(name).auditLogPosition());
        }
    }

    private long mark(String name) {
        Long mark = auditMarks.get(name);
        assertThat(mark)
                .as("the audit log of %s, marked before the agent connected", name)
                .isNotNull();
        return mark;
    }

    private ServiceAccount account() {
        return account.orElseThrow(
                () -> new IllegalStateException("the agent has no service account on the clusters yet"));
    }

    private static TestCluster cluster(String name) {
        return TwoClusterProduct.get().cluster(name);
    }
}
