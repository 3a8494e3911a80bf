package io.kmcp.domain.diagnosis.rules.containers;

import io.kmcp.domain.diagnosis.ContainerSnapshot;
import io.kmcp.domain.diagnosis.EventGroup;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.rules.Evidence;
import io.kmcp.domain.diagnosis.rules.PodGroups;
import io.kmcp.domain.diagnosis.rules.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Containers the kubelet kills because their liveness or startup probe fails. They are restarted, and
 * end up in CrashLoopBackOff, but the exit code (137, killed) says nothing of why: the probe does, so
 * this rule tells them instead of {@link CrashLoopBackOffRule}.
 */
public final class LivenessProbeFailingRule extends ContainerRule {

    /** The kubelet's Unhealthy events of the probes that restart a container. */
    static final Predicate<EventGroup> PROBE_FAILED = group -> group.reason().equals("Unhealthy")
            && (group.message().startsWith("Liveness probe") || group.message().startsWith("Startup probe"));

    /** The kubelet's Killing event of a container whose probe failed: "Container app failed liveness probe, …". */
    static final Predicate<EventGroup> PROBE_KILL =
            group -> group.reason().equals("Killing") && group.message().contains(" probe, will be restarted");

    public LivenessProbeFailingRule() {
        super("LivenessProbeFailing");
    }

    @Override
    BiPredicate<PodSnapshot, ContainerSnapshot> failing(WorkloadGraph graph) {
        return killedByProbe(graph);
    }

    /**
     * The containers their probe kills: those a Killing event names, or the only container of a pod with
     * failed liveness or startup probes once it has restarted.
     */
    static BiPredicate<PodSnapshot, ContainerSnapshot> killedByProbe(WorkloadGraph graph) {
        List<EventGroup> kills = Evidence.eventGroups(graph, "Pod", Set.of(), PROBE_KILL);
        Set<String> unhealthy = Evidence.eventGroups(graph, "Pod", Set.of(), PROBE_FAILED).stream()
                .map(group -> group.involved().name())
                .collect(Collectors.toSet());
        return (pod, container) -> !pod.terminating()
                && (kills.stream()
                                .anyMatch(kill ->
                                        kill.involved().name().equals(pod.ref().name())
                                                && kill.message()
                                                        .startsWith("Container " + container.name() + " failed "))
                        || (unhealthy.contains(pod.ref().name())
                                && container.restartCount() > 0
                                && pod.containers().size() == 1));
    }

    @Override
    Told tell(WorkloadGraph graph, ContainerGroup group) {
        ContainerSnapshot sample = group.sample();
        List<EventGroup> events =
                Evidence.eventGroups(graph, "Pod", group.pods().podNames(), PROBE_FAILED.or(PROBE_KILL));
        boolean startup = events.stream()
                .noneMatch(event -> event.message().startsWith("Liveness probe")
                        || event.message().contains("failed liveness probe"));
        List<String> evidence = new ArrayList<>(Evidence.lines(events));
        sample.lastTermination().ifPresent(last -> evidence.add("last end: " + ContainerWording.exit(last)));
        Evidence.lastLogLine(graph, group.primaryPods(), sample.name()::equals).ifPresent(evidence::add);
        boolean down = sample.state().waitingWith("CrashLoopBackOff")
                || PodGroups.podsOf(graph, group.subject()).stream().noneMatch(PodSnapshot::ready);
        String restarts = group.restarts();
        return new Told(
                down ? Severity.CRITICAL : Severity.WARNING,
                startup
                        ? "is killed by its failing startup probe before it finished starting, " + restarts
                                + ": give it longer (failureThreshold × periodSeconds) or fix the probe"
                        : "is killed by its failing liveness probe, " + restarts
                                + ": check the probe's path, port and timeout and what it depends on; a slow start"
                                + " wants a startupProbe",
                evidence);
    }

    @Override
    String detail(ContainerFailure other) {
        return Wording.count(other.container().restartCount(), "restart");
    }
}
