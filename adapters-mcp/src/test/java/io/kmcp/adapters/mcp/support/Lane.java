package io.kmcp.adapters.mcp.support;

import io.modelcontextprotocol.modern.McpSchema;
import java.util.List;
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

        @Override
        public Completed complete(
                int port, String token, String prompt, String argument, String value, Map<String, String> context) {
            io.modelcontextprotocol.client.McpSyncClient client = McpClients.connect(port, token);
            try {
                var completion = client.completeCompletion(new io.modelcontextprotocol.spec.McpSchema.CompleteRequest(
                                new io.modelcontextprotocol.spec.McpSchema.PromptReference(prompt),
                                new io.modelcontextprotocol.spec.McpSchema.CompleteRequest.CompleteArgument(
                                        argument, value),
                                new io.modelcontextprotocol.spec.McpSchema.CompleteRequest.CompleteContext(context)))
                        .completion();
                return new Completed(completion.values(), completion.total(), completion.hasMore());
            } finally {
                client.closeGracefully();
            }
        }

        @Override
        public Prompted prompt(int port, String token, String prompt, Map<String, String> arguments) {
            io.modelcontextprotocol.client.McpSyncClient client = McpClients.connect(port, token);
            try {
                List<String> names = client.listPrompts().prompts().stream()
                        .map(io.modelcontextprotocol.spec.McpSchema.Prompt::name)
                        .toList();
                var result = client.getPrompt(new io.modelcontextprotocol.spec.McpSchema.GetPromptRequest(
                        prompt, new java.util.HashMap<String, Object>(arguments)));
                return new Prompted(
                        names,
                        result.messages().stream()
                                .map(message ->
                                        ((io.modelcontextprotocol.spec.McpSchema.TextContent) message.content()).text())
                                .reduce("", String::concat));
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

        @Override
        public Completed complete(
                int port, String token, String prompt, String argument, String value, Map<String, String> context) {
            McpSchema.CompleteResult.Completion completion = SessionlessClients.connect(port, token)
                    .completion(new McpSchema.PromptReference(prompt), argument, value)
                    .context(context)
                    .complete()
                    .completion();
            return new Completed(completion.values(), completion.total(), completion.hasMore());
        }

        @Override
        public Prompted prompt(int port, String token, String prompt, Map<String, String> arguments) {
            var client = SessionlessClients.connect(port, token);
            List<String> names = client.prompts().list().prompts().stream()
                    .map(McpSchema.Prompt::name)
                    .toList();
            McpSchema.GetPromptResult result =
                    client.prompt(prompt).arguments(arguments).get();
            return new Prompted(
                    names,
                    result.messages().stream()
                            .map(message -> ((McpSchema.TextContent) message.content()).text())
                            .reduce("", String::concat));
        }
    };

    /** One call of a tool with a fresh client, as an agent would make it. */
    public abstract Answer call(int port, String token, String tool, Map<String, Object> arguments);

    /** A completion of a prompt's argument with a fresh client; a refusal is thrown as the SDK's error. */
    public abstract Completed complete(
            int port, String token, String prompt, String argument, String value, Map<String, String> context);

    /** The prompts listed, and the text of one of them; a refusal is thrown as the SDK's error. */
    public abstract Prompted prompt(int port, String token, String prompt, Map<String, String> arguments);

    public record Completed(List<String> values, Integer total, Boolean hasMore) {}

    public record Prompted(List<String> listed, String text) {}

    /** A tool's answer, whichever lane gave it. */
    public record Answer(String text, Map<String, Object> structured, boolean isError, Map<String, Object> meta) {}
}
