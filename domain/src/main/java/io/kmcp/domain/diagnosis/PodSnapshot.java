package io.kmcp.domain.diagnosis;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A pod as a diagnosis sees it.
 *
 * @param containers init containers first, flagged {@code init}
 * @param secretNames the Secrets the pod references: named so an agent knows of them, never read
 * @param deletion the deletion asked for, while the pod is still there
 */
public record PodSnapshot(
        ObjectRef ref,
        String phase,
        Optional<String> reason,
        Optional<String> message,
        Optional<String> nodeName,
        Map<String, String> labels,
        List<OwnerRef> owners,
        List<Condition> conditions,
        List<ContainerSnapshot> containers,
        List<String> claimNames,
        List<String> secretNames,
        Optional<Instant> created,
        Optional<Deletion> deletion) {

    public PodSnapshot {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(nodeName, "nodeName");
        labels = Map.copyOf(labels);
        owners = List.copyOf(owners);
        conditions = List.copyOf(conditions);
        containers = List.copyOf(containers);
        claimNames = List.copyOf(claimNames);
        secretNames = List.copyOf(secretNames);
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(deletion, "deletion");
    }

    /** Deleted and still there: within its grace period, or held past it. */
    public boolean terminating() {
        return deletion.isPresent();
    }

    public Optional<Condition> condition(String type) {
        return Condition.ofType(conditions, type);
    }

    public boolean ready() {
        return condition("Ready").filter(Condition::isTrue).isPresent();
    }

    public int restarts() {
        return containers.stream().mapToInt(ContainerSnapshot::restartCount).sum();
    }

    /** The controller among the owners, if any. */
    public Optional<OwnerRef> controller() {
        return owners.stream().filter(OwnerRef::controller).findFirst();
    }

    /** Whether that object (by kind and name, in the pod's namespace) is the pod's controller. */
    public boolean controlledBy(ObjectRef owner) {
        return controller()
                .filter(controller -> controller.kind().equals(owner.kind())
                        && controller.name().equals(owner.name()))
                .isPresent();
    }

    /**
     * Why the pod as a whole failed, when it did and its status says (Evicted, DeadlineExceeded,
     * OutOfcpu …): a fact about the pod, which its containers' ends only echo.
     */
    public Optional<String> failureReason() {
        return phase.equals("Failed") ? reason : Optional.empty();
    }

    /** The PodScheduled condition while it is False: gated, or no node fits. */
    public Optional<Condition> notScheduled() {
        return condition("PodScheduled").filter(Condition::isFalse);
    }

    /** The PodScheduled condition when the scheduler found no node for the pod. */
    public Optional<Condition> unschedulable() {
        return notScheduled()
                .filter(condition ->
                        condition.reason().filter("Unschedulable"::equals).isPresent());
    }

    /** The PodScheduled condition while scheduling gates keep the scheduler away from the pod. */
    public Optional<Condition> schedulingGated() {
        return notScheduled()
                .filter(condition ->
                        condition.reason().filter("SchedulingGated"::equals).isPresent());
    }
}
