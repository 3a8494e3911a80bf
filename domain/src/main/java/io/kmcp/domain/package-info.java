/**
 * The rules of k-mcp in plain Java: how a caller's words name a Kubernetes type, which types and
 * verbs this server refuses whatever RBAC allows, and how manifests become an apply plan. Depends on
 * the JDK only, so other tools (manifest audits, CI checks) can reuse the same policy.
 */
package io.kmcp.domain;
