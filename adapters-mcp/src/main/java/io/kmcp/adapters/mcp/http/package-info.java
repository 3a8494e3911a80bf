/**
 * The HTTP surface around the MCP endpoint: the checks a request passes before and after
 * authentication (Origin, body size, protocol version, session ownership) and the health check.
 */
package io.kmcp.adapters.mcp.http;
