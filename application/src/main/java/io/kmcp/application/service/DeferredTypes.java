package io.kmcp.application.service;

import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.domain.type.ResourceType;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Waits for a type to appear in discovery: a CustomResourceDefinition applied a moment ago serves its
 * kind only once the API server has established it, which takes a few seconds.
 */
public final class DeferredTypes {

    private final Duration timeout;
    private final Duration interval;

    public DeferredTypes(Duration timeout, Duration interval) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    public static DeferredTypes standard() {
        return new DeferredTypes(Duration.ofSeconds(30), Duration.ofSeconds(1));
    }

    /** The type once it resolves; any failure other than "unknown type" is thrown at once. */
    public ResourceType await(Supplier<ResourceType> lookup) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return lookup.get();
            } catch (RequestFailedException e) {
                if (e.problem().reason() != Reason.UNKNOWN_TYPE || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RequestFailedException(Reason.UNAVAILABLE, "interrupted while waiting for a new type");
            }
        }
    }
}
