package io.kmcp.domain.diagnosis.rules.containers;

import io.kmcp.domain.diagnosis.ContainerSnapshot;
import io.kmcp.domain.diagnosis.EventGroup;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.rules.Evidence;
import io.kmcp.domain.diagnosis.rules.Wording;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * Containers held in ContainerCreating or PodInitializing because a volume of their pod cannot be
 * attached or mounted (FailedMount, FailedAttachVolume, FailedMapVolume events).
 */
public final class VolumeMountFailedRule extends ContainerRule {

    static final Set<String> MOUNT_FAILURES = Set.of("FailedMount", "FailedAttachVolume", "FailedMapVolume");

    public VolumeMountFailedRule() {
        super("FailedMount");
    }

    @Override
    BiPredicate<PodSnapshot, ContainerSnapshot> failing(WorkloadGraph graph) {
        Set<String> blocked = blockedPods(graph);
        return (pod, container) -> blocked.contains(pod.ref().name())
                && container
                        .state()
                        .waitingReason()
                        .filter(ContainerWaitingRule.STARTING::contains)
                        .isPresent();
    }

    /** The names of the pods a volume keeps from starting. */
    static Set<String> blockedPods(WorkloadGraph graph) {
        return Evidence.eventGroups(graph, "Pod", Set.of(), Evidence.reasons(MOUNT_FAILURES)).stream()
                .map(group -> group.involved().name())
                .collect(Collectors.toSet());
    }

    @Override
    Told tell(WorkloadGraph graph, ContainerGroup group) {
        List<EventGroup> failures =
                Evidence.eventGroups(graph, "Pod", group.pods().podNames(), Evidence.reasons(MOUNT_FAILURES));
        String message = failures.get(0).message();
        return new Told(
                Severity.CRITICAL,
                "cannot start, a volume does not mount: " + advice(message) + " (" + Wording.brief(message) + ")",
                Evidence.lines(failures));
    }

    @Override
    String detail(ContainerFailure other) {
        return other.container().state().reason().orElseThrow();
    }

    private static String advice(String message) {
        if (message.contains("Multi-Attach")) {
            return "the volume is still attached to another node (ReadWriteOnce): it frees once the old pod is gone"
                    + " and detached";
        }
        return ConfigReference.advice(message)
                .orElse("check the volume's source, its storage driver, and the claim's and node's events");
    }
}
