/** The use cases of k-mcp, one interface each, taking the caller and a query or command record. */
package io.kmcp.application.port.in;
