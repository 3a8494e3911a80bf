package io.kmcp.application.service;

import static io.kmcp.application.service.TestTypes.PODS;
import static io.kmcp.application.service.TestTypes.WIDGETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.domain.type.ResourceType;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Waiting for a new type to appear in discovery")
class DeferredTypesTest {

    private final AtomicInteger lookups = new AtomicInteger();

    @Test
    @DisplayName("a type that resolves at once is returned at once")
    void resolvesAtOnce() {
        assertThat(DeferredTypes.standard().await(counted(() -> PODS))).isEqualTo(PODS);
        assertThat(lookups).hasValue(1);
    }

    @Test
    @DisplayName("an unknown type is looked up again at each interval until it resolves")
    void waitsForUnknownType() {
        DeferredTypes deferred = new DeferredTypes(Duration.ofSeconds(10), Duration.ofMillis(1));

        ResourceType type = deferred.await(counted(() -> {
            if (lookups.get() < 3) {
                throw unknown();
            }
            return WIDGETS;
        }));

        assertThat(type).isEqualTo(WIDGETS);
        assertThat(lookups).hasValue(3);
    }

    @Test
    @DisplayName("any failure other than an unknown type is rethrown at once, without a second lookup")
    void otherFailuresAtOnce() {
        DeferredTypes deferred = new DeferredTypes(Duration.ofMillis(300), Duration.ofMillis(10));
        RequestFailedException forbidden = new RequestFailedException(Reason.FORBIDDEN, "RBAC denied: cannot get");

        assertThatThrownBy(() -> deferred.await(counted(() -> {
                    throw forbidden;
                })))
                .isSameAs(forbidden);
        assertThat(lookups).hasValue(1);
    }

    @Test
    @DisplayName("after the timeout it gives up with the unknown type, having looked it up once per interval")
    void givesUpAfterTimeout() {
        Duration timeout = Duration.ofMillis(60);
        Duration interval = Duration.ofMillis(15);
        DeferredTypes deferred = new DeferredTypes(timeout, interval);
        long started = System.nanoTime();

        assertThatThrownBy(() -> deferred.await(counted(() -> {
                    throw unknown();
                })))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.UNKNOWN_TYPE));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(timeout);
        // One lookup at the start, one after each interval slept, one more once the deadline has passed.
        assertThat(lookups.get()).isBetween(2, (int) (timeout.toMillis() / interval.toMillis()) + 2);
    }

    @Test
    @DisplayName("an interrupt ends the wait as UNAVAILABLE and leaves the thread interrupted")
    void interrupted() {
        // The interrupt is pending before the first sleep, so the wait ends long before the timeout.
        DeferredTypes deferred = new DeferredTypes(Duration.ofMillis(300), Duration.ofSeconds(10));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> deferred.await(counted(() -> {
                        throw unknown();
                    })))
                    .isInstanceOfSatisfying(
                            RequestFailedException.class,
                            e -> assertThat(e.problem().reason()).isEqualTo(Reason.UNAVAILABLE));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    private Supplier<ResourceType> counted(Supplier<ResourceType> lookup) {
        return () -> {
            lookups.incrementAndGet();
            return lookup.get();
        };
    }

    private static RequestFailedException unknown() {
        return new RequestFailedException(Reason.UNKNOWN_TYPE, "No resource type on this cluster matches \"widgets\".");
    }
}
