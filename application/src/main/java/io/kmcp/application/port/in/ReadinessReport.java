package io.kmcp.application.port.in;

import io.kmcp.domain.apply.Manifest;
import io.kmcp.domain.readiness.Readiness;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a wait came to.
 *
 * @param objects one per object followed, in the order asked
 * @param waited how long the wait took, from its first read to its last
 */
public record ReadinessReport(List<ObjectReadiness> objects, Duration waited) {

    public ReadinessReport {
        objects = List.copyOf(objects);
        Objects.requireNonNull(waited, "waited");
    }

    /** True when every object is ready or has no readiness to wait for. */
    public boolean allReady() {
        return objects.stream().allMatch(object -> object.verdict().fine());
    }

    /** How the wait ended for one object. */
    public enum Verdict {
        /** Rolled out, complete, or Ready. */
        READY,
        /** A kind without readiness: in effect as applied, nothing waited for. */
        NO_READINESS,
        /** Failed in a way no wait mends. */
        FAILED,
        /** Still not ready when the time was up. */
        TIMED_OUT,
        /** Could not be read (not allowed, or gone). */
        UNREADABLE;

        public boolean fine() {
            return this == READY || this == NO_READINESS;
        }
    }

    /**
     * @param last the last thing one read of the object told
     * @param after how long into the wait its verdict was reached
     * @param diagnosis the diagnosis of a workload that failed or timed out
     * @param diagnosisGap why a workload that failed or timed out has no diagnosis
     */
    public record ObjectReadiness(
            Manifest manifest,
            Verdict verdict,
            String last,
            Duration after,
            Optional<WorkloadDiagnosis> diagnosis,
            Optional<String> diagnosisGap) {

        public ObjectReadiness {
            Objects.requireNonNull(manifest, "manifest");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(last, "last");
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(diagnosis, "diagnosis");
            Objects.requireNonNull(diagnosisGap, "diagnosisGap");
        }

        public static ObjectReadiness of(Manifest manifest, Verdict verdict, Readiness readiness, Duration after) {
            return new ObjectReadiness(
                    manifest, verdict, readiness.detail(), after, Optional.empty(), Optional.empty());
        }
    }
}
