package io.kmcp.adapters.mcp.support;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ClientCapabilities;
import io.modelcontextprotocol.spec.McpSchema.ElicitFormRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/** The MCP Java SDK client over real HTTP, with a bearer token; it checks structured content against output schemas. */
public final class McpClients {

    private McpClients() {}

    public static McpSyncClient connect(int port, String token) {
        return connect(port, token, null);
    }

    /** A client that declares elicitation and answers with the handler, when one is given. */
    public static McpSyncClient connect(int port, String token, Function<ElicitFormRequest, ElicitResult> elicitation) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(
                        "http://localhost:" + port)
                .endpoint("/mcp")
                .httpRequestCustomizer(
                        (request, method, uri, body, context) -> request.header("Authorization", "Bearer " + token))
                .build();
        McpClient.SyncSpec spec =
                McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).enableCallToolSchemaCaching(true);
        if (elicitation != null) {
            spec.capabilities(ClientCapabilities.builder().elicitation().build())
                    .elicitation(elicitation);
        } else {
            spec.capabilities(ClientCapabilities.builder().build());
        }
        McpSyncClient client = spec.build();
        client.initialize();
        // Caches the output schemas, so that every tool result is validated against its schema.
        client.listTools();
        return client;
    }

    public static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new CallToolRequest(tool, arguments));
    }

    public static String text(CallToolResult result) {
        return result.content().stream()
                .filter(TextContent.class::isInstance)
                .map(content -> ((TextContent) content).text())
                .reduce("", String::concat);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> structured(CallToolResult result) {
        return (Map<String, Object>) result.structuredContent();
    }
}
