package io.kmcp.acceptance.driver;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An AI agent's MCP client: the MCP Java SDK over Streamable HTTP, authenticated with a service-account
 * token, optionally able to ask its user (elicitation) with a scripted answer.
 */
public final class Agent implements AutoCloseable {

    /** How the agent's user answers a question from the server, if the client can ask at all. */
    public enum User {
        UNREACHABLE,
        ACCEPTS,
        DECLINES,
        CANCELS
    }

    private final McpSyncClient client;
    private final List<String> questions = new ArrayList<>();

    private Agent(URI mcp, String token, User user) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(
                        mcp.resolve("/").toString())
                .endpoint(mcp.getPath())
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .build();
        McpClient.SyncSpec spec = McpClient.sync(transport)
                .clientInfo(new McpSchema.Implementation("k-mcp-acceptance", "1.0"))
                .requestTimeout(Duration.ofSeconds(60));
        if (user != User.UNREACHABLE) {
            spec = spec.capabilities(
                            McpSchema.ClientCapabilities.builder().elicitation().build())
                    .elicitation(request -> {
                        questions.add(request.message());
                        return switch (user) {
                            case ACCEPTS -> new ElicitResult(ElicitResult.Action.ACCEPT, Map.of("confirm", true));
                            case DECLINES -> new ElicitResult(ElicitResult.Action.DECLINE, null);
                            default -> new ElicitResult(ElicitResult.Action.CANCEL, null);
                        };
                    });
        }
        this.client = spec.build();
        this.client.initialize();
    }

    public static Agent connect(URI mcp, String token, User user) {
        return new Agent(mcp, token, user);
    }

    public ToolOutcome call(String tool, Map<String, Object> arguments) {
        CallToolResult result = client.callTool(new CallToolRequest(tool, arguments));
        String text = result.content().stream()
                .filter(TextContent.class::isInstance)
                .map(content -> ((TextContent) content).text())
                .collect(Collectors.joining("\n"));
        return new ToolOutcome(Boolean.TRUE.equals(result.isError()), text, result.structuredContent());
    }

    public List<String> toolNames() {
        return client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
    }

    /** The questions the server asked this agent's user. */
    public List<String> questions() {
        return List.copyOf(questions);
    }

    @Override
    public void close() {
        client.closeGracefully();
    }

    /** What a tool call came to, as an agent sees it. */
    public record ToolOutcome(boolean isError, String text, Object structured) {}
}
