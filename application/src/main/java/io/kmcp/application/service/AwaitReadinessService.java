package io.kmcp.application.service;

import io.kmcp.application.Caller;
import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.AwaitReadiness;
import io.kmcp.application.port.in.DiagnoseWorkload;
import io.kmcp.application.port.in.DiagnoseWorkloadQuery;
import io.kmcp.application.port.in.ReadinessQuery;
import io.kmcp.application.port.in.ReadinessReport;
import io.kmcp.application.port.in.ReadinessReport.ObjectReadiness;
import io.kmcp.application.port.in.ReadinessReport.Verdict;
import io.kmcp.application.port.out.ResourceReader;
import io.kmcp.application.port.out.WaitProgress;
import io.kmcp.domain.apply.Manifest;
import io.kmcp.domain.diagnosis.Labels;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.Snapshots;
import io.kmcp.domain.readiness.Readiness;
import io.kmcp.domain.readiness.Rollout;
import io.kmcp.domain.resource.LabelSelector;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.PageLimit;
import io.kmcp.domain.resource.ResourceKey;
import io.kmcp.domain.resource.ResourceQuery;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.Verb;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Waits for applied objects by looking at them again and again, at a fixed interval, until each has a
 * verdict or the time is up. Each look reads the object and, for a workload controller, lists the pods
 * it selects, so that a container that crash-loops or cannot be pulled ends the wait at once rather
 * than at the timeout. A workload that failed or ran out of time is then diagnosed through the same
 * use case as any diagnosis, so the findings are the ones a diagnosis of it gives.
 *
 * <p>The wait sleeps between looks; a request runs on a virtual thread, so the sleep holds no
 * platform thread.
 */
public final class AwaitReadinessService implements AwaitReadiness {

    /** How long to sleep between two looks: often enough to answer soon, rarely enough to cost little. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

    /** The pods of one workload looked at per look: enough to see a failing container among them. */
    static final int MAX_PODS = 100;

    /** Sleeps between two looks; tests pass one that moves their clock instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final TypeLookup types;
    private final ResourceReader reader;
    private final DiagnoseWorkload diagnose;
    private final Clock clock;
    private final Duration interval;
    private final Sleeper sleeper;

    public AwaitReadinessService(
            TypeLookup types,
            ResourceReader reader,
            DiagnoseWorkload diagnose,
            Clock clock,
            Duration interval,
            Sleeper sleeper) {
        this.types = Objects.requireNonNull(types, "types");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.diagnose = Objects.requireNonNull(diagnose, "diagnose");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval between two looks must be positive, was " + interval);
        }
    }

    public AwaitReadinessService(TypeLookup types, ResourceReader reader, DiagnoseWorkload diagnose, Clock clock) {
        this(types, reader, diagnose, clock, DEFAULT_INTERVAL, duration -> Thread.sleep(duration.toMillis()));
    }

    @Override
    public ReadinessReport await(Caller caller, ReadinessQuery query, WaitProgress progress) {
        Instant start = clock.instant();
        Instant deadline = start.plus(query.timeout());
        List<Followed> followed = query.objects().stream()
                .map(manifest -> new Followed(caller, manifest))
                .toList();
        int look = 0;
        while (true) {
            look++;
            for (Followed object : followed) {
                if (object.verdict == null) {
                    object.look(start);
                }
            }
            List<Followed> pending =
                    followed.stream().filter(object -> object.verdict == null).toList();
            Instant now = clock.instant();
            if (pending.isEmpty()) {
                break;
            }
            if (!now.isBefore(deadline)) {
                pending.forEach(object -> object.settle(Verdict.TIMED_OUT, Duration.between(start, now)));
                break;
            }
            progress.waiting(
                    look,
                    Duration.between(start, now),
                    query.timeout(),
                    pending.stream().map(Followed::describe).toList());
            sleep(min(interval, Duration.between(now, deadline)));
        }
        Duration waited = followed.stream()
                .map(object -> object.after)
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
        return new ReadinessReport(followed.stream().map(Followed::report).toList(), waited);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void sleep(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RequestFailedException(Reason.UNAVAILABLE, "interrupted while waiting for readiness");
        }
    }

    /** One object followed: its key, what the last look saw and, once reached, its verdict. */
    private final class Followed {

        private final Caller caller;
        private final Manifest manifest;
        private Optional<ResourceKey> key = Optional.empty();
        private Optional<Map<String, Object>> lastObject = Optional.empty();
        private String last = "not looked at yet";
        private Verdict verdict;
        private Duration after = Duration.ZERO;

        Followed(Caller caller, Manifest manifest) {
            this.caller = caller;
            this.manifest = manifest;
        }

        void look(Instant start) {
            Duration elapsed;
            try {
                ResourceKey resolved = key.orElseGet(() -> {
                    ResourceType type = types.resolve(caller, manifest.typeReference(), Verb.GET);
                    return ResourceKey.within(manifest.namespace(), type, manifest.name());
                });
                key = Optional.of(resolved);
                Optional<Map<String, Object>> object = reader.get(caller, resolved);
                elapsed = Duration.between(start, clock.instant());
                if (object.isEmpty()) {
                    last = "it no longer exists: something deleted it after it was applied";
                    settle(Verdict.UNREADABLE, elapsed);
                    return;
                }
                lastObject = object;
                Rollout rollout = Rollout.of(object.get());
                Readiness readiness = rollout.readiness(pods(rollout));
                last = readiness.detail();
                if (readiness instanceof Readiness.Ready) {
                    settle(Verdict.READY, elapsed);
                } else if (readiness instanceof Readiness.NotTracked) {
                    settle(Verdict.NO_READINESS, elapsed);
                } else if (readiness instanceof Readiness.Failed) {
                    settle(Verdict.FAILED, elapsed);
                }
            } catch (RequestFailedException refused) {
                last = "it could not be read: " + refused.getMessage();
                settle(Verdict.UNREADABLE, Duration.between(start, clock.instant()));
            }
        }

        /** The pods the workload selects; when they cannot be listed, the object's own status decides alone. */
        private List<PodSnapshot> pods(Rollout rollout) {
            Optional<Map<String, String>> selector = rollout.podSelector();
            Optional<NamespaceName> namespace = manifest.namespace();
            if (selector.isEmpty() || namespace.isEmpty()) {
                return List.of();
            }
            try {
                ResourceType podType = types.resolve(caller, "pods.v1", Verb.LIST);
                ResourceQuery query = ResourceQuery.of(podType)
                        .inNamespace(namespace.get())
                        .withLabelSelector(new LabelSelector(Labels.selector(selector.get())))
                        .withLimit(new PageLimit(MAX_PODS));
                return reader.list(caller, query).items().stream()
                        .map(Snapshots::pod)
                        .toList();
            } catch (RequestFailedException notListed) {
                return List.of();
            }
        }

        void settle(Verdict reached, Duration elapsed) {
            verdict = reached;
            after = elapsed;
        }

        String describe() {
            return manifest.describe() + ": " + last;
        }

        ObjectReadiness report() {
            ObjectReadiness plain =
                    new ObjectReadiness(manifest, verdict, last, after, Optional.empty(), Optional.empty());
            boolean unhappy = verdict == Verdict.FAILED || verdict == Verdict.TIMED_OUT;
            if (!unhappy || lastObject.isEmpty() || key.isEmpty()) {
                return plain;
            }
            if (!Rollout.of(lastObject.get()).diagnosable()) {
                return plain;
            }
            ResourceKey resolved = key.get();
            try {
                return new ObjectReadiness(
                        manifest,
                        verdict,
                        last,
                        after,
                        Optional.of(diagnose.diagnose(
                                caller,
                                new DiagnoseWorkloadQuery(
                                        Optional.of(resolved.type().fullyQualifiedName()),
                                        resolved.name().value(),
                                        resolved.namespace().orElseThrow().value()))),
                        Optional.empty());
            } catch (RequestFailedException refused) {
                return new ObjectReadiness(
                        manifest,
                        verdict,
                        last,
                        after,
                        Optional.empty(),
                        Optional.of("it could not be diagnosed: " + refused.getMessage()));
            }
        }
    }
}
