package io.kmcp.adapters.kubernetes.testbed;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * Retries an attempt until it succeeds or time runs out. A real API server applies some changes a
 * moment after accepting them: RBAC grants reach the authoriser through an informer, a new CRD is
 * served once established, a revoked token stays cached for up to ten seconds.
 */
public final class Eventually {

    public static final Duration RBAC_PROPAGATION = Duration.ofSeconds(10);

    private Eventually() {}

    /** The attempt's result once it neither throws nor fails an assertion, within {@link #RBAC_PROPAGATION}. */
    public static <T> T eventually(Callable<T> attempt) {
        return within(RBAC_PROPAGATION, attempt);
    }

    public static <T> T within(Duration timeout, Callable<T> attempt) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                return attempt.call();
            } catch (Exception | AssertionError e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("still failing after " + timeout, e);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
