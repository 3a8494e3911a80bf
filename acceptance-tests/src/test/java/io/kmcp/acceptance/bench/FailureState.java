package io.kmcp.acceptance.bench;

import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kmcp.acceptance.driver.StartingObjects;
import io.kmcp.adapters.kubernetes.testbed.Workloads;
import java.util.List;
import java.util.Map;

/**
 * One state of a workload that an agent is asked about ("why does X not work?"), in a namespace of its
 * own: how the test bed creates it, how to tell it is visible, what each server is asked to diagnose it,
 * and the words by which an answer names its cause.
 *
 * @param label the row's name in the table
 * @param namespace the namespace that holds only this state
 * @param resource k-mcp's {@code resource} argument of {@code workload_diagnose}
 * @param apiVersion the object's apiVersion, for kubernetes-mcp-server's {@code resources_get}
 * @param kind the object's kind, for kubernetes-mcp-server's {@code resources_get}
 * @param name the object's name
 * @param log which log of the failing container an agent reads after looking at the pod
 * @param causeWords the answer names the cause if its text contains any of these (case-sensitive)
 * @param workload the Deployment or Job whose pods matter, when the object is not one (an Ingress, an
 *     autoscaler, a claim); empty when none does
 * @param backends the Services a route sends to, in its order; empty for any other object
 */
public record FailureState(
        String label,
        String namespace,
        String resource,
        String apiVersion,
        String kind,
        String name,
        Log log,
        List<String> causeWords,
        String workload,
        List<String> backends) {

    /** Which log of the failing container is worth reading once the pod's status is known. */
    public enum Log {
        /** No container of the pod has run (image not pulled, pod not scheduled), or nothing failed. */
        NONE,
        /** The running or terminated container's current log. */
        CURRENT,
        /** The log of the run that crashed ({@code previous}), the container waiting to restart. */
        PREVIOUS
    }

    public FailureState {
        causeWords = List.copyOf(causeWords);
        backends = List.copyOf(backends);
    }

    /** A workload or Service, whose own pods matter. */
    FailureState(
            String label,
            String namespace,
            String resource,
            String apiVersion,
            String kind,
            String name,
            Log log,
            List<String> causeWords) {
        this(label, namespace, resource, apiVersion, kind, name, log, causeWords, name, List.of());
    }

    /** The label selector of the pods an agent lists: the workload's own, or what the Service selects. */
    public String podSelector() {
        return isService() ? Workloads.APP_LABEL + "=" + name + "-v2" : Workloads.APP_LABEL + "=" + workload;
    }

    public boolean isService() {
        return kind.equals("Service");
    }

    /** Whether a pod of the workload is failing, worth reading on its own ({@code pods_get}). */
    public boolean hasFailingPod() {
        return !isService() && !label.equals(HEALTHY) && !label.equals(INGRESS_MISSING) && !label.equals(AUTOSCALER);
    }

    /** Whether the text of an answer contains a word naming the cause. */
    public boolean named(String text) {
        return causeWords.stream().anyMatch(text::contains);
    }

    static final String HEALTHY = "healthy deployment";
    static final String INGRESS_CRASH = "ingress → crash loop";
    static final String INGRESS_MISSING = "ingress → missing service";
    static final String AUTOSCALER = "autoscaler without metrics";
    static final String CLAIM = "claim asked directly";

    /** The states, in the order of the table. */
    public static List<FailureState> all() {
        return List.of(
                deployment("crash loop", "bench-crashloop", "orders", Log.PREVIOUS, List.of("CrashLoopBackOff")),
                deployment(
                        "image pull",
                        "bench-imagepull",
                        "catalog",
                        Log.NONE,
                        List.of("ImagePullBackOff", "ErrImagePull")),
                deployment("OOM kill", "bench-oom", "cache", Log.PREVIOUS, List.of("OOMKilled")),
                deployment("unschedulable", "bench-unschedulable", "reports", Log.NONE, List.of("Insufficient cpu")),
                deployment(
                        "readiness probe",
                        "bench-unready",
                        "search",
                        Log.CURRENT,
                        List.of("Readiness probe failed", "ReadinessProbeFailing")),
                deployment(
                        "pending claim",
                        "bench-pending-claim",
                        "ledger",
                        Log.NONE,
                        List.of("ClaimPending", "unbound immediate PersistentVolumeClaims")),
                new FailureState(
                        "failed job",
                        "bench-failed-job",
                        "job",
                        "batch/v1",
                        "Job",
                        "migrate",
                        Log.CURRENT,
                        List.of("BackoffLimitExceeded")),
                new FailureState(
                        "service selects nothing",
                        "bench-service",
                        "service",
                        "v1",
                        "Service",
                        "checkout",
                        Log.NONE,
                        List.of("ServiceSelectsNothing")),
                deployment(HEALTHY, "bench-healthy", "web", Log.NONE, List.of()),
                new FailureState(
                        INGRESS_CRASH,
                        "bench-ingress-crash",
                        "ingress",
                        "networking.k8s.io/v1",
                        "Ingress",
                        "storefront",
                        Log.PREVIOUS,
                        List.of("CrashLoopBackOff"),
                        "orders",
                        List.of("orders")),
                new FailureState(
                        INGRESS_MISSING,
                        "bench-ingress-missing",
                        "ingress",
                        "networking.k8s.io/v1",
                        "Ingress",
                        "storefront",
                        Log.NONE,
                        List.of("BackendServiceMissing", "not found"),
                        "",
                        List.of("api")),
                new FailureState(
                        AUTOSCALER,
                        "bench-autoscaler",
                        "hpa",
                        "autoscaling/v2",
                        "HorizontalPodAutoscaler",
                        "web",
                        Log.NONE,
                        List.of("FailedGetResourceMetric"),
                        "web",
                        List.of()),
                new FailureState(
                        CLAIM,
                        "bench-claim",
                        "pvc",
                        "v1",
                        "PersistentVolumeClaim",
                        "ledger-data",
                        Log.NONE,
                        List.of("ClaimPending", "unbound immediate PersistentVolumeClaims"),
                        "ledger",
                        List.of()));
    }

    private static FailureState deployment(
            String label, String namespace, String name, Log log, List<String> causeWords) {
        return new FailureState(label, namespace, "deployment", "apps/v1", "Deployment", name, log, causeWords);
    }

    /** Creates the objects of this state; they reach it a moment later ({@link #await}). */
    public void create(Workloads workloads, KubernetesClient admin) {
        switch (label) {
            case "crash loop" -> workloads.crashLoopingDeployment(namespace, name);
            case "image pull" -> workloads.imagePullFailingDeployment(namespace, name);
            case "OOM kill" -> workloads.oomKilledDeployment(namespace, name);
            case "unschedulable" -> workloads.unschedulableDeployment(namespace, name);
            case "readiness probe" -> workloads.unreadyDeployment(namespace, name);
            case "pending claim" -> workloads.deploymentWithPendingClaim(namespace, name);
            case "failed job" -> workloads.failedJob(namespace, name);
            case "service selects nothing" -> {
                // The classic typo after a rename: the pods are app=checkout, the Service selects app=checkout-v2.
                workloads.healthyDeployment(namespace, name, 1);
                workloads.serviceSelectingNothing(namespace, name);
            }
            case HEALTHY -> workloads.healthyDeployment(namespace, name, 2);
            case INGRESS_CRASH -> {
                workloads.crashLoopingDeployment(namespace, workload);
                workloads.serviceFor(admin.apps()
                        .deployments()
                        .inNamespace(namespace)
                        .withName(workload)
                        .get());
                StartingObjects.ingress(admin, namespace, name, Map.of("/", workload));
            }
            case INGRESS_MISSING -> {
                workloads.namespace(namespace);
                StartingObjects.ingress(admin, namespace, name, Map.of("/", "api"));
            }
            case AUTOSCALER -> {
                workloads.healthyDeployment(namespace, workload, 1);
                StartingObjects.autoscalerWithoutMetrics(admin, namespace, name, workload);
            }
            case CLAIM -> workloads.deploymentWithPendingClaim(namespace, workload);
            default -> throw new IllegalStateException("unknown state " + label);
        }
    }

    /** Waits (bounded by the test bed) until a client sees this state. */
    public void await(Workloads workloads, KubernetesClient admin) {
        switch (label) {
            case "failed job" -> workloads.awaitJobCondition(namespace, name, "Failed");
            case "service selects nothing" -> {
                workloads.awaitPodsRunning(namespace, name, 1);
                workloads.awaitCondition(namespace + "/" + name + ": an endpoint slice without endpoints", () -> {
                    List<EndpointSlice> slices = admin.discovery()
                            .v1()
                            .endpointSlices()
                            .inNamespace(namespace)
                            .withLabel("kubernetes.io/service-name", name)
                            .list()
                            .getItems();
                    if (slices.isEmpty()
                            || slices.stream()
                                    .anyMatch(slice -> slice.getEndpoints() != null
                                            && !slice.getEndpoints().isEmpty())) {
                        throw new AssertionError("endpoint slices: " + slices.size());
                    }
                    return slices;
                });
            }
            case HEALTHY -> workloads.awaitPodsRunning(namespace, name, 2);
            case INGRESS_MISSING -> {}
            case AUTOSCALER -> workloads.awaitPodsRunning(namespace, workload, 1);
            default -> workloads.awaitFault(namespace, workload);
        }
    }
}
