package io.kmcp.domain.diagnosis.rules;

import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.PodSnapshot;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pods of one subject that fail a rule alike, told in one finding.
 *
 * @param subject who the finding is on: see {@link PodGroups#subjectOf}
 * @param podsOfSubject how many pods of the graph belong to the subject
 * @param pods the failing ones, in the order of the graph
 */
public record PodGroup(ObjectRef subject, int podsOfSubject, List<PodSnapshot> pods) {

    public PodGroup {
        pods = List.copyOf(pods);
    }

    /** The names of the failing pods, in the order of the graph. */
    public Set<String> podNames() {
        return pods.stream().map(pod -> pod.ref().name()).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** "2/3 pods of Deployment shop/web", or "Pod shop/web-1" when the finding is on the pod. */
    public String scope(int affected) {
        if (onPod()) {
            return subject.display();
        }
        return affected + "/" + podsOfSubject + " pods of " + subject.display();
    }

    /** "3 of 3 pods: web-a, web-b, web-c", when the finding is on a workload. */
    public Optional<String> podsLine() {
        if (onPod()) {
            return Optional.empty();
        }
        return Optional.of(pods.size() + " of " + podsOfSubject + " pods: " + Wording.named(List.copyOf(podNames())));
    }

    private boolean onPod() {
        return subject.kind().equals("Pod");
    }
}
