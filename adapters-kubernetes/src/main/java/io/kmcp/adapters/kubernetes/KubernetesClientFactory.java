package io.kmcp.adapters.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kmcp.application.BearerToken;

/** Makes the client of one caller on one cluster; the pool decides when, and when to close it. */
@FunctionalInterface
interface KubernetesClientFactory extends AutoCloseable {

    KubernetesClient create(ClusterConnection connection, BearerToken token);

    /** Releases what the factory shares between clients, once the pool has closed them. */
    @Override
    default void close() {}
}
