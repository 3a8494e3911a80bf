package io.kmcp.adapters.kubernetes;

import io.kmcp.application.Caller;
import io.kmcp.application.port.out.ClusterUnderContract;
import io.kmcp.domain.resource.ResourceQuery;
import io.kmcp.domain.type.ApiCatalog;
import io.kmcp.domain.type.ResourceType;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The shared control plane as the port contracts see it: a cluster-admin caller with a real token,
 * the types as discovery describes them, and objects stored by the administrator. One per test JVM,
 * like the control plane.
 */
final class RealClusterUnderContract implements ClusterUnderContract {

    private static RealClusterUnderContract instance;

    final RealCluster cluster = new RealCluster();
    final KubernetesClientPool pool = cluster.newPool();
    private final Caller caller = cluster.clusterAdminCaller("port-contracts");
    private final ResourceType configMaps;
    private final ResourceType namespaces;

    private RealClusterUnderContract() {
        ApiCatalog catalog = RealCluster.eventually(
                () -> new Fabric8ResourceCatalog(pool, DiscoverySettings.defaults()).catalog(caller));
        configMaps = RealCluster.type(catalog, "configmaps.v1");
        namespaces = RealCluster.type(catalog, "namespaces.v1");
        // The grant reaches the authoriser a moment after it is made.
        RealCluster.eventually(() -> new Fabric8ResourceReader(pool).list(caller, ResourceQuery.of(namespaces)));
    }

    static synchronized RealClusterUnderContract get() {
        if (instance == null) {
            instance = new RealClusterUnderContract();
        }
        return instance;
    }

    @Override
    public Caller caller() {
        return caller;
    }

    @Override
    public ResourceType configMaps() {
        return configMaps;
    }

    @Override
    public ResourceType namespaces() {
        return namespaces;
    }

    @Override
    public void store(ResourceType type, Map<String, Object> object) {
        var admin = cluster.admin();
        var resources = Fabric8Objects.resources(admin, type);
        var resource = Fabric8Objects.fromMap(admin, object);
        String namespace = resource.getMetadata().getNamespace();
        (namespace == null
                        ? resources.resource(resource)
                        : resources.inNamespace(namespace).resource(resource))
                .serverSideApply();
    }

    @Override
    public <T> T eventually(Callable<T> attempt) {
        return RealCluster.eventually(attempt);
    }
}
