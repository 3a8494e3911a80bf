package io.kmcp.adapters.mcp.tool.archfixture;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

/** Deliberately broken: a tool that answers with one lane's SDK type, so the other lane cannot serve it. */
public class ToolSpeakingTheSdk {
    public CallToolResult call() {
        return CallToolResult.builder().addTextContent("only for 2025-11-25").build();
    }
}
