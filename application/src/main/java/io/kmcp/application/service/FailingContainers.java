package io.kmcp.application.service;

import io.kmcp.application.port.out.LogRequest;
import io.kmcp.domain.diagnosis.ContainerSnapshot;
import io.kmcp.domain.diagnosis.ContainerState;
import io.kmcp.domain.diagnosis.LogExcerpt;
import io.kmcp.domain.diagnosis.LogFilter;
import io.kmcp.domain.diagnosis.LogLines;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.ObjectName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The containers whose logs tell why a workload fails: those that restarted, terminated with an
 * error or wait in a crash back-off. Pods of one workload usually fail alike, so one pod per
 * container name is enough, and at most a few containers are read so that a diagnosis stays small.
 */
final class FailingContainers {

    private final List<PodSnapshot> pods;

    FailingContainers(List<PodSnapshot> pods) {
        this.pods = List.copyOf(pods);
    }

    /** The first failing pod of each failing container name, in pod order. */
    Map<String, PodSnapshot> chosen() {
        Map<String, PodSnapshot> chosen = new LinkedHashMap<>();
        for (PodSnapshot pod : pods) {
            for (ContainerSnapshot container : pod.containers()) {
                if (failing(container)
                        && !chosen.containsKey(container.name())
                        && chosen.size() < DiagnoseWorkloadService.MAX_LOGGED_CONTAINERS) {
                    chosen.put(container.name(), pod);
                }
            }
        }
        return chosen;
    }

    /** Reads the tail of the current log of each chosen container, and of the previous one when it restarted. */
    List<CompletableFuture<LogExcerpt>> logs(ClusterReads reads, String namespace) {
        List<CompletableFuture<LogExcerpt>> excerpts = new ArrayList<>();
        chosen().forEach((name, pod) -> {
            ContainerSnapshot container = pod.containers().stream()
                    .filter(candidate -> candidate.name().equals(name))
                    .findFirst()
                    .orElseThrow();
            if (container.restartCount() > 0 || container.lastTermination().isPresent()) {
                excerpts.add(excerpt(reads, namespace, pod, name, true));
            }
            if (container.state().phase() != ContainerState.Phase.WAITING
                    || container.lastTermination().isEmpty()) {
                excerpts.add(excerpt(reads, namespace, pod, name, false));
            }
        });
        return excerpts;
    }

    private static CompletableFuture<LogExcerpt> excerpt(
            ClusterReads reads, String namespace, PodSnapshot pod, String container, boolean previous) {
        LogRequest request = new LogRequest(
                new NamespaceName(namespace),
                new ObjectName(pod.ref().name()),
                container,
                previous,
                Optional.of(DiagnoseWorkloadService.LOG_TAIL_LINES),
                Optional.empty(),
                Optional.of(DiagnoseWorkloadService.LOG_LIMIT_BYTES));
        LogFilter filter = LogFilter.of(
                Optional.empty(),
                Optional.of(DiagnoseWorkloadService.LOG_TAIL_LINES),
                Optional.of(DiagnoseWorkloadService.LOG_LIMIT_BYTES));
        return reads.log(request).thenApply(read -> {
            if (read.text().isEmpty()) {
                return new LogExcerpt(pod.ref(), container, previous, List.of(), false, read.unavailable());
            }
            LogLines lines = filter.apply(read.text().get());
            return new LogExcerpt(pod.ref(), container, previous, lines.lines(), lines.omitted() > 0, Optional.empty());
        });
    }

    static boolean failing(ContainerSnapshot container) {
        ContainerState state = container.state();
        boolean crashed = state.phase() == ContainerState.Phase.TERMINATED
                && state.exitCode().filter(code -> code != 0).isPresent();
        boolean backingOff = state.phase() == ContainerState.Phase.WAITING
                && state.reason()
                        .filter(reason -> reason.equals("CrashLoopBackOff"))
                        .isPresent();
        return container.restartCount() > 0 || crashed || backingOff;
    }
}
