package io.kmcp.adapters.kubernetes;

import io.kmcp.application.Caller;
import io.kmcp.application.port.out.ClusterUnderContract;
import io.kmcp.application.port.out.ResourceCatalog;
import io.kmcp.application.port.out.ResourceCatalogContract;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

@DisplayName("fabric8 discovery on a real kube-apiserver answers as a ResourceCatalog must")
class Fabric8ResourceCatalogContractTest extends ResourceCatalogContract {

    private static final String GROUP = "contract.kmcp.io";

    private final RealClusterUnderContract cluster = RealClusterUnderContract.get();
    // A catalog of its own for each test, refreshing whenever asked, so no test sees another's cache.
    private final Fabric8ResourceCatalog catalog =
            new Fabric8ResourceCatalog(cluster.pool, new DiscoverySettings(Duration.ofMinutes(5), Duration.ZERO));

    @Override
    protected ResourceCatalog catalog() {
        return catalog;
    }

    @Override
    protected ClusterUnderContract cluster() {
        return cluster;
    }

    @Override
    protected Caller anotherCaller() {
        // No RBAC grant at all: discovery is open to every authenticated user.
        return cluster.cluster.callerFor(cluster.cluster.access().serviceAccount("port-contracts", "nobody"));
    }

    @Override
    protected String installWidgets() {
        cluster.cluster.access().customResourceDefinition(GROUP, "Widget", "widgets", List.of("wdg"));
        return "widgets.v1." + GROUP;
    }
}
