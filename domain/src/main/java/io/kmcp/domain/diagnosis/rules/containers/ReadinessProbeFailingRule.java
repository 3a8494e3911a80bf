package io.kmcp.domain.diagnosis.rules.containers;

import io.kmcp.domain.diagnosis.ContainerSnapshot;
import io.kmcp.domain.diagnosis.ContainerState.Phase;
import io.kmcp.domain.diagnosis.EventGroup;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.rules.Evidence;
import io.kmcp.domain.diagnosis.rules.PodGroups;
import io.kmcp.domain.diagnosis.rules.Wording;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Containers that run but are not ready: their readiness probe fails, so Services send them no
 * traffic. A container that started less than {@link #READINESS_GRACE} ago without a failed probe is
 * still starting.
 */
public final class ReadinessProbeFailingRule extends ContainerRule {

    /** A container may run this long before its readiness probe passes without being told as failing. */
    static final Duration READINESS_GRACE = Duration.ofMinutes(1);

    /** A liveness failure restarts the container, so only the readiness probe's events count here. */
    private static final Predicate<EventGroup> PROBE_FAILED =
            group -> group.reason().equals("Unhealthy") && group.message().startsWith("Readiness probe");

    public ReadinessProbeFailingRule() {
        super("ReadinessProbeFailing");
    }

    @Override
    BiPredicate<PodSnapshot, ContainerSnapshot> failing(WorkloadGraph graph) {
        Set<String> probeFailed = Evidence.eventGroups(graph, "Pod", Set.of(), PROBE_FAILED).stream()
                .map(group -> group.involved().name())
                .collect(Collectors.toSet());
        BiPredicate<PodSnapshot, ContainerSnapshot> killedByProbe = LivenessProbeFailingRule.killedByProbe(graph);
        return (pod, container) -> !pod.terminating()
                && pod.phase().equals("Running")
                && !pod.ready()
                && !container.init()
                && container.state().phase() == Phase.RUNNING
                && !container.ready()
                && (probeFailed.contains(pod.ref().name())
                        || (startedLongAgo(container, graph.observedAt()) && !killedByProbe.test(pod, container)));
    }

    @Override
    Told tell(WorkloadGraph graph, ContainerGroup group) {
        boolean noneReady = PodGroups.podsOf(graph, group.subject()).stream().noneMatch(PodSnapshot::ready);
        List<String> evidence =
                new ArrayList<>(Evidence.events(graph, "Pod", group.pods().podNames(), PROBE_FAILED));
        if (evidence.isEmpty()) {
            evidence.add(group.sample()
                    .state()
                    .startedAt()
                    .map(started -> "running for " + Wording.human(Duration.between(started, graph.observedAt()))
                            + " without passing its readiness probe")
                    .orElse("running without passing its readiness probe"));
        }
        return new Told(
                noneReady ? Severity.CRITICAL : Severity.WARNING,
                "runs but is not ready, so Services send it no traffic: check its readiness probe and what it"
                        + " depends on",
                evidence);
    }

    @Override
    String detail(ContainerFailure other) {
        return "not ready";
    }

    private static boolean startedLongAgo(ContainerSnapshot container, Instant now) {
        return container
                .state()
                .startedAt()
                .map(started -> Duration.between(started, now).compareTo(READINESS_GRACE) >= 0)
                .orElse(true);
    }
}
