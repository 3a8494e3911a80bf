package io.kmcp.acceptance.driver;

import io.kmcp.acceptance.driver.Agent.ToolOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Clients calling a tool back to back for a while, with something done to the servers part of the way
 * in. A call that throws (a transport error: the answer never came) is retried once, as an agent's
 * client would; a call that throws again, or answers with a tool error, is a failure.
 */
public final class SteadyLoad {

    /** One client's call, made again and again. */
    @FunctionalInterface
    public interface Call {
        ToolOutcome call();
    }

    /**
     * What the clients saw.
     *
     * @param callsAfterDisruption calls that ended well after the disruption
     * @param failures what each failed call reported, at most a few
     * @param retried what the first try of each retried call reported, at most a few
     */
    public record Report(
            int clients,
            Instant startedAt,
            Duration duration,
            Duration disruptAfter,
            Instant disruptedAt,
            int calls,
            int failed,
            int retries,
            int callsAfterDisruption,
            List<String> failures,
            List<String> retried) {}

    private static final int KEPT = 5;

    private SteadyLoad() {}

    /**
     * Runs {@code clients} clients, each making its calls with a {@link Call} of its own, for the duration;
     * runs {@code disruption} once, {@code disruptAfter} in. Returns when every client's last call ended.
     */
    public static Report run(
            int clients, Duration duration, Duration disruptAfter, Runnable disruption, Supplier<Call> client) {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        AtomicInteger callsAfterDisruption = new AtomicInteger();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        Queue<String> retried = new ConcurrentLinkedQueue<>();
        Instant startedAt = Instant.now();
        AtomicReference<Instant> disruptedAt = new AtomicReference<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        try {
            List<Future<?>> running = new ArrayList<>();
            running.add(pool.submit(() -> {
                sleepUntil(start + disruptAfter.toNanos());
                disruption.run();
                disruptedAt.set(Instant.now());
            }));
            for (int i = 0; i < clients; i++) {
                Call call = client.get();
                running.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        String failure = callRetryingOnce(call, retries, retried);
                        calls.incrementAndGet();
                        if (failure != null) {
                            failed.incrementAndGet();
                            keep(failures, failure);
                        } else if (disruptedAt.get() != null) {
                            callsAfterDisruption.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> each : running) {
                each.get(duration.toSeconds() + 120, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the load did not run to its end", e);
        } finally {
            pool.shutdownNow();
        }
        return new Report(
                clients,
                startedAt,
                duration,
                disruptAfter,
                disruptedAt.get(),
                calls.get(),
                failed.get(),
                retries.get(),
                callsAfterDisruption.get(),
                List.copyOf(failures),
                List.copyOf(retried));
    }

    /** Null when the call ended well, else why it failed. */
    private static String callRetryingOnce(Call call, AtomicInteger retries, Queue<String> retried) {
        ToolOutcome outcome;
        try {
            outcome = call.call();
        } catch (RuntimeException lost) {
            retries.incrementAndGet();
            keep(retried, lost.toString());
            try {
                outcome = call.call();
            } catch (RuntimeException lostAgain) {
                return "lost twice: " + lost + " then " + lostAgain;
            }
        }
        return outcome.isError() ? "tool error: " + outcome.text() : null;
    }

    private static void keep(Queue<String> some, String one) {
        if (some.size() < KEPT) {
            some.add(one);
        }
    }

    private static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
