package io.kmcp.domain.diagnosis.rules.containers;

import io.kmcp.domain.diagnosis.ContainerSnapshot;
import io.kmcp.domain.diagnosis.ContainerState;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.WorkloadSnapshot;
import io.kmcp.domain.diagnosis.rules.Evidence;
import io.kmcp.domain.diagnosis.rules.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Containers that ended with an error and are not restarted (pods with restartPolicy Never or
 * OnFailure, a Job's pods). The failed attempts of a Job that completed since are history, not a
 * finding; the containers of a pod that failed as a whole (evicted, past its deadline) are told by the
 * pod's own reason.
 */
public final class ContainerFailedRule extends ContainerRule {

    public ContainerFailedRule() {
        super("ContainerFailed");
    }

    @Override
    BiPredicate<PodSnapshot, ContainerSnapshot> failing(WorkloadGraph graph) {
        List<ObjectRef> completedJobs = graph.workloads().stream()
                .filter(WorkloadSnapshot::isJob)
                .filter(job -> job.completion().isPresent())
                .map(WorkloadSnapshot::ref)
                .toList();
        return (pod, container) -> container.state().failed()
                && container.oomKill().isEmpty()
                && pod.failureReason().isEmpty()
                && completedJobs.stream().noneMatch(pod::controlledBy);
    }

    @Override
    Told tell(WorkloadGraph graph, ContainerGroup group) {
        ContainerSnapshot sample = group.sample();
        ContainerState state = sample.state();
        List<String> evidence = new ArrayList<>();
        Evidence.lastLogLine(graph, group.primaryPods(), sample.name()::equals).ifPresent(evidence::add);
        state.message().ifPresent(message -> evidence.add("termination message: " + Wording.brief(message)));
        return new Told(
                Severity.WARNING,
                "failed: " + ContainerWording.exit(state)
                        + state.message()
                                .flatMap(StartFailure::advice)
                                .map(advice -> ": " + advice)
                                .orElse(""),
                evidence);
    }

    @Override
    String detail(ContainerFailure other) {
        return ContainerWording.exit(other.container().state());
    }
}
