/** Outbound adapter: the Kubernetes API reached through the fabric8 client, one pooled client per caller. */
package io.kmcp.adapters.kubernetes;
