package io.kmcp.application.port.in;

import java.util.Objects;

/**
 * @param manifests one or more YAML or JSON documents, {@code kind: List} included
 * @param dryRun true to get the plan without asking anyone and without applying
 */
public record ApplyCommand(String manifests, boolean dryRun) {

    public ApplyCommand {
        Objects.requireNonNull(manifests, "manifests");
    }
}
