package io.kmcp.acceptance.driver;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ElicitFormRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * An AI agent's MCP client: the MCP Java SDK over Streamable HTTP, authenticated with a
 * service-account token, and, unless its client cannot ask, a scripted user who answers the
 * questions the server asks (elicitation).
 */
public final class Agent implements AutoCloseable {

    /** What the agent's user does when the server asks something. */
    public enum Answer {
        /** Fills in the form: approves a plan, or gives the value asked for if they have one in mind. */
        ACCEPTS,
        DECLINES,
        /** Dismisses the question without choosing. */
        DISMISSES
    }

    /**
     * The person behind the agent, or nobody: a client that cannot ask declares no elicitation.
     *
     * @param reachable false for a client without elicitation
     * @param values what the user fills in when they accept, by form field ({@code confirm},
     *     {@code namespace} …); a field they have no value for makes them dismiss the question
     */
    public record User(boolean reachable, Answer answer, Map<String, Object> values) {
        public User {
            Objects.requireNonNull(answer, "answer");
            values = Map.copyOf(values);
        }

        public static User unreachable() {
            return new User(false, Answer.DISMISSES, Map.of());
        }

        public static User approving() {
            return new User(true, Answer.ACCEPTS, Map.of("confirm", true));
        }

        public static User declining() {
            return new User(true, Answer.DECLINES, Map.of());
        }

        public static User dismissing() {
            return new User(true, Answer.DISMISSES, Map.of());
        }

        public User alsoAnswering(String field, Object value) {
            Map<String, Object> more = new LinkedHashMap<>(values);
            more.put(field, value);
            return new User(reachable, answer, more);
        }
    }

    /** A question the server asked the user, with the fields of its form. */
    public record Question(String message, List<String> fields) {}

    private final McpSyncClient client;
    private final List<Question> questions = new CopyOnWriteArrayList<>();
    private final List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
    private final AtomicInteger progressTokens = new AtomicInteger();

    private Agent(URI mcp, String token, User user) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(
                        mcp.resolve("/").toString())
                .endpoint(mcp.getPath())
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .build();
        McpClient.SyncSpec spec = McpClient.sync(transport)
                .clientInfo(new McpSchema.Implementation("k-mcp-acceptance", "1.0"))
                .requestTimeout(Duration.ofSeconds(60))
                .progressConsumer(progress::add);
        if (user.reachable()) {
            spec = spec.capabilities(
                            McpSchema.ClientCapabilities.builder().elicitation().build())
                    .elicitation(request -> answer(user, request));
        }
        this.client = spec.build();
        try {
            this.client.initialize();
        } catch (RuntimeException refused) {
            this.client.close();
            throw refused;
        }
    }

    /** Connects and initializes a session; throws when k-mcp refuses the connection. */
    public static Agent connect(URI mcp, String token, User user) {
        return new Agent(mcp, token, user);
    }

    private ElicitResult answer(User user, ElicitFormRequest request) {
        List<String> fields = fieldsOf(request.requestedSchema());
        questions.add(new Question(request.message(), fields));
        return switch (user.answer()) {
            case DECLINES -> new ElicitResult(ElicitResult.Action.DECLINE, null);
            case DISMISSES -> new ElicitResult(ElicitResult.Action.CANCEL, null);
            case ACCEPTS -> {
                Map<String, Object> content = new LinkedHashMap<>();
                fields.forEach(field -> {
                    if (user.values().containsKey(field)) {
                        content.put(field, user.values().get(field));
                    }
                });
                yield content.size() == fields.size()
                        ? new ElicitResult(ElicitResult.Action.ACCEPT, content)
                        : new ElicitResult(ElicitResult.Action.CANCEL, null);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static List<String> fieldsOf(Map<String, Object> schema) {
        Object properties = schema == null ? null : schema.get("properties");
        return properties instanceof Map<?, ?> map ? List.copyOf(((Map<String, Object>) map).keySet()) : List.of();
    }

    public ToolOutcome call(String tool, Map<String, Object> arguments) {
        return outcome(client.callTool(new CallToolRequest(tool, arguments)));
    }

    /**
     * Calls with a progress token of its own, as a client does that shows its user how a long call
     * goes; the notifications k-mcp sends for it are in {@link #progress()}.
     */
    public FollowedCall callFollowingProgress(String tool, Map<String, Object> arguments) {
        String token = "progress-" + progressTokens.incrementAndGet();
        return new FollowedCall(
                outcome(client.callTool(new CallToolRequest(tool, arguments, Map.of("progressToken", token)))), token);
    }

    /** A call made with a progress token, and the token. */
    public record FollowedCall(ToolOutcome outcome, String progressToken) {}

    /** The progress notifications k-mcp sent this agent, in the order they arrived. */
    public List<McpSchema.ProgressNotification> progress() {
        return List.copyOf(progress);
    }

    private static ToolOutcome outcome(CallToolResult result) {
        String text = result.content().stream()
                .filter(TextContent.class::isInstance)
                .map(content -> ((TextContent) content).text())
                .collect(Collectors.joining("\n"));
        return new ToolOutcome(Boolean.TRUE.equals(result.isError()), text, result.structuredContent());
    }

    /**
     * Completes an argument of a prompt as a client does while its user types, the other arguments
     * typed so far as context; throws the client's error when k-mcp refuses the request.
     */
    public Completed complete(String prompt, String argument, String typed, Map<String, String> others) {
        McpSchema.CompleteResult.CompleteCompletion completion = client.completeCompletion(
                        new McpSchema.CompleteRequest(
                                new McpSchema.PromptReference(prompt),
                                new McpSchema.CompleteRequest.CompleteArgument(argument, typed),
                                new McpSchema.CompleteRequest.CompleteContext(others)))
                .completion();
        return new Completed(completion.values(), completion.total(), completion.hasMore());
    }

    /** The names of the prompts k-mcp offers. */
    public List<String> prompts() {
        return client.listPrompts().prompts().stream()
                .map(McpSchema.Prompt::name)
                .toList();
    }

    /** The text of a prompt for these arguments; throws the client's error when k-mcp refuses them. */
    public String prompt(String prompt, Map<String, String> arguments) {
        return client
                .getPrompt(new McpSchema.GetPromptRequest(prompt, new LinkedHashMap<>(arguments)))
                .messages()
                .stream()
                .map(McpSchema.PromptMessage::content)
                .filter(TextContent.class::isInstance)
                .map(content -> ((TextContent) content).text())
                .collect(Collectors.joining("\n"));
    }

    public List<McpSchema.Tool> tools() {
        return client.listTools().tools();
    }

    /** The questions the server asked this agent's user, in order. */
    public List<Question> questions() {
        return List.copyOf(questions);
    }

    @Override
    public void close() {
        client.closeGracefully();
    }

    /** What a completion offered: at most 100 values, how many there are, whether more exist. */
    public record Completed(List<String> values, Integer total, Boolean hasMore) {}

    /** What a tool call came to, as an agent sees it. */
    public record ToolOutcome(boolean isError, String text, Object structured) {}
}
