package io.kmcp.domain.diagnosis.rules.containers;

import io.kmcp.domain.diagnosis.ContainerSnapshot;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.rules.Evidence;
import io.kmcp.domain.diagnosis.rules.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/** Containers whose image cannot be pulled: ImagePullBackOff, ErrImagePull, InvalidImageName … */
public final class ImagePullBackOffRule extends ContainerRule {

    /** The kubelet's reasons for a container whose image it cannot get. */
    static final Set<String> IMAGE_REASONS = Set.of(
            "ImagePullBackOff",
            "ErrImagePull",
            "InvalidImageName",
            "ErrImageNeverPull",
            "ImageInspectError",
            "RegistryUnavailable");

    public ImagePullBackOffRule() {
        super("ImagePullBackOff");
    }

    @Override
    BiPredicate<PodSnapshot, ContainerSnapshot> failing(WorkloadGraph graph) {
        return (pod, container) -> container
                .state()
                .waitingReason()
                .filter(IMAGE_REASONS::contains)
                .isPresent();
    }

    @Override
    Told tell(WorkloadGraph graph, ContainerGroup group) {
        ContainerSnapshot sample = group.sample();
        String reason = sample.state().reason().orElseThrow();
        List<String> evidence = new ArrayList<>();
        evidence.add("image " + sample.image());
        sample.state().message().ifPresent(message -> evidence.add("kubelet: " + Wording.brief(message)));
        evidence.addAll(Evidence.events(graph, "Pod", group.pods().podNames(), Evidence.reason("Failed")));
        return new Told(
                Severity.CRITICAL,
                "cannot get image " + sample.image() + " (" + reason + "): " + advice(reason),
                evidence);
    }

    @Override
    String detail(ContainerFailure other) {
        return "image " + other.container().image() + " ("
                + other.container().state().reason().orElseThrow() + ")";
    }

    private static String advice(String reason) {
        return switch (reason) {
            case "InvalidImageName" -> "fix the image reference";
            case "ErrImageNeverPull" -> "imagePullPolicy is Never and the image is not on the node";
            default -> "check the image name and tag, the registry, and the pull secrets";
        };
    }
}
