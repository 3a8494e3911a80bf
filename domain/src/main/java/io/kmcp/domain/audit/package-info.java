/**
 * The access policy applied to manifests without a cluster: which documents this server would
 * refuse, for a command-line audit, an admission check or CI.
 */
package io.kmcp.domain.audit;
