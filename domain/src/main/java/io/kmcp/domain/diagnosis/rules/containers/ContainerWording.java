package io.kmcp.domain.diagnosis.rules.containers;

import io.kmcp.domain.diagnosis.ContainerSnapshot;
import io.kmcp.domain.diagnosis.ContainerState;
import io.kmcp.domain.diagnosis.rules.Wording;

/** How the container rules name a container and tell how it ended. */
final class ContainerWording {

    private ContainerWording() {}

    /** "container app", or "init container migrate": a failing init container holds up the whole pod. */
    static String phrase(ContainerSnapshot container) {
        return (container.init() ? "init container " : "container ") + container.name();
    }

    /** "exit code 1 (Error) after ~2s". */
    static String exit(ContainerState terminated) {
        return "exit code " + terminated.exitCode().map(String::valueOf).orElse("unknown")
                + terminated.reason().map(reason -> " (" + reason + ")").orElse("")
                + terminated
                        .ranFor()
                        .map(ran -> " after ~" + Wording.human(ran))
                        .orElse("");
    }
}
