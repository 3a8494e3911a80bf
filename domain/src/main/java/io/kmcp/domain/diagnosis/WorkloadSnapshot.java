package io.kmcp.domain.diagnosis;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob: what was asked and what is.
 *
 * @param selector the pod selector's match labels
 * @param desired the replicas asked for (desired scheduled pods of a DaemonSet, parallelism of a Job)
 * @param revision the Deployment revision a ReplicaSet carries
 * @param job the pod counts of a Job, zeros otherwise
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
        Optional<String> storageOrNodeHint) {

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
    }

    public Optional<Condition> condition(String type) {
        return conditions.stream()
                .filter(condition -> condition.type().equals(type))
                .findFirst();
    }

    public String kind() {
        return ref.kind();
    }
}
