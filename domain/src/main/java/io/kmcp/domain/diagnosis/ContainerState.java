package io.kmcp.domain.diagnosis;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One of a container's states: waiting, running or terminated, with what the kubelet said about it. */
public record ContainerState(
        Phase phase,
        Optional<String> reason,
        Optional<String> message,
        Optional<Integer> exitCode,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt) {

    public enum Phase {
        WAITING,
        RUNNING,
        TERMINATED,
        UNKNOWN
    }

    public static final ContainerState UNKNOWN = new ContainerState(
            Phase.UNKNOWN, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public ContainerState {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }

    /** How long the container ran, when it started and finished. */
    public Optional<Duration> ranFor() {
        if (startedAt.isEmpty() || finishedAt.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(startedAt.get(), finishedAt.get()));
    }

    public boolean waitingWith(String expected) {
        return waitingReason().filter(expected::equals).isPresent();
    }

    /** Why the container waits, when it does. */
    public Optional<String> waitingReason() {
        return phase == Phase.WAITING ? reason : Optional.empty();
    }

    /** Ended with exit code 0: an init container in this state is done, not holding its pod back. */
    public boolean succeeded() {
        return phase == Phase.TERMINATED && exitCode.filter(code -> code == 0).isPresent();
    }

    /** Ended with an error; an end without an exit code is neither a success nor a failure. */
    public boolean failed() {
        return phase == Phase.TERMINATED && exitCode.filter(code -> code != 0).isPresent();
    }

    /** Killed by the kernel for using more memory than the container's limit allows. */
    public boolean oomKilled() {
        return phase == Phase.TERMINATED && reason.filter("OOMKilled"::equals).isPresent();
    }
}
