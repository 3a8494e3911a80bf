/**
 * Reading resources: what a list or a get asks for ({@link io.kmcp.domain.resource.ResourceQuery},
 * {@link io.kmcp.domain.resource.ResourceKey}), validated before anything reaches a cluster, and how
 * an object is trimmed of server bookkeeping before an agent reads it ({@link
 * io.kmcp.domain.resource.KubernetesObjects}), and the one tolerant reader of a JSON-decoded object's
 * fields that every ring uses ({@link io.kmcp.domain.resource.JsonTree}).
 */
package io.kmcp.domain.resource;
