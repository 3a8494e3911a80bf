/**
 * Bearer authentication of MCP requests: the claim checks k-mcp owns whatever decoder verifies the
 * signature, the {@link io.kmcp.application.Caller} built from a verified token, and the 401
 * challenge that points clients at the protected-resource metadata.
 */
package io.kmcp.adapters.mcp.security;
