package io.kmcp.application.service;

import io.kmcp.application.port.out.ClusterUnderContract;
import io.kmcp.application.port.out.ResourceReader;
import io.kmcp.application.port.out.ResourceReaderContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The in-memory cluster reads as a ResourceReader must")
class FakeResourceReaderContractTest extends ResourceReaderContract {

    private final FakeCluster fake = new FakeCluster(TestTypes.CATALOG);

    @Override
    protected ClusterUnderContract cluster() {
        return new FakeClusterUnderContract(fake);
    }

    @Override
    protected ResourceReader reader() {
        return fake;
    }
}
