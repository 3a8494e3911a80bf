package io.kmcp.domain.diagnosis.rules.containers;

import io.kmcp.domain.diagnosis.ContainerSnapshot;
import io.kmcp.domain.diagnosis.ContainerState;
import io.kmcp.domain.diagnosis.EventGroup;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.rules.Evidence;
import io.kmcp.domain.diagnosis.rules.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * Containers that cannot start for another reason than their image, their configuration, a volume or a
 * crash, each told by its own rule: e.g. CreateContainerError or RunContainerError, or ContainerCreating
 * held up because the pod's sandbox or network cannot be set up.
 */
public final class ContainerWaitingRule extends ContainerRule {

    /** Waiting on the way to running: a problem only when warning events say what blocks it. */
    static final Set<String> STARTING = Set.of("ContainerCreating", "PodInitializing");

    /** The warning events that keep a container in {@link #STARTING}, volumes aside. */
    static final Set<String> START_FAILURES = Set.of("FailedCreatePodSandBox", "NetworkNotReady");

    public ContainerWaitingRule() {
        super("ContainerWaiting");
    }

    @Override
    BiPredicate<PodSnapshot, ContainerSnapshot> failing(WorkloadGraph graph) {
        Set<String> blocked = Evidence.eventGroups(graph, "Pod", Set.of(), Evidence.reasons(START_FAILURES)).stream()
                .map(group -> group.involved().name())
                .collect(Collectors.toSet());
        Set<String> mountBlocked = VolumeMountFailedRule.blockedPods(graph);
        return (pod, container) -> container
                .state()
                .waitingReason()
                .filter(reason -> !reason.equals("CrashLoopBackOff")
                        && !reason.equals(CreateContainerConfigErrorRule.REASON)
                        && !ImagePullBackOffRule.IMAGE_REASONS.contains(reason)
                        && (!STARTING.contains(reason)
                                || (blocked.contains(pod.ref().name())
                                        && !mountBlocked.contains(pod.ref().name()))))
                .isPresent();
    }

    @Override
    Told tell(WorkloadGraph graph, ContainerGroup group) {
        ContainerState state = group.sample().state();
        List<EventGroup> blockers = Evidence.eventGroups(
                graph,
                "Pod",
                group.pods().podNames(),
                Evidence.reasons(START_FAILURES).or(Evidence.reason("Failed")));
        List<String> evidence = new ArrayList<>();
        state.message().ifPresent(message -> evidence.add("kubelet: " + Wording.brief(message)));
        evidence.addAll(Evidence.lines(blockers));
        Optional<String> message =
                state.message().or(() -> blockers.stream().findFirst().map(EventGroup::message));
        return new Told(
                Severity.CRITICAL,
                "cannot start: " + state.reason().orElseThrow()
                        + message.flatMap(StartFailure::advice)
                                .map(advice -> ": " + advice)
                                .orElse("")
                        + message.map(text -> " (" + Wording.brief(text) + ")").orElse(""),
                evidence);
    }

    @Override
    String detail(ContainerFailure other) {
        return other.container().state().reason().orElseThrow();
    }
}
