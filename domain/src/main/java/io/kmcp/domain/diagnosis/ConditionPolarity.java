package io.kmcp.domain.diagnosis;

import java.util.List;
import java.util.Set;

/**
 * Which status of a condition type means trouble. Most types say something good when True (Ready,
 * Available, Accepted, ResolvedRefs, Established, AbleToScale …); a known few say something bad when
 * True (MemoryPressure, ReplicaFailure, Stalled …); a few only inform (ScalingLimited, Suspended) or,
 * like Progressing, are bad only when False. Types nobody listed are taken as positive, the convention
 * of the API (and of Kubernetes' own guidance for new conditions).
 */
public enum ConditionPolarity {

    /** True is good; False or Unknown is trouble. */
    POSITIVE,
    /** True is trouble; Unknown is trouble too, since the controller cannot tell. */
    NEGATIVE,
    /** Only False is trouble: True and Unknown mean work in progress (Progressing of a Deployment). */
    FALSE_IS_TROUBLE,
    /** Never trouble by itself: the state is told elsewhere, or is a choice (ScalingLimited, Suspended). */
    INFORMATIONAL;

    private static final Set<String> NEGATIVE_TYPES = Set.of(
            "MemoryPressure",
            "DiskPressure",
            "PIDPressure",
            "NetworkUnavailable",
            "ReplicaFailure",
            "Failed",
            "FailureTarget",
            "Stalled",
            "Degraded",
            "Conflicted",
            "NamespaceContentRemaining",
            "NamespaceFinalizersRemaining");

    /** Name endings that say trouble whatever the prefix: DiskPressure, NamespaceDeletionContentFailure … */
    private static final List<String> NEGATIVE_ENDINGS = List.of("Pressure", "Failure", "Failed", "Unavailable");

    private static final Set<String> INFORMATIONAL_TYPES = Set.of(
            "ScalingLimited",
            "Suspended",
            "Reconciling",
            "Complete",
            "SuccessCriteriaMet",
            "DisruptionTarget",
            "Resizing",
            "FileSystemResizePending",
            "Terminating");

    public static ConditionPolarity of(String type) {
        if (type.equals("Progressing")) {
            return FALSE_IS_TROUBLE;
        }
        if (INFORMATIONAL_TYPES.contains(type)) {
            return INFORMATIONAL;
        }
        if (NEGATIVE_TYPES.contains(type) || NEGATIVE_ENDINGS.stream().anyMatch(type::endsWith)) {
            return NEGATIVE;
        }
        return POSITIVE;
    }

    /** Whether a condition of this polarity with that status ("True", "False", "Unknown") tells of trouble. */
    public boolean troubled(String status) {
        return switch (this) {
            case POSITIVE -> !status.equals("True");
            case NEGATIVE -> !status.equals("False");
            case FALSE_IS_TROUBLE -> status.equals("False");
            case INFORMATIONAL -> false;
        };
    }
}
