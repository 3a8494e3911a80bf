package io.kmcp.bootstrap.config;

import java.util.List;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Stops start-up before anything else happens when no cluster is configured, the one setting k-mcp
 * cannot do without: a container started bare exits at once with one line saying what to set, instead of
 * failing later inside the web server's start. Added by {@code main} only: tests configure their
 * clusters after the environment is prepared.
 */
public final class ClustersConfigured implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String NONE = "no cluster is configured: pass --api-server https://HOST:PORT"
            + " (and --certificate-authority FILE), or list kmcp.clusters in application.yaml";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        List<KmcpProperties.Cluster> clusters = Binder.get(event.getEnvironment())
                .bind("kmcp", KmcpProperties.class)
                .map(KmcpProperties::allClusters)
                .orElse(List.of());
        if (clusters.isEmpty()) {
            throw new InvalidConfigurationException(NONE);
        }
    }
}
