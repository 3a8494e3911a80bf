package io.kmcp.domain.audit;

import io.kmcp.domain.apply.Position;
import java.util.Objects;
import java.util.Optional;

/**
 * A document the policy would refuse, or could not check. The identifying fields are as written in the
 * document, absent where the document lacks them.
 */
public record AuditFinding(
        Position position,
        Optional<String> apiVersion,
        Optional<String> kind,
        Optional<String> namespace,
        Optional<String> name,
        String reason) {

    public AuditFinding {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code document 3 (v1 Secret shop/db): secrets is restricted by this server's policy …}. */
    public String describe() {
        String object = namespace.map(ns -> ns + "/").orElse("") + name.orElse("<unnamed>");
        return position + " (" + apiVersion.orElse("<no apiVersion>") + " " + kind.orElse("<no kind>") + " " + object
                + "): " + reason;
    }
}
