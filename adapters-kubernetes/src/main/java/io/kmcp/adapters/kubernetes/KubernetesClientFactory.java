package io.kmcp.adapters.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kmcp.application.BearerToken;

/** Makes the client of one caller on one cluster; the pool decides when, and when to close it. */
@FunctionalInterface
interface KubernetesClientFactory {

    KubernetesClient create(ClusterConnection connection, BearerToken token);
}
