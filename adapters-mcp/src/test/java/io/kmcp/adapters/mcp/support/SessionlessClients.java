package io.kmcp.adapters.mcp.support;

import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.client.McpClient;
import io.modelcontextprotocol.modern.client.McpSyncClient;
import io.modelcontextprotocol.modern.client.McpSyncElicitationHandler;
import io.modelcontextprotocol.modern.client.transport.HttpClientMcpTransport;
import io.modelcontextprotocol.modern.client.transport.McpHttpRequestCustomizer;
import java.time.Duration;
import java.util.Map;

/** The MCP Java SDK's sessionless (2026-07-28) client over real HTTP, with a bearer token. */
public final class SessionlessClients {

    private SessionlessClients() {}

    public static McpSyncClient connect(int port, String token) {
        return connect(port, token, null);
    }

    /** A client that declares form elicitation and answers with the handler, when one is given. */
    public static McpSyncClient connect(
            int port, String token, McpSyncElicitationHandler<McpSchema.ElicitFormRequest> elicitation) {
        HttpClientMcpTransport transport = HttpClientMcpTransport.builder("http://localhost:" + port + "/mcp")
                .requestCustomizer(McpHttpRequestCustomizer.fromSync(
                        (request, headers, context) -> headers.set("Authorization", "Bearer " + token)))
                .build();
        McpClient.SyncBuilder builder = McpClient.sync(transport)
                .clientInfo(McpSchema.Implementation.builder("k-mcp-tests", "1").build())
                .roundTimeout(Duration.ofSeconds(30));
        if (elicitation != null) {
            builder.formElicitation(elicitation);
        }
        return builder.build();
    }

    public static String text(McpSchema.CallToolResult result) {
        return result.content().stream()
                .filter(McpSchema.TextContent.class::isInstance)
                .map(content -> ((McpSchema.TextContent) content).text())
                .reduce("", String::concat);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> structured(McpSchema.CallToolResult result) {
        return (Map<String, Object>) result.structuredContent();
    }
}
