/**
 * Metrics and traces of the MCP side with Micrometer: the implementations of the observers the tools
 * ({@link io.kmcp.adapters.mcp.tool.ToolCallObserver}) and the bearer authentication ({@link
 * io.kmcp.adapters.mcp.security.TokenRejectionObserver}) report to, and the meters of sessions. Labels
 * are tools, clusters, outcomes and reasons, never a subject or a token.
 */
package io.kmcp.adapters.mcp.observability;
