/** k-mcp's own log lines, kept free of the credentials the redaction rules recognise. */
package io.kmcp.bootstrap.logging;
