package io.kmcp.domain.diagnosis.rules.containers;

import io.kmcp.domain.diagnosis.ContainerSnapshot;
import io.kmcp.domain.diagnosis.ContainerState;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.rules.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/** Containers the kernel killed for using more memory than their limit (OOMKilled, exit code 137). */
public final class OomKilledRule extends ContainerRule {

    public OomKilledRule() {
        super("OOMKilled");
    }

    @Override
    BiPredicate<PodSnapshot, ContainerSnapshot> failing(WorkloadGraph graph) {
        return (pod, container) -> container.oomKill().isPresent();
    }

    @Override
    Told tell(WorkloadGraph graph, ContainerGroup group) {
        ContainerSnapshot sample = group.sample();
        ContainerState killed = sample.oomKill().orElseThrow();
        String limit = sample.memoryLimit().map(value -> "limit " + value).orElse("no memory limit");
        List<String> evidence = new ArrayList<>();
        evidence.add(ContainerWording.exit(killed));
        evidence.add(sample.memoryLimit()
                .map(value -> "memory limit " + value + ": the container used more")
                .orElse("no memory limit: killed when the node ran short of memory"));
        Evidence.lastLogLine(graph, group.primaryPods(), sample.name()::equals).ifPresent(evidence::add);
        return new Told(
                Severity.CRITICAL,
                "was OOMKilled (exit code "
                        + killed.exitCode().map(String::valueOf).orElse("137") + ", " + limit + "), " + group.restarts()
                        + ": raise its memory limit or make it use less memory",
                evidence);
    }

    @Override
    String detail(ContainerFailure other) {
        return ContainerWording.exit(other.container().oomKill().orElseThrow());
    }
}
