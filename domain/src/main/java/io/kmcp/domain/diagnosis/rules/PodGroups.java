package io.kmcp.domain.diagnosis.rules;

import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Pods of one workload usually fail alike, so the pods of one subject failing the same way are told
 * once, on the subject, with how many of its pods show it.
 */
public final class PodGroups {

    private PodGroups() {}

    /** The failing pods, grouped by subject, in the order of the graph's pods. */
    public static List<PodGroup> failing(WorkloadGraph graph, Predicate<PodSnapshot> failing) {
        Map<ObjectRef, List<PodSnapshot>> pods = new LinkedHashMap<>();
        for (PodSnapshot pod : graph.pods()) {
            if (failing.test(pod)) {
                pods.computeIfAbsent(subjectOf(graph, pod), key -> new ArrayList<>())
                        .add(pod);
            }
        }
        return pods.entrySet().stream()
                .map(entry -> group(graph, entry.getKey(), entry.getValue()))
                .toList();
    }

    /** A group of the given failing pods of a subject, which knows how many pods the subject has. */
    public static PodGroup group(WorkloadGraph graph, ObjectRef subject, List<PodSnapshot> failing) {
        return new PodGroup(subject, podsOf(graph, subject).size(), failing);
    }

    /** All the graph's pods that a finding on the subject speaks for, failing or not. */
    public static List<PodSnapshot> podsOf(WorkloadGraph graph, ObjectRef subject) {
        return graph.pods().stream()
                .filter(pod -> subjectOf(graph, pod).equals(subject))
                .toList();
    }

    /**
     * Who a pod's failure is told on: the workload asked about (its pods are the graph's pods); from a
     * Service, the pod's controller, a ReplicaSet told as its Deployment (the object an agent fixes); a
     * pod without a controller, or asked about, is its own subject.
     */
    public static ObjectRef subjectOf(WorkloadGraph graph, PodSnapshot pod) {
        if (graph.workload().isPresent()) {
            return graph.target();
        }
        if (!graph.target().kind().equals("Service")) {
            return pod.ref();
        }
        return pod.controller()
                .map(owner -> {
                    String hash = pod.labels().get("pod-template-hash");
                    if (owner.kind().equals("ReplicaSet")
                            && hash != null
                            && owner.name().endsWith("-" + hash)) {
                        // The Deployment controller names a ReplicaSet after the Deployment and the template hash.
                        String deployment =
                                owner.name().substring(0, owner.name().length() - hash.length() - 1);
                        return new ObjectRef("Deployment", pod.ref().namespace(), deployment, "");
                    }
                    return new ObjectRef(owner.kind(), pod.ref().namespace(), owner.name(), owner.uid());
                })
                .orElse(pod.ref());
    }
}
