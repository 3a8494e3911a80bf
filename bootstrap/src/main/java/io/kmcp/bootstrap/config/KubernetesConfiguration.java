package io.kmcp.bootstrap.config;

import io.kmcp.adapters.kubernetes.ClusterConnection;
import io.kmcp.adapters.kubernetes.DiscoverySettings;
import io.kmcp.adapters.kubernetes.Fabric8AccessReviews;
import io.kmcp.adapters.kubernetes.Fabric8PodLogReader;
import io.kmcp.adapters.kubernetes.Fabric8ResourceCatalog;
import io.kmcp.adapters.kubernetes.Fabric8ResourceReader;
import io.kmcp.adapters.kubernetes.Fabric8ResourceWriter;
import io.kmcp.adapters.kubernetes.KubernetesClientPool;
import io.kmcp.adapters.kubernetes.KubernetesClusters;
import io.kmcp.adapters.kubernetes.PoolSettings;
import io.kmcp.adapters.kubernetes.manifest.SnakeYamlManifestParser;
import io.kmcp.adapters.kubernetes.observability.ApiRequestMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outbound side: clusters, the client pool and the fabric8 adapters of the ports. */
@Configuration(proxyBeanMethods = false)
class KubernetesConfiguration {

    @Bean
    KubernetesClusters kubernetesClusters(KmcpProperties properties) {
        List<KmcpProperties.Cluster> clusters = properties.allClusters();
        if (clusters.isEmpty()) {
            throw new InvalidConfigurationException(ClustersConfigured.NONE);
        }
        Set<String> names = new HashSet<>();
        List<ClusterConnection> connections = clusters.stream()
                .map(cluster -> {
                    if (!names.add(cluster.name())) {
                        throw new InvalidConfigurationException(
                                "two clusters are named \"" + cluster.name() + "\"; cluster names must be unique");
                    }
                    return connection(cluster, properties.timeouts());
                })
                .toList();
        return new KubernetesClusters(connections);
    }

    @Bean(destroyMethod = "close")
    KubernetesClientPool kubernetesClientPool(
            KubernetesClusters clusters, KmcpProperties properties, ApiRequestMetrics requests) {
        return new KubernetesClientPool(
                clusters, new PoolSettings(properties.limits().clients()), requests);
    }

    @Bean
    Fabric8ResourceCatalog resourceCatalog(KubernetesClientPool pool, KmcpProperties properties) {
        return new Fabric8ResourceCatalog(
                pool,
                new DiscoverySettings(
                        properties.timeouts().discoveryCache(), DiscoverySettings.DEFAULT_MIN_REFRESH_INTERVAL));
    }

    @Bean
    Fabric8ResourceReader resourceReader(KubernetesClientPool pool) {
        return new Fabric8ResourceReader(pool);
    }

    @Bean
    Fabric8AccessReviews accessReviews(KubernetesClientPool pool) {
        return new Fabric8AccessReviews(pool);
    }

    @Bean
    Fabric8PodLogReader podLogReader(KubernetesClientPool pool) {
        return new Fabric8PodLogReader(pool);
    }

    @Bean
    Fabric8ResourceWriter resourceWriter(KubernetesClientPool pool) {
        return new Fabric8ResourceWriter(pool);
    }

    @Bean
    SnakeYamlManifestParser manifestParser() {
        return new SnakeYamlManifestParser();
    }

    private static ClusterConnection connection(KmcpProperties.Cluster cluster, KmcpProperties.Timeouts timeouts) {
        Optional<String> ca = Optional.ofNullable(cluster.certificateAuthority())
                .map(path -> {
                    try {
                        return Files.readString(path, StandardCharsets.US_ASCII);
                    } catch (IOException e) {
                        throw new InvalidConfigurationException("cannot read the certificate authority of cluster \""
                                + cluster.name() + "\" from " + path + ": " + e.getMessage());
                    }
                });
        try {
            return new ClusterConnection(
                    cluster.name(),
                    cluster.apiServer(),
                    ca,
                    Optional.ofNullable(cluster.tlsServerName()),
                    timeouts.connect(),
                    timeouts.request(),
                    false);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(e.getMessage(), e);
        }
    }
}
