package io.kmcp.application.port.out;

import io.kmcp.application.Caller;

/**
 * Asks the caller's API server who the caller's token belongs to (a SelfSubjectReview), so that a
 * bound token revoked before its expiry stops working at once. Needs no permission beyond being
 * authenticated.
 */
public interface IdentityReview {

    /**
     * The username the API server authenticates the token as.
     *
     * @throws io.kmcp.application.RequestFailedException with {@code UNAUTHORIZED} if it rejects the token
     */
    String usernameOf(Caller caller);
}
