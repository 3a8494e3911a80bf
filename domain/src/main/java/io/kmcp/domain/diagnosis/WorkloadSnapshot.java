package io.kmcp.domain.diagnosis;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob: what was asked and what is.
 *
 * @param selector the pod selector's match labels
 * @param desired the replicas asked for (desired scheduled pods of a DaemonSet, parallelism of a Job)
 * @param revision the Deployment revision a ReplicaSet carries
 * @param job the pod counts of a Job, zeros otherwise
 * @param deletion the deletion asked for, while the workload is still there
 */
public record WorkloadSnapshot(
        ObjectRef ref,
        Map<String, String> selector,
        Optional<Integer> desired,
        int ready,
        int updated,
        int available,
        long generation,
        long observedGeneration,
        List<Condition> conditions,
        List<OwnerRef> owners,
        Optional<String> revision,
        JobCounts job,
        boolean suspended,
        Optional<Instant> lastScheduleTime,
        Optional<Integer> backoffLimit,
        Map<String, String> templateLabels,
        Optional<String> storageOrNodeHint,
        Optional<Deletion> deletion) {

    /** The controllers that report observedGeneration; Jobs and CronJobs do not. */
    private static final Set<String> GENERATION_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet");

    public record JobCounts(int active, int succeeded, int failed) {

        public static final JobCounts NONE = new JobCounts(0, 0, 0);
    }

    public WorkloadSnapshot {
        Objects.requireNonNull(ref, "ref");
        selector = Map.copyOf(selector);
        Objects.requireNonNull(desired, "desired");
        conditions = List.copyOf(conditions);
        owners = List.copyOf(owners);
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(lastScheduleTime, "lastScheduleTime");
        Objects.requireNonNull(backoffLimit, "backoffLimit");
        templateLabels = Map.copyOf(templateLabels);
        Objects.requireNonNull(storageOrNodeHint, "storageOrNodeHint");
        Objects.requireNonNull(deletion, "deletion");
    }

    public Optional<Condition> condition(String type) {
        return Condition.ofType(conditions, type);
    }

    public String kind() {
        return ref.kind();
    }

    public boolean isJob() {
        return kind().equals("Job");
    }

    /** Whether the kind has an observedGeneration: for Jobs and CronJobs its absence means nothing. */
    public boolean reportsObservedGeneration() {
        return GENERATION_KINDS.contains(kind());
    }

    /** The controller has not acted on the latest change yet: observedGeneration is behind generation. */
    public boolean generationNotObserved() {
        return reportsObservedGeneration() && observedGeneration < generation;
    }

    /** The Progressing condition of a Deployment past its progress deadline. */
    public Optional<Condition> progressDeadlineExceeded() {
        return condition("Progressing")
                .filter(condition -> condition.isFalse()
                        && condition
                                .reason()
                                .filter("ProgressDeadlineExceeded"::equals)
                                .isPresent());
    }

    /** The ReplicaFailure condition of a Deployment or ReplicaSet whose pods cannot be created. */
    public Optional<Condition> replicaFailure() {
        return condition("ReplicaFailure").filter(Condition::isTrue);
    }

    /** The Complete condition of a Job that completed. */
    public Optional<Condition> completion() {
        return condition("Complete").filter(Condition::isTrue);
    }

    /** The Failed condition of a Job its controller gave up on. */
    public Optional<Condition> failure() {
        return condition("Failed").filter(Condition::isTrue);
    }
}
