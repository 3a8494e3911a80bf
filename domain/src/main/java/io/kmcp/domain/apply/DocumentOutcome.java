package io.kmcp.domain.apply;

import java.util.Objects;

/** One line of the report after applying: a document and what happened to it. */
public record DocumentOutcome(Manifest manifest, ApplyOutcome outcome) {

    public DocumentOutcome {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** {@code document 2 (apps/v1 Deployment shop/web): configured (spec.replicas)}. */
    public String describe() {
        return manifest.describe() + ": " + outcome.describe();
    }
}
