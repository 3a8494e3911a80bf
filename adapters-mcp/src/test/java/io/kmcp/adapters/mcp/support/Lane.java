package io.kmcp.adapters.mcp.support;

import io.modelcontextprotocol.modern.McpSchema;
import java.util.Map;

/**
 * A protocol lane as a test reaches it: the 2025-11-25 client with its session, or the 2026-07-28
 * client without one. A scenario that runs through both shows the lanes behave the same.
 */
public enum Lane {
    STATEFUL {
        @Override
        public Answer call(int port, String token, String tool, Map<String, Object> arguments) {
            io.modelcontextprotocol.client.McpSyncClient client = McpClients.connect(port, token);
            try {
                io.modelcontextprotocol.spec.McpSchema.CallToolResult result = McpClients.call(client, tool, arguments);
                return new Answer(
                        McpClients.text(result),
                        McpClients.structured(result),
                        Boolean.TRUE.equals(result.isError()),
                        result.meta() == null ? Map.of() : result.meta());
            } finally {
                client.closeGracefully();
            }
        }
    },
    SESSIONLESS {
        @Override
        public Answer call(int port, String token, String tool, Map<String, Object> arguments) {
            McpSchema.CallToolResult result = SessionlessClients.connect(port, token)
                    .tool(tool)
                    .arguments(arguments)
                    .call();
            Map<String, Object> meta = result.meta() == null ? Map.of() : new java.util.HashMap<>(result.meta());
            // The sessionless lane names the server in every result's _meta; it says nothing about the call.
            meta.remove("io.modelcontextprotocol/serverInfo");
            return new Answer(
                    SessionlessClients.text(result),
                    SessionlessClients.structured(result),
                    Boolean.TRUE.equals(result.isError()),
                    meta);
        }
    };

    /** One call of a tool with a fresh client, as an agent would make it. */
    public abstract Answer call(int port, String token, String tool, Map<String, Object> arguments);

    /** A tool's answer, whichever lane gave it. */
    public record Answer(String text, Map<String, Object> structured, boolean isError, Map<String, Object> meta) {}
}
