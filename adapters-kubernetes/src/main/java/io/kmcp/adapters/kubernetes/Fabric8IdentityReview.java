package io.kmcp.adapters.kubernetes;

import io.fabric8.kubernetes.api.model.authentication.SelfSubjectReview;
import io.fabric8.kubernetes.api.model.authentication.SelfSubjectReviewStatus;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kmcp.application.Caller;
import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.out.IdentityReview;
import java.util.Objects;
import java.util.Optional;

/** Who the API server says the caller's token belongs to, from a SelfSubjectReview made with that token. */
public final class Fabric8IdentityReview implements IdentityReview {

    private final KubernetesClientPool pool;

    public Fabric8IdentityReview(KubernetesClientPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public String usernameOf(Caller caller) {
        try {
            SelfSubjectReview review = pool.withClient(
                    caller,
                    client -> client.authentication().v1().selfSubjectReviews().create(new SelfSubjectReview()));
            return Optional.ofNullable(review.getStatus())
                    .map(SelfSubjectReviewStatus::getUserInfo)
                    .map(UserInfo::getUsername)
                    .orElseThrow(() -> new RequestFailedException(
                            Reason.UNAVAILABLE, "the API server's SelfSubjectReview named no user"));
        } catch (KubernetesClientException e) {
            if (e.getCode() == 401) {
                throw new RequestFailedException(
                        Reason.UNAUTHORIZED,
                        "the API server no longer accepts this token (revoked, or its service account was"
                                + " deleted); request a new one");
            }
            throw Fabric8Problems.translate(
                    e, ApiCall.selfSubjectReview(caller, pool.clusters().connection(caller.cluster())));
        }
    }
}
