/**
 * The MCP tools: each turns JSON arguments into a query of a use case and its answer into compact
 * text plus {@code structuredContent} that matches the tool's output schema. Every failure becomes
 * an {@code isError} result; nothing reaches the client as a protocol error.
 */
package io.kmcp.adapters.mcp.tool;
