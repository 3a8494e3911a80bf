package io.kmcp.adapters.mcp.tool;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;

/** The definition every read-only tool shares: it changes nothing, and it reads a live cluster. */
final class ReadOnlyTools {

    private ReadOnlyTools() {}

    static Tool definition(String name, String title, String description, String inputSchema, String outputSchema) {
        return Tool.builder()
                .name(name)
                .title(title)
                .description(description)
                .inputSchema(McpJsonDefaults.getMapper(), inputSchema)
                .outputSchema(McpJsonDefaults.getMapper(), outputSchema)
                .annotations(ToolAnnotations.builder()
                        .title(title)
                        .readOnlyHint(true)
                        .destructiveHint(false)
                        .idempotentHint(true)
                        .openWorldHint(true)
                        .build())
                .build();
    }
}
