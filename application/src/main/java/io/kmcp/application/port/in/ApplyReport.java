package io.kmcp.application.port.in;

import io.kmcp.domain.apply.DocumentOutcome;
import io.kmcp.domain.apply.DocumentPreview;
import java.util.List;
import java.util.Objects;

/**
 * What an apply request came to: the previewed plan, in apply order, and what happened to each
 * document.
 *
 * @param outcomes one per document once an apply was attempted (or refused by a dry run); empty when
 *     nothing was attempted (dry run, declined, awaiting confirmation)
 */
public record ApplyReport(Status status, List<DocumentPreview> plan, List<DocumentOutcome> outcomes) {

    public ApplyReport {
        Objects.requireNonNull(status, "status");
        plan = List.copyOf(plan);
        outcomes = List.copyOf(outcomes);
    }

    public enum Status {
        /** A dry run was asked for: the plan, nothing applied. */
        PREVIEWED,
        /** Every document was applied (or was already as written). */
        APPLIED,
        /** The user declined: nothing applied. */
        DECLINED,
        /** The user dismissed the question: nothing applied. */
        CANCELLED,
        /** No one could be asked: nothing applied; confirm explicitly to apply. */
        CONFIRMATION_REQUIRED,
        /** A dry run failed: nothing applied. */
        REJECTED,
        /** Applying stopped at a failure: earlier documents are applied, later ones are not. */
        FAILED
    }
}
