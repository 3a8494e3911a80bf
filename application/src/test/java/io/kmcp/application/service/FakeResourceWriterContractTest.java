package io.kmcp.application.service;

import io.kmcp.application.port.out.ClusterUnderContract;
import io.kmcp.application.port.out.ResourceReader;
import io.kmcp.application.port.out.ResourceWriter;
import io.kmcp.application.port.out.ResourceWriterContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The in-memory cluster applies as a ResourceWriter must")
class FakeResourceWriterContractTest extends ResourceWriterContract {

    private final FakeCluster fake = new FakeCluster(TestTypes.CATALOG);

    @Override
    protected ClusterUnderContract cluster() {
        return new FakeClusterUnderContract(fake);
    }

    @Override
    protected ResourceWriter writer() {
        return fake;
    }

    @Override
    protected ResourceReader reader() {
        return fake;
    }
}
