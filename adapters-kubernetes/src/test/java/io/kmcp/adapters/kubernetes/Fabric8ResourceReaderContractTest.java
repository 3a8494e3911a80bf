package io.kmcp.adapters.kubernetes;

import io.kmcp.application.port.out.ClusterUnderContract;
import io.kmcp.application.port.out.ResourceReader;
import io.kmcp.application.port.out.ResourceReaderContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The fabric8 reader on a real kube-apiserver reads as a ResourceReader must")
class Fabric8ResourceReaderContractTest extends ResourceReaderContract {

    private final RealClusterUnderContract cluster = RealClusterUnderContract.get();

    @Override
    protected ClusterUnderContract cluster() {
        return cluster;
    }

    @Override
    protected ResourceReader reader() {
        return new Fabric8ResourceReader(cluster.pool);
    }
}
