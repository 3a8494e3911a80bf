package io.kmcp.domain.diagnosis.rules.containers;

import io.kmcp.domain.diagnosis.ContainerSnapshot;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.rules.Evidence;
import io.kmcp.domain.diagnosis.rules.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Containers restarted over and over (CrashLoopBackOff), unless their memory limit or their liveness
 * probe killed them: that is {@link OomKilledRule}'s or {@link LivenessProbeFailingRule}'s to tell.
 */
public final class CrashLoopBackOffRule extends ContainerRule {

    public CrashLoopBackOffRule() {
        super("CrashLoopBackOff");
    }

    @Override
    BiPredicate<PodSnapshot, ContainerSnapshot> failing(WorkloadGraph graph) {
        BiPredicate<PodSnapshot, ContainerSnapshot> killedByProbe = LivenessProbeFailingRule.killedByProbe(graph);
        return (pod, container) -> container.state().waitingWith("CrashLoopBackOff")
                && container.oomKill().isEmpty()
                && !killedByProbe.test(pod, container);
    }

    @Override
    Told tell(WorkloadGraph graph, ContainerGroup group) {
        ContainerSnapshot sample = group.sample();
        List<String> evidence = new ArrayList<>();
        Evidence.lastLogLine(graph, group.primaryPods(), sample.name()::equals).ifPresent(evidence::add);
        sample.state().message().ifPresent(message -> evidence.add("kubelet: " + Wording.brief(message)));
        evidence.addAll(Evidence.events(graph, "Pod", group.pods().podNames(), Evidence.reason("BackOff")));
        return new Told(Severity.CRITICAL, "keeps crashing: " + lastExit(sample) + ", " + group.restarts(), evidence);
    }

    @Override
    String detail(ContainerFailure other) {
        return lastExit(other.container());
    }

    private static String lastExit(ContainerSnapshot container) {
        return container.lastTermination().map(ContainerWording::exit).orElse("no exit recorded yet");
    }
}
