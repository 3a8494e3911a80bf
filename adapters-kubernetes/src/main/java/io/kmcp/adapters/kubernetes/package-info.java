/**
 * Outbound adapter: the Kubernetes API through the fabric8 client (JDK HTTP client), one pooled
 * client per caller and cluster, with the caller's own token.
 *
 * <p>Wiring, by plain constructors: {@link KubernetesClusters} of {@link ClusterConnection}s, a
 * {@link KubernetesClientPool} over them (close it on shutdown), then {@link Fabric8ResourceCatalog},
 * {@link Fabric8ResourceReader} and {@link Fabric8ResourceWriter} sharing that pool. The manifest
 * parser lives in {@code manifest}. fabric8 types never leave this package.
 */
package io.kmcp.adapters.kubernetes;
