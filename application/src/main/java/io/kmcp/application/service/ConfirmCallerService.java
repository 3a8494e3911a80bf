package io.kmcp.application.service;

import io.kmcp.application.Caller;
import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.ConfirmCaller;
import io.kmcp.application.port.out.IdentityReview;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reviews each token with its API server once and remembers the answer, at most until the token
 * expires and at most {@code recheckAfter}, so a revoked token is refused within that time while an
 * agent's many calls cost one review.
 */
public final class ConfirmCallerService implements ConfirmCaller {

    private final IdentityReview review;
    private final Duration recheckAfter;
    private final int maxRemembered;
    private final Clock clock;
    private final Map<String, Instant> confirmedUntil = new ConcurrentHashMap<>();

    public ConfirmCallerService(IdentityReview review, Duration recheckAfter, int maxRemembered, Clock clock) {
        this.review = Objects.requireNonNull(review, "review");
        this.recheckAfter = Objects.requireNonNull(recheckAfter, "recheckAfter");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxRemembered < 1) {
            throw new IllegalArgumentException("maxRemembered must be positive, was " + maxRemembered);
        }
        this.maxRemembered = maxRemembered;
    }

    @Override
    public void confirm(Caller caller) {
        Instant now = clock.instant();
        String key = caller.cluster() + "/" + caller.token().fingerprint();
        Instant until = confirmedUntil.get(key);
        if (until != null && now.isBefore(until)) {
            return;
        }
        String username = review.usernameOf(caller);
        if (!username.equals(caller.subject())) {
            confirmedUntil.remove(key);
            throw new RequestFailedException(
                    Reason.UNAUTHORIZED,
                    "the API server authenticates this token as someone other than its subject; request a new token");
        }
        Instant expiry = caller.expiresAt();
        Instant recheck = now.plus(recheckAfter);
        forgetExpired(now);
        confirmedUntil.put(key, expiry.isBefore(recheck) ? expiry : recheck);
    }

    private void forgetExpired(Instant now) {
        confirmedUntil.values().removeIf(until -> !now.isBefore(until));
        // Still too many live entries: forget some; they are reviewed again on their next call.
        Iterator<String> keys = confirmedUntil.keySet().iterator();
        while (confirmedUntil.size() >= maxRemembered && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
