/**
 * What this server refuses whatever RBAC allows: Secrets, ServiceAccounts (with their tokens), every
 * RBAC object, and the types an operator adds. Answers carry a reason an agent can act on, and the
 * same {@link io.kmcp.domain.policy.AccessPolicy} serves the server, offline manifest audits and any
 * other Java tool.
 */
package io.kmcp.domain.policy;
