package io.kmcp.adapters.kubernetes;

import io.kmcp.application.port.out.ClusterUnderContract;
import io.kmcp.application.port.out.ResourceReader;
import io.kmcp.application.port.out.ResourceWriter;
import io.kmcp.application.port.out.ResourceWriterContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The fabric8 writer on a real kube-apiserver applies as a ResourceWriter must")
class Fabric8ResourceWriterContractTest extends ResourceWriterContract {

    private final RealClusterUnderContract cluster = RealClusterUnderContract.get();

    @Override
    protected ClusterUnderContract cluster() {
        return cluster;
    }

    @Override
    protected ResourceWriter writer() {
        return new Fabric8ResourceWriter(cluster.pool);
    }

    @Override
    protected ResourceReader reader() {
        return new Fabric8ResourceReader(cluster.pool);
    }
}
