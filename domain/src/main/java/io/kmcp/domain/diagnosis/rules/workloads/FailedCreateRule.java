package io.kmcp.domain.diagnosis.rules.workloads;

import io.kmcp.domain.diagnosis.Condition;
import io.kmcp.domain.diagnosis.EventGroup;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.WorkloadSnapshot;
import io.kmcp.domain.diagnosis.rules.DiagnosisRule;
import io.kmcp.domain.diagnosis.rules.Evidence;
import io.kmcp.domain.diagnosis.rules.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A controller that cannot create its pods: the API server refused them (a ResourceQuota used up, a
 * Pod Security level, an admission webhook, a missing ServiceAccount …). Deployments and ReplicaSets
 * say so in their ReplicaFailure condition; every workload controller in a FailedCreate event. Told
 * once, on the workload asked about when there is one, since the ReplicaSet's refusal is its
 * Deployment's.
 */
public final class FailedCreateRule implements DiagnosisRule {

    @Override
    public List<Finding> findings(WorkloadGraph graph) {
        List<String> evidence = new ArrayList<>();
        Optional<String> message = Optional.empty();
        Optional<ObjectRef> refusing = Optional.empty();
        for (WorkloadSnapshot workload : graph.workloads()) {
            Optional<Condition> failure = workload.replicaFailure();
            List<EventGroup> events = Evidence.eventGroups(
                    graph,
                    workload.kind(),
                    Set.of(workload.ref().name()),
                    group -> group.type().equals("Warning") && group.reason().equals("FailedCreate"));
            if (failure.isEmpty() && events.isEmpty()) {
                continue;
            }
            failure.ifPresent(condition -> evidence.add(workload.ref().display() + ": condition ReplicaFailure"
                    + condition.reason().map(reason -> " (" + reason + ")").orElse("")
                    + condition
                            .message()
                            .map(text -> ": " + Wording.brief(text))
                            .orElse("")));
            Evidence.lines(events).forEach(line -> evidence.add(workload.ref().display() + ": " + line));
            if (refusing.isEmpty()) {
                refusing = Optional.of(workload.ref());
                message = failure.flatMap(Condition::message)
                        .or(() -> events.stream().findFirst().map(EventGroup::message));
            }
        }
        if (refusing.isEmpty()) {
            return List.of();
        }
        ObjectRef subject = graph.workload().map(WorkloadSnapshot::ref).orElse(refusing.get());
        String said = message.orElse("");
        return List.of(new Finding(
                Severity.CRITICAL,
                "FailedCreate",
                subject,
                subject.display() + ": its pods cannot be created: " + advice(said)
                        + (said.isEmpty() ? "" : " (" + Wording.brief(said) + ")"),
                evidence));
    }

    /** What to do, by what the API server said when it refused the pod. */
    static String advice(String message) {
        String text = message.toLowerCase(Locale.ROOT);
        if (text.contains("exceeded quota")) {
            return "a ResourceQuota of the namespace is used up: raise it, or ask for fewer replicas or smaller"
                    + " requests";
        }
        if (text.contains("failed quota") && text.contains("must specify")) {
            return "a ResourceQuota of the namespace requires requests or limits on every container: set them in"
                    + " the pod template";
        }
        if (text.contains("violates podsecurity")) {
            return "the namespace's Pod Security level forbids the pod template: fix its securityContext as the"
                    + " message says, or change the namespace's pod-security.kubernetes.io/enforce label";
        }
        if (text.contains("admission webhook") && text.contains("denied")) {
            return "an admission webhook refused the pod: fix the template as its message says, or ask its owner";
        }
        if (text.contains("serviceaccount") && text.contains("not found")) {
            return "the ServiceAccount the pod template names does not exist: create it or fix serviceAccountName";
        }
        if (text.contains("per container") || text.contains("per pod") || text.contains("limitrange")) {
            return "a LimitRange of the namespace bounds the containers' resources: fit the template's requests and"
                    + " limits into it";
        }
        return "the API server refused the pod: fix what the message names";
    }
}
