package io.kmcp.adapters.kubernetes;

import io.kmcp.adapters.kubernetes.testbed.TestBedAccess.ServiceAccountRef;
import io.kmcp.application.Caller;
import io.kmcp.application.port.out.AccessReviews;
import io.kmcp.application.port.out.AccessReviewsContract;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The self-subject reviews of a real kube-apiserver answer as AccessReviews must")
class Fabric8AccessReviewsContractTest extends AccessReviewsContract {

    private static final String NAMESPACE = "access-contract";
    private static final String OTHER_NAMESPACE = "access-contract-other";

    private static Caller reviewer;

    private final RealClusterUnderContract cluster = RealClusterUnderContract.get();
    private final Fabric8AccessReviews reviews = new Fabric8AccessReviews(cluster.pool);

    @Override
    protected AccessReviews reviews() {
        return reviews;
    }

    @Override
    protected Caller reviewer() {
        synchronized (Fabric8AccessReviewsContractTest.class) {
            if (reviewer == null) {
                var access = cluster.cluster.access();
                access.namespace(OTHER_NAMESPACE)
                        .clusterRole(
                                "access-contract-configmaps",
                                "",
                                List.of("configmaps"),
                                List.of("get", "list", "delete"))
                        .clusterRole("access-contract-secrets", "", List.of("secrets"), List.of("get"));
                ServiceAccountRef account = access.serviceAccount(NAMESPACE, "reviewer");
                access.grantInNamespace(account, NAMESPACE, "access-contract-configmaps")
                        .grantInNamespace(account, NAMESPACE, "access-contract-secrets");
                reviewer = cluster.cluster.callerFor(account);
            }
            return reviewer;
        }
    }

    @Override
    protected String namespace() {
        return NAMESPACE;
    }

    @Override
    protected String otherNamespace() {
        return OTHER_NAMESPACE;
    }

    @Override
    protected <T> T eventually(Callable<T> attempt) {
        return RealCluster.eventually(attempt);
    }
}
