package io.kmcp.application.service;

import io.kmcp.application.Caller;
import io.kmcp.application.port.out.AccessReviews;
import io.kmcp.application.port.out.AccessReviews.Rule;
import io.kmcp.application.port.out.AccessReviewsContract;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The in-memory RBAC answers as AccessReviews must")
class FakeAccessReviewsContractTest extends AccessReviewsContract {

    private final FakeAccessReviews fake = new FakeAccessReviews()
            .grant(
                    TestTypes.CALLER.subject(),
                    "team",
                    new Rule(List.of("get", "list", "delete"), List.of(""), List.of("configmaps"), List.of()))
            .grant(
                    TestTypes.CALLER.subject(),
                    "team",
                    new Rule(List.of("get"), List.of(""), List.of("secrets"), List.of()));

    @Override
    protected AccessReviews reviews() {
        return fake;
    }

    @Override
    protected Caller reviewer() {
        return TestTypes.CALLER;
    }

    @Override
    protected String namespace() {
        return "team";
    }

    @Override
    protected String otherNamespace() {
        return "elsewhere";
    }
}
