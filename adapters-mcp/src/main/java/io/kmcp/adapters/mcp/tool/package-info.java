/**
 * The MCP tools, free of any MCP SDK type: each tool is one {@link
 * io.kmcp.adapters.mcp.tool.ToolDeclaration} (name, description, effect, argument specs, output
 * schema, call) that turns JSON arguments into a query of a use case and its answer into compact
 * text plus structured content that matches the output schema. Every protocol lane serves the same
 * declarations through a {@link io.kmcp.adapters.mcp.tool.ToolRunner}; every failure becomes an
 * error answer, never a protocol error.
 */
package io.kmcp.adapters.mcp.tool;
