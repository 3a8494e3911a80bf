package io.kmcp.domain.readiness;

import io.kmcp.domain.diagnosis.Condition;
import io.kmcp.domain.diagnosis.ContainerSnapshot;
import io.kmcp.domain.diagnosis.PodSnapshot;
import io.kmcp.domain.diagnosis.Snapshots;
import io.kmcp.domain.diagnosis.WorkloadSnapshot;
import io.kmcp.domain.resource.JsonTree;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Tells, from one read of an object and of the pods it selects, whether what was applied is in effect.
 * The rules are kubectl's {@code rollout status} for the workload controllers, the Complete and Failed
 * conditions for a Job, and the Ready condition for anything else that reports one. A container that
 * waits for a reason no retry mends ends the wait early, whatever the object's own status says yet.
 */
public final class Rollout {

    /** Container waiting reasons that mean the rollout will not complete by itself. */
    static final Set<String> HOPELESS_WAITS = Set.of(
            "CrashLoopBackOff",
            "ImagePullBackOff",
            "InvalidImageName",
            "CreateContainerConfigError",
            "CreateContainerError");

    /** The kinds whose readiness depends on pods they select, each with the API group it lives in. */
    private static final Map<String, String> POD_CONTROLLERS =
            Map.of("Deployment", "apps", "StatefulSet", "apps", "DaemonSet", "apps", "Job", "batch");

    private final Map<String, ?> object;
    private final String kind;

    private Rollout(Map<String, ?> object) {
        this.object = Objects.requireNonNull(object, "object");
        this.kind = JsonTree.of(object).at("kind").string("");
    }

    public static Rollout of(Map<String, ?> object) {
        return new Rollout(object);
    }

    /**
     * The match labels of the pods this object's readiness depends on, when it is a workload
     * controller; a Pod is read whole, and other kinds have no pods to look at.
     */
    public Optional<Map<String, String>> podSelector() {
        if (!isPodController()) {
            return Optional.empty();
        }
        Map<String, String> selector = Snapshots.workload(object).selector();
        return selector.isEmpty() ? Optional.empty() : Optional.of(selector);
    }

    /** Whether this object is one of the controllers a diagnosis starts from and pods are run by. */
    public boolean isPodController() {
        return group().equals(POD_CONTROLLERS.get(kind));
    }

    /** Whether a diagnosis can start from this object: a workload controller or a Pod. */
    public boolean diagnosable() {
        return isPodController() || isPod();
    }

    private boolean isPod() {
        return kind.equals("Pod") && group().isEmpty();
    }

    private String group() {
        String apiVersion = JsonTree.of(object).at("apiVersion").string("");
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** @param pods the pods {@link #podSelector()} selects, as read along with the object; ignored for other kinds */
    public Readiness readiness(List<PodSnapshot> pods) {
        if (isPod()) {
            PodSnapshot pod = Snapshots.pod(object);
            return hopeless(List.of(pod)).orElseGet(() -> podReadiness(pod));
        }
        if (isPodController()) {
            WorkloadSnapshot workload = Snapshots.workload(object);
            if (workload.generationNotObserved()) {
                return new Readiness.Pending("its controller has not acted on generation " + workload.generation()
                        + " yet (observed " + workload.observedGeneration() + ")");
            }
            Optional<Readiness> failed = switch (kind) {
                case "Deployment" ->
                    workload.progressDeadlineExceeded()
                            .map(condition -> failed("ProgressDeadlineExceeded", condition))
                            .or(() -> hopeless(pods));
                case "Job" -> workload.failure().map(condition -> failed("JobFailed", condition));
                default -> hopeless(pods);
            };
            if (failed.isPresent()) {
                return failed.get();
            }
            return switch (kind) {
                case "Deployment" -> deployment(workload);
                case "StatefulSet" -> statefulSet(workload);
                case "DaemonSet" -> daemonSet(workload);
                default -> job(workload, pods);
            };
        }
        return Condition.ofType(Snapshots.conditions(object), "Ready")
                .<Readiness>map(ready -> ready.isTrue()
                        ? new Readiness.Ready("its Ready condition is True")
                        : new Readiness.Pending("its Ready condition is " + ready.status() + explained(ready)))
                .orElseGet(() -> new Readiness.NotTracked("a " + kind + " reports no readiness (no rollout status,"
                        + " no Ready condition), so it is in effect as applied; there is nothing to wait for"));
    }

    private static Readiness podReadiness(PodSnapshot pod) {
        if (pod.phase().equals("Succeeded")) {
            return new Readiness.Ready("it ran to completion");
        }
        if (pod.phase().equals("Failed")) {
            return new Readiness.Failed(
                    pod.reason().orElse("PodFailed"),
                    "it failed" + pod.message().map(m -> ": " + m).orElse(""));
        }
        return pod.ready()
                ? new Readiness.Ready("it is running and ready")
                : new Readiness.Pending("it is " + pod.phase() + ", not ready yet");
    }

    /** kubectl's checks, in its order: every replica updated, no old one left, every updated one available. */
    private Readiness deployment(WorkloadSnapshot deployment) {
        int desired = deployment.desired().orElse(1);
        int total = JsonTree.of(object).at("status.replicas").integer(0);
        if (deployment.updated() < desired) {
            return new Readiness.Pending(deployment.updated() + " of " + desired + " replicas updated");
        }
        if (total > deployment.updated()) {
            return new Readiness.Pending((total - deployment.updated()) + " old replicas are pending termination");
        }
        if (deployment.available() < deployment.updated()) {
            return new Readiness.Pending(
                    deployment.available() + " of " + deployment.updated() + " updated replicas available");
        }
        return new Readiness.Ready("rolled out: " + desired + "/" + desired + " replicas updated and available");
    }

    private Readiness statefulSet(WorkloadSnapshot statefulSet) {
        int desired = statefulSet.desired().orElse(1);
        JsonTree status = JsonTree.of(object).at("status");
        Optional<String> updateRevision = status.at("updateRevision").string();
        if (statefulSet.ready() < desired) {
            return new Readiness.Pending(statefulSet.ready() + " of " + desired + " replicas ready");
        }
        if (updateRevision.isPresent()
                && !updateRevision.equals(status.at("currentRevision").string())) {
            return new Readiness.Pending(
                    statefulSet.updated() + " of " + desired + " replicas on revision " + updateRevision.get());
        }
        return new Readiness.Ready(
                "rolled out: " + desired + "/" + desired + " replicas ready on the current revision");
    }

    private static Readiness daemonSet(WorkloadSnapshot daemonSet) {
        int desired = daemonSet.desired().orElse(0);
        if (daemonSet.updated() < desired) {
            return new Readiness.Pending(daemonSet.updated() + " of " + desired + " scheduled pods updated");
        }
        if (daemonSet.available() < desired) {
            return new Readiness.Pending(daemonSet.available() + " of " + desired + " scheduled pods available");
        }
        return new Readiness.Ready("rolled out: " + desired + "/" + desired + " scheduled pods updated and available");
    }

    private Readiness job(WorkloadSnapshot job, List<PodSnapshot> pods) {
        if (job.completion().isPresent()) {
            return new Readiness.Ready("complete: " + job.job().succeeded() + " succeeded");
        }
        return hopeless(pods)
                .orElseGet(() -> new Readiness.Pending(job.job().active() + " active, "
                        + job.job().succeeded() + " of " + job.desired().orElse(1) + " succeeded"));
    }

    private static Readiness failed(String cause, Condition condition) {
        return new Readiness.Failed(cause, cause + explained(condition));
    }

    private static String explained(Condition condition) {
        return condition.reason().map(reason -> " (" + reason + ")").orElse("")
                + condition.message().map(message -> ": " + message).orElse("");
    }

    /** The first container, among pods not being deleted, that waits for a reason no retry mends. */
    private static Optional<Readiness> hopeless(List<PodSnapshot> pods) {
        for (PodSnapshot pod : pods) {
            if (pod.terminating()) {
                continue;
            }
            for (ContainerSnapshot container : pod.containers()) {
                Optional<String> reason = container.state().waitingReason().filter(HOPELESS_WAITS::contains);
                if (reason.isPresent()) {
                    return Optional.of(new Readiness.Failed(
                            reason.get(),
                            "container " + container.name() + " of pod "
                                    + pod.ref().name() + " is waiting in "
                                    + reason.get()
                                    + container
                                            .state()
                                            .message()
                                            .map(m -> ": " + m)
                                            .orElse("")));
                }
            }
        }
        return Optional.empty();
    }
}
