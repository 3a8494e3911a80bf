package io.kmcp.acceptance.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.acceptance.driver.Agent.ToolOutcome;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Clients under steady load, with one retry for a lost answer")
class SteadyLoadTest {

    private static final ToolOutcome OK = new ToolOutcome(false, "fine", null);
    private static final Duration SHORT = Duration.ofMillis(300);

    @Test
    @DisplayName("a call lost once and answered on its retry counts as a retry, not a failure")
    void lostOnceIsARetry() {
        AtomicBoolean lost = new AtomicBoolean();

        SteadyLoad.Report report = SteadyLoad.run(1, SHORT, Duration.ZERO, () -> {}, () -> () -> {
            if (lost.compareAndSet(false, true)) {
                throw new IllegalStateException("connection reset");
            }
            pause();
            return OK;
        });

        assertThat(report.retries()).isEqualTo(1);
        assertThat(report.failed()).isZero();
        assertThat(report.retried()).singleElement().asString().contains("connection reset");
        assertThat(report.calls()).isPositive();
    }

    @Test
    @DisplayName("a call lost twice, or answered with a tool error, is a failure")
    void lostTwiceOrToolErrorIsAFailure() {
        AtomicInteger tries = new AtomicInteger();

        SteadyLoad.Report report = SteadyLoad.run(1, SHORT, Duration.ZERO, () -> {}, () -> () -> {
            pause();
            return switch (tries.incrementAndGet()) {
                case 1, 2 -> throw new IllegalStateException("502");
                case 3 -> new ToolOutcome(true, "internal error", null);
                default -> OK;
            };
        });

        assertThat(report.failed()).isEqualTo(2);
        assertThat(report.retries()).isEqualTo(1);
        assertThat(report.failures()).hasSize(2);
        assertThat(report.failures().get(0)).contains("lost twice");
        assertThat(report.failures().get(1)).contains("tool error: internal error");
    }

    @Test
    @DisplayName("the disruption runs once, part of the way in, and the calls after it are counted")
    void disruptsOnce() {
        AtomicInteger disruptions = new AtomicInteger();

        SteadyLoad.Report report =
                SteadyLoad.run(2, SHORT, Duration.ofMillis(100), disruptions::incrementAndGet, () -> () -> {
                    pause();
                    return OK;
                });

        assertThat(disruptions).hasValue(1);
        assertThat(report.disruptedAt()).isAfter(report.startedAt());
        assertThat(report.callsAfterDisruption()).isPositive().isLessThan(report.calls());
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
