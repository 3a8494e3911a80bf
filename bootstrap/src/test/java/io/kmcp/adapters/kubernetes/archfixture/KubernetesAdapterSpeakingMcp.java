package io.kmcp.adapters.kubernetes.archfixture;

import io.kmcp.adapters.mcp.archfixture.McpAdapterReachingIntoKubernetesAdapter;
import io.modelcontextprotocol.spec.McpSchema;

/** Deliberately broken: the outbound adapter building MCP results and knowing the inbound adapter. */
public class KubernetesAdapterSpeakingMcp {
    public McpSchema.TextContent render(String text) {
        return new McpSchema.TextContent(text);
    }

    public Object back() {
        return new McpAdapterReachingIntoKubernetesAdapter();
    }
}
