package io.kmcp.application.service;

import io.kmcp.application.BearerToken;
import io.kmcp.application.Caller;
import io.kmcp.application.port.out.ClusterUnderContract;
import io.kmcp.application.port.out.ResourceCatalog;
import io.kmcp.application.port.out.ResourceCatalogContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The in-memory cluster's discovery answers as a ResourceCatalog must")
class FakeResourceCatalogContractTest extends ResourceCatalogContract {

    private final FakeCluster fake = new FakeCluster(TestTypes.CATALOG);

    @Override
    protected ResourceCatalog catalog() {
        return fake;
    }

    @Override
    protected ClusterUnderContract cluster() {
        return new FakeClusterUnderContract(fake);
    }

    @Override
    protected Caller anotherCaller() {
        Caller caller = TestTypes.CALLER;
        return new Caller(
                caller.cluster(),
                "system:serviceaccount:team:other",
                new BearerToken("other.token.signature", caller.expiresAt()));
    }

    @Override
    protected String installWidgets() {
        fake.afterRefresh(TestTypes.CATALOG_WITH_WIDGETS);
        return TestTypes.WIDGETS.fullyQualifiedName();
    }
}
