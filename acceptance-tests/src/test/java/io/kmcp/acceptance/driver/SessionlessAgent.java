package io.kmcp.acceptance.driver;

import io.kmcp.acceptance.driver.Agent.ToolOutcome;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.client.McpClient;
import io.modelcontextprotocol.modern.client.McpSyncClient;
import io.modelcontextprotocol.modern.client.transport.HttpClientMcpTransport;
import io.modelcontextprotocol.modern.client.transport.McpHttpRequestCustomizer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An agent's client of the sessionless protocol (MCP 2026-07-28): the MCP Java SDK's modern client over
 * HTTP, every request carrying the service-account token, and a user who approves every plan when the
 * client can ask. No request depends on an earlier one reaching the same server.
 */
public final class SessionlessAgent {

    private static final Map<String, Object> APPROVED = Map.of("confirm", true);

    private final McpSyncClient client;

    private SessionlessAgent(McpSyncClient client) {
        this.client = client;
    }

    /** A client whose user approves what they are asked (form elicitation), or one that cannot ask. */
    public static SessionlessAgent of(URI mcp, String token, boolean userApproves) {
        HttpClientMcpTransport transport = HttpClientMcpTransport.builder(mcp)
                .requestCustomizer(McpHttpRequestCustomizer.fromSync(
                        (request, headers, context) -> headers.set("Authorization", "Bearer " + token)))
                .build();
        McpClient.SyncBuilder builder = McpClient.sync(transport)
                .clientInfo(McpSchema.Implementation.builder("k-mcp-acceptance", "1.0")
                        .build())
                .roundTimeout(Duration.ofSeconds(60));
        if (userApproves) {
            builder.formElicitation(question -> McpSchema.ElicitResult.accept(APPROVED));
        }
        return new SessionlessAgent(builder.build());
    }

    /** Completes an argument of a prompt, as {@link Agent#complete} does over the 2025-11-25 protocol. */
    public Agent.Completed complete(String prompt, String argument, String typed, Map<String, String> others) {
        McpSchema.CompleteResult.Completion completion = client.completion(
                        new McpSchema.PromptReference(prompt), argument, typed)
                .context(others)
                .complete()
                .completion();
        return new Agent.Completed(completion.values(), completion.total(), completion.hasMore());
    }

    /** Calls the tool to its end, answering the server's questions on the way; throws what the client throws. */
    public ToolOutcome call(String tool, Map<String, Object> arguments) {
        return outcome(client.tool(tool).arguments(arguments).call());
    }

    /** The first round of a call that asks the user something: the state the retry must send back. */
    public String question(String tool, Map<String, Object> arguments) {
        McpSchema.CallToolOutcome outcome =
                client.tool(tool).arguments(arguments).callOnce();
        if (!(outcome instanceof McpSchema.InputRequiredResult asked)) {
            throw new AssertionError(tool + " asked no question but answered " + outcome);
        }
        return asked.requestState();
    }

    /** Retries a call with the user's yes to its question and the given state, once. */
    public ToolOutcome answer(String tool, Map<String, Object> arguments, String requestState) {
        McpSchema.CallToolOutcome outcome = client.tool(tool)
                .arguments(arguments)
                .inputResponses(Map.of("confirm", Map.of("action", "accept", "content", APPROVED)))
                .requestState(requestState)
                .callOnce();
        if (!(outcome instanceof McpSchema.CallToolResult result)) {
            throw new AssertionError(tool + " asked again instead of answering: " + outcome);
        }
        return outcome(result);
    }

    private static ToolOutcome outcome(McpSchema.CallToolResult result) {
        String text = result.content().stream()
                .filter(McpSchema.TextContent.class::isInstance)
                .map(content -> ((McpSchema.TextContent) content).text())
                .collect(Collectors.joining("\n"));
        return new ToolOutcome(Boolean.TRUE.equals(result.isError()), text, result.structuredContent());
    }
}
