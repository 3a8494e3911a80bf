package io.kmcp.bootstrap.e2e;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** An agent's MCP client over real HTTP, with a bearer token. */
final class McpOverHttp implements AutoCloseable {

    private final McpSyncClient client;

    /** How the agent's user answers a confirmation, if the client can ask one at all. */
    enum User {
        UNREACHABLE,
        ACCEPTS,
        DECLINES
    }

    final List<String> questions = new ArrayList<>();

    McpOverHttp(int port, String token) {
        this(port, token, User.UNREACHABLE);
    }

    McpOverHttp(int port, String token, User user) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(
                        "http://127.0.0.1:" + port)
                .endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .build();
        McpClient.SyncSpec spec = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(60))
                .clientInfo(new McpSchema.Implementation("k-mcp-e2e", "1.0"));
        if (user != User.UNREACHABLE) {
            spec = spec.capabilities(
                            McpSchema.ClientCapabilities.builder().elicitation().build())
                    .elicitation(request -> {
                        questions.add(request.message());
                        return user == User.ACCEPTS
                                ? new McpSchema.ElicitResult(
                                        McpSchema.ElicitResult.Action.ACCEPT, Map.of("confirm", true))
                                : new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.DECLINE, null);
                    });
        }
        client = spec.build();
        client.initialize();
    }

    List<String> toolNames() {
        return client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
    }

    Outcome call(String tool, Map<String, Object> arguments) {
        CallToolResult result = client.callTool(new CallToolRequest(tool, arguments));
        String text = result.content().stream()
                .filter(TextContent.class::isInstance)
                .map(content -> ((TextContent) content).text())
                .collect(Collectors.joining("\n"));
        return new Outcome(Boolean.TRUE.equals(result.isError()), text, result.structuredContent());
    }

    @Override
    public void close() {
        client.closeGracefully();
    }

    record Outcome(boolean isError, String text, Object structured) {}
}
