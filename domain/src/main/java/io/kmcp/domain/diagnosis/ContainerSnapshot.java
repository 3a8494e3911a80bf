package io.kmcp.domain.diagnosis;

import java.util.Objects;
import java.util.Optional;

/**
 * A container of a pod: its spec's image and memory limit and its status.
 *
 * @param lastTermination the previous instance's end, when the container restarted
 */
public record ContainerSnapshot(
        String name,
        String image,
        boolean init,
        boolean ready,
        int restartCount,
        ContainerState state,
        Optional<ContainerState> lastTermination,
        Optional<String> memoryLimit) {

    public ContainerSnapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastTermination, "lastTermination");
        Objects.requireNonNull(memoryLimit, "memoryLimit");
    }

    /**
     * The end that was an OOM kill: the current state, or else the previous instance's, since a
     * container killed for its memory is restarted and then waits in CrashLoopBackOff.
     */
    public Optional<ContainerState> oomKill() {
        return Optional.of(state)
                .filter(ContainerState::oomKilled)
                .or(() -> lastTermination.filter(ContainerState::oomKilled));
    }
}
