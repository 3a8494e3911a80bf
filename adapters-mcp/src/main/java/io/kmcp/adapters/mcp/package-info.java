/** Inbound adapter: the MCP tools over Streamable HTTP and the bearer-token authentication in front of them. */
package io.kmcp.adapters.mcp;
