package io.kmcp.domain.diagnosis.rules.containers;

import io.kmcp.domain.diagnosis.ContainerSnapshot;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.rules.PodGroup;
import io.kmcp.domain.diagnosis.rules.PodGroups;
import io.kmcp.domain.diagnosis.rules.Wording;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The failing containers of one subject's pods. Several containers of a pod may fail alike: the
 * summary names the first, the evidence the others.
 */
record ContainerGroup(PodGroup pods, List<ContainerFailure> failures) {

    ContainerGroup {
        failures = List.copyOf(failures);
    }

    /** The failing containers, grouped by subject, in the order of the graph's pods. */
    static List<ContainerGroup> of(WorkloadGraph graph, BiPredicate<PodSnapshot, ContainerSnapshot> failing) {
        Map<ObjectRef, List<ContainerFailure>> failures = new LinkedHashMap<>();
        for (PodSnapshot pod : graph.pods()) {
            for (ContainerSnapshot container : pod.containers()) {
                if (failing.test(pod, container)) {
                    failures.computeIfAbsent(PodGroups.subjectOf(graph, pod), key -> new ArrayList<>())
                            .add(new ContainerFailure(pod, container));
                }
            }
        }
        return failures.entrySet().stream()
                .map(entry -> new ContainerGroup(
                        PodGroups.group(
                                graph,
                                entry.getKey(),
                                entry.getValue().stream()
                                        .map(ContainerFailure::pod)
                                        .distinct()
                                        .toList()),
                        entry.getValue()))
                .toList();
    }

    ObjectRef subject() {
        return pods.subject();
    }

    /** The container the summary names, as the first failing pod has it. */
    ContainerSnapshot sample() {
        return failures.get(0).container();
    }

    /** The failures of the container the summary names. */
    List<ContainerFailure> primary() {
        String name = sample().name();
        return failures.stream()
                .filter(failure -> failure.container().name().equals(name))
                .toList();
    }

    /** The pods where the container the summary names fails. */
    Set<String> primaryPods() {
        return primary().stream()
                .map(failure -> failure.pod().ref().name())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** "2/3 pods of Deployment shop/web": how many pods the named container fails in. */
    String scope() {
        return pods.scope(primary().size());
    }

    /** "4 restarts", or "up to 4 restarts" when the pods differ. */
    String restarts() {
        List<ContainerFailure> primary = primary();
        int most = primary.stream()
                .mapToInt(failure -> failure.container().restartCount())
                .max()
                .orElse(0);
        boolean same = primary.stream().allMatch(failure -> failure.container().restartCount() == most);
        return (same ? "" : "up to ") + Wording.count(most, "restart");
    }

    /** "also container sidecar (2 pods): exit code 2 (Error)", for the containers the summary does not name. */
    List<String> others(Function<ContainerFailure, String> detail) {
        String named = sample().name();
        Map<String, List<ContainerFailure>> byContainer = new LinkedHashMap<>();
        failures.stream()
                .filter(failure -> !failure.container().name().equals(named))
                .forEach(failure -> byContainer
                        .computeIfAbsent(failure.container().name(), name -> new ArrayList<>())
                        .add(failure));
        return byContainer.values().stream()
                .map(same -> "also " + ContainerWording.phrase(same.get(0).container()) + " ("
                        + Wording.count(same.size(), "pod") + "): " + detail.apply(same.get(0)))
                .toList();
    }
}
