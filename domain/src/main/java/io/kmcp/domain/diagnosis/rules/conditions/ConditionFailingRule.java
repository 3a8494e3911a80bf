package io.kmcp.domain.diagnosis.rules.conditions;

import io.kmcp.domain.diagnosis.Condition;
import io.kmcp.domain.diagnosis.ConditionPolarity;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.ObjectSnapshot;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.rules.DiagnosisRule;
import io.kmcp.domain.diagnosis.rules.Evidence;
import io.kmcp.domain.diagnosis.rules.Wording;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An object judged by its status conditions alone (a custom resource, an autoscaler, an HTTPRoute)
 * whose conditions tell of trouble, read with each type's {@link ConditionPolarity}: the controller's
 * reason and message are the cause. A good condition that is False, or a bad one that is True, is
 * CRITICAL; a condition the controller cannot tell (Unknown) is a WARNING, and so is a bad one that is
 * True, such as a pressure, which tells of a risk rather than of a failure.
 */
public final class ConditionFailingRule implements DiagnosisRule {

    @Override
    public List<Finding> findings(WorkloadGraph graph) {
        return graph.objects().stream()
                .filter(object -> !object.troubled().isEmpty())
                .map(object -> finding(graph, object))
                .toList();
    }

    private static Finding finding(WorkloadGraph graph, ObjectSnapshot object) {
        List<Condition> troubled = object.troubled();
        Condition first = troubled.get(0);
        List<String> evidence = new ArrayList<>();
        troubled.forEach(condition -> evidence.add(line(condition, graph)));
        evidence.addAll(Evidence.events(
                graph,
                object.ref().kind(),
                Set.of(object.ref().name()),
                group -> group.type().equals("Warning")));
        return new Finding(
                severity(first),
                "ConditionFailing",
                object.ref(),
                object.ref().display() + " reports " + first.type() + "=" + first.status()
                        + first.reason().map(reason -> " (" + reason + ")").orElse("")
                        + first.message()
                                .map(message -> ": " + Wording.brief(message))
                                .orElse(""),
                evidence);
    }

    static Severity severity(Condition condition) {
        if (condition.status().equals("Unknown")) {
            return Severity.WARNING;
        }
        return ConditionPolarity.of(condition.type()) == ConditionPolarity.NEGATIVE
                ? Severity.WARNING
                : Severity.CRITICAL;
    }

    private static String line(Condition condition, WorkloadGraph graph) {
        Optional<String> since = condition
                .lastTransition()
                .map(time -> " for " + Wording.human(Duration.between(time, graph.observedAt())));
        return condition.type() + "=" + condition.status() + since.orElse("")
                + condition.reason().map(reason -> " (" + reason + ")").orElse("")
                + condition
                        .message()
                        .map(message -> ": " + Wording.brief(message))
                        .orElse("");
    }
}
