package io.kmcp.domain.apply;

import java.util.Objects;

/** One line of the plan a person confirms: a document and what applying it would do. */
public record DocumentPreview(Manifest manifest, PlannedChange change) {

    public DocumentPreview {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(change, "change");
    }

    /** {@code document 2 (apps/v1 Deployment shop/web) will change spec.replicas}. */
    public String describe() {
        return manifest.describe() + " " + change.describe();
    }
}
