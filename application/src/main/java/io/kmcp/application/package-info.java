/**
 * The use cases of k-mcp ({@code port.in}), the capabilities they need from the outside world
 * ({@code port.out}) and the services that enforce the domain's policy between the two.
 */
package io.kmcp.application;
