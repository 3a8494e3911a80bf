package io.kmcp.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.acceptance.driver.Agent;
import io.kmcp.acceptance.driver.Agent.ToolOutcome;
import io.kmcp.acceptance.driver.Agent.User;
import io.kmcp.acceptance.driver.AuditLog;
import io.kmcp.acceptance.driver.ClusterAdmin;
import io.kmcp.acceptance.driver.ClusterAdmin.ServiceAccount;
import io.kmcp.acceptance.driver.KmcpServer;
import io.kmcp.acceptance.driver.RawHttp;
import io.kmcp.acceptance.driver.TestCluster;
import io.modelcontextprotocol.spec.McpSchema;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state of one scenario, shared by its steps (picocontainer makes one per scenario). Names a
 * feature uses for cluster-wide things (namespaces, API groups) are the feature's own: each is made
 * unique to the scenario with a suffix, and {@link #real} turns any text of the feature (a manifest,
 * an expected message) into the names the cluster and k-mcp actually see.
 */
public final class World {

    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final String suffix = randomSuffix();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, AgentInScenario> agents = new LinkedHashMap<>();
    private Optional<ToolOutcome> lastOutcome = Optional.empty();
    private Optional<RawHttp.Answer> lastAnswer = Optional.empty();
    private long auditStart;
    private TestCluster cluster;
    private KmcpServer server;
    private List<McpSchema.Tool> tools = List.of();
    private final List<String> installedTypes = new java.util.ArrayList<>();

    public World() {
        Product product = Product.get();
        cluster = product.cluster();
        server = product.server();
        auditStart = cluster.auditLogPosition();
    }

    /**
     * From now on this scenario runs against another cluster and the k-mcp in front of it (the cluster
     * with workloads): its agents, set-up and audit log are that cluster's. Only before the first agent.
     */
    public void runOn(TestCluster cluster, KmcpServer server) {
        assertThat(agents)
                .as("agents of the scenario before it moved to another cluster")
                .isEmpty();
        this.cluster = cluster;
        this.server = server;
        this.auditStart = cluster.auditLogPosition();
    }

    private static String randomSuffix() {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return suffix.toString();
    }

    public TestCluster cluster() {
        return cluster;
    }

    /** The k-mcp process this scenario's agents talk to. */
    public KmcpServer server() {
        return server;
    }

    public ClusterAdmin admin() {
        return cluster().admin();
    }

    public RawHttp http() {
        return new RawHttp(server.baseUri());
    }

    /**
     * The scenario's own name for a namespace or an API group the feature calls {@code logical}:
     * {@code shop} becomes {@code shop-x7k2q}, {@code alpha.example.com} becomes
     * {@code alpha-x7k2q.example.com}.
     */
    public String name(String logical) {
        return names.computeIfAbsent(logical, given -> {
            int dot = given.indexOf('.');
            return dot < 0 ? given + "-" + suffix : given.substring(0, dot) + "-" + suffix + given.substring(dot);
        });
    }

    /** A name of the operator's own (a ClusterRole …) that no other scenario uses. */
    public String unique(String base) {
        return base + "-" + suffix;
    }

    /** Records a custom type the operator installed in this scenario, fully qualified. */
    public void installed(String pluralDotGroup) {
        installedTypes.add(pluralDotGroup);
    }

    /** The custom types the operator installed in this scenario, fully qualified. */
    public List<String> installedTypes() {
        return List.copyOf(installedTypes);
    }

    /** The text with every name of this scenario replaced by its real name. */
    public String real(String text) {
        String result = text;
        List<String> logical = names.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        for (String name : logical) {
            // A name stands alone: not part of a longer name, but it may end a sentence or be followed by a path.
            Pattern standalone = Pattern.compile("(?<![\\w-])" + Pattern.quote(name) + "(?![\\w-]|\\.\\w)");
            result = standalone.matcher(result).replaceAll(Matcher.quoteReplacement(names.get(name)));
        }
        return result;
    }

    /** The agent of that role in this scenario, with a service account of its own. */
    public AgentInScenario agent(String role) {
        return agents.computeIfAbsent(role, given -> {
            String home = name("agents");
            ServiceAccount account = admin().serviceAccount(home, given);
            return new AgentInScenario(account);
        });
    }

    public void remember(ToolOutcome outcome) {
        lastOutcome = Optional.of(outcome);
    }

    public ToolOutcome lastOutcome() {
        return lastOutcome.orElseThrow(() -> new IllegalStateException("no agent has called a tool yet"));
    }

    public void rememberTools(List<McpSchema.Tool> tools) {
        this.tools = List.copyOf(tools);
    }

    public List<McpSchema.Tool> tools() {
        assertThat(tools).as("the tools the agent was offered").isNotEmpty();
        return tools;
    }

    public void remember(RawHttp.Answer answer) {
        lastAnswer = Optional.of(answer);
    }

    public RawHttp.Answer lastAnswer() {
        return lastAnswer.orElseThrow(() -> new IllegalStateException("nobody has sent k-mcp a request yet"));
    }

    /** What reached the API server since the scenario began. */
    public List<AuditLog.Entry> auditedSinceStart() {
        return cluster().auditLog().since(auditStart);
    }

    public long auditStart() {
        return auditStart;
    }

    void close() {
        agents.values().forEach(AgentInScenario::disconnect);
    }

    /** A service account an agent uses, its user, and its connection to k-mcp once it has one. */
    public final class AgentInScenario {
        private final ServiceAccount account;
        private User user = User.unreachable();
        private Optional<String> token = Optional.empty();
        private Optional<Agent> connection = Optional.empty();

        AgentInScenario(ServiceAccount account) {
            this.account = account;
        }

        public ServiceAccount account() {
            return account;
        }

        public void user(User user) {
            assertThat(connection).as("the agent's client is already connected").isEmpty();
            this.user = user;
        }

        public User user() {
            return user;
        }

        /** A token as the README tells operators to mint one: the API server, k-mcp and the cluster's issuer. */
        public String token() {
            if (token.isEmpty()) {
                token = Optional.of(tokenFor(
                        List.of(cluster().apiServerUrl(), "k-mcp", cluster().issuer())));
            }
            return token.get();
        }

        /** From now on the agent uses this token instead of the usual one. */
        public void useToken(String token) {
            assertThat(connection).as("the agent's client is already connected").isEmpty();
            this.token = Optional.of(token);
        }

        public String tokenFor(List<String> audiences) {
            return admin().mintToken(account, audiences, TOKEN_LIFETIME);
        }

        public Agent connected() {
            if (connection.isEmpty()) {
                connection = Optional.of(Agent.connect(server.mcpUri(), token(), user));
            }
            return connection.get();
        }

        public ToolOutcome call(String tool, Map<String, Object> arguments) {
            ToolOutcome outcome = connected().call(tool, arguments);
            remember(outcome);
            return outcome;
        }

        /** A call with a progress token; the outcome is remembered as any call's. */
        public Agent.FollowedCall callFollowingProgress(String tool, Map<String, Object> arguments) {
            Agent.FollowedCall call = connected().callFollowingProgress(tool, arguments);
            remember(call.outcome());
            return call;
        }

        public List<Agent.Question> questions() {
            return connection.map(Agent::questions).orElse(List.of());
        }

        void disconnect() {
            connection.ifPresent(Agent::close);
            connection = Optional.empty();
        }
    }
}
