package io.kmcp.domain.diagnosis.rules.containers;

import io.kmcp.domain.diagnosis.ContainerSnapshot;
import io.kmcp.domain.diagnosis.EventGroup;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.rules.Evidence;
import io.kmcp.domain.diagnosis.rules.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
        List<EventGroup> failures =
                Evidence.eventGroups(graph, "Pod", group.pods().podNames(), Evidence.reason("Failed"));
        evidence.addAll(Evidence.lines(failures));
        String said = Stream.concat(
                        sample.state().message().stream(), failures.stream().map(EventGroup::message))
                .collect(Collectors.joining("\n"));
        return new Told(
                Severity.CRITICAL,
                "cannot get image " + sample.image() + " (" + reason + "): " + advice(reason, said),
                evidence);
    }

    @Override
    String detail(ContainerFailure other) {
        return "image " + other.container().image() + " ("
                + other.container().state().reason().orElseThrow() + ")";
    }

    /** What to do, by the kubelet's reason and, for a failed pull, what the registry answered. */
    static String advice(String reason, String said) {
        String text = said.toLowerCase(Locale.ROOT);
        return switch (reason) {
            case "InvalidImageName" -> "fix the image reference";
            case "ErrImageNeverPull" -> "imagePullPolicy is Never and the image is not on the node";
            default -> {
                if (text.contains("unauthorized")
                        || text.contains("pull access denied")
                        || text.contains("authentication required")
                        || text.contains("403 forbidden")) {
                    yield "the registry refused the pull: check the pod's imagePullSecrets and their access to the"
                            + " repository";
                }
                if (text.contains("not found") || text.contains("notfound") || text.contains("manifest unknown")) {
                    yield "the registry has no such image or tag: check the name and tag";
                }
                if (text.contains("no such host")
                        || text.contains("i/o timeout")
                        || text.contains("connection refused")
                        || text.contains("x509")
                        || reason.equals("RegistryUnavailable")) {
                    yield "the node cannot reach the registry: check its name, the node's network and DNS, and"
                            + " its certificate";
                }
                yield "check the image name and tag, the registry, and the pull secrets";
            }
        };
    }
}
