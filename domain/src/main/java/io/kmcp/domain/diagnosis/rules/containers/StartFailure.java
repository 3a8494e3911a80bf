package io.kmcp.domain.diagnosis.rules.containers;

import java.util.Locale;
import java.util.Optional;

/**
 * What the container runtime says when it cannot create or start a container (CreateContainerError,
 * RunContainerError, a StartError or ContainerCannotRun end), and what to do about the usual ones.
 */
final class StartFailure {

    private StartFailure() {}

    /** The next step for the runtime's message, when it is one of the usual ones. */
    static Optional<String> advice(String message) {
        String text = message.toLowerCase(Locale.ROOT);
        if (text.contains("executable file not found") || text.contains("no such file or directory")) {
            return Optional.of("the command it runs is not in the image: fix command/args or the image");
        }
        if (text.contains("exec format error")) {
            return Optional.of("the image is built for another CPU architecture than the node's");
        }
        if (text.contains("permission denied")) {
            return Optional.of("its user may not run the command or read what it needs: check the image and"
                    + " the securityContext");
        }
        if (text.contains("is already in use") || text.contains("name is reserved")) {
            return Optional.of("the runtime still holds an earlier container of that name: this usually passes;"
                    + " if it lasts, check the node's container runtime");
        }
        return Optional.empty();
    }
}
