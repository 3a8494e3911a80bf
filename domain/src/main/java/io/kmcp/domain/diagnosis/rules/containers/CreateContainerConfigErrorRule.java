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
 * Containers the kubelet cannot even configure (CreateContainerConfigError): their environment or
 * volumes name a ConfigMap, Secret or key that is not there, or their security context contradicts
 * their image (runAsNonRoot with an image that runs as root).
 */
public final class CreateContainerConfigErrorRule extends ContainerRule {

    static final String REASON = "CreateContainerConfigError";

    public CreateContainerConfigErrorRule() {
        super(REASON);
    }

    @Override
    BiPredicate<PodSnapshot, ContainerSnapshot> failing(WorkloadGraph graph) {
        return (pod, container) -> container.state().waitingWith(REASON);
    }

    @Override
    Told tell(WorkloadGraph graph, ContainerGroup group) {
        String message = group.sample().state().message().orElse("");
        List<String> evidence = new ArrayList<>();
        if (!message.isEmpty()) {
            evidence.add("kubelet: " + Wording.brief(message));
        }
        evidence.addAll(Evidence.events(graph, "Pod", group.pods().podNames(), Evidence.reason("Failed")));
        return new Told(
                Severity.CRITICAL,
                "cannot be configured: " + advice(message)
                        + (message.isEmpty() ? "" : " (" + Wording.brief(message) + ")"),
                evidence);
    }

    @Override
    String detail(ContainerFailure other) {
        return other.container().state().message().map(Wording::brief).orElse(REASON);
    }

    private static String advice(String message) {
        if (message.contains("runAsNonRoot") && message.contains("non-numeric user")) {
            return "runAsNonRoot is set and the image names its user by name: set a numeric runAsUser";
        }
        if (message.contains("runAsNonRoot")) {
            return "runAsNonRoot is set and the image runs as root: set a non-zero runAsUser or use an image that"
                    + " does not run as root";
        }
        return ConfigReference.advice(message).orElse("fix what the message names in the pod template");
    }
}
