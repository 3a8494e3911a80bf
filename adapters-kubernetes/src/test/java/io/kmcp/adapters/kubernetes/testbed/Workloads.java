package io.kmcp.adapters.kubernetes.testbed;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Workloads in known states on a control plane {@linkplain LocalControlPlane#startWithWorkloads
 * started with workloads}: healthy ones, and the faults an operator diagnoses (crash loops, image
 * pulls, OOM kills, unready pods, unschedulable pods, pending claims, failed Jobs), with container
 * logs served through the API server like kubelet's.
 *
 * <p>Every creating method returns as soon as the objects are stored; the controllers, the scheduler
 * and kwok take a second or two to bring them to the promised state, which {@link #awaitPodsRunning}
 * and {@link #awaitFault} wait for. Conventions:
 *
 * <ul>
 *   <li>a workload named {@code name} has the label {@code app=name} on its pods and a single
 *       container also named {@code name} (image {@code registry.example/<name>:1.4.2}, port 8080);
 *   <li>its pods carry {@value #FAULT_LABEL}{@code =<fault>} when faulty: kwok's stages (see {@code
 *       kwok-stages.yaml}) give them the fault's status instead of a running one;
 *   <li>namespaces are created on demand; use one namespace per scenario.
 * </ul>
 *
 * <p>Logs are registered per namespace and container name (kwok ClusterLogs), so two workloads of a
 * namespace never share logs; replicas of one workload do.
 */
public final class Workloads {

    /** The pod label that selects a kwok fault stage. */
    public static final String FAULT_LABEL = "kmcp.test/fault";
    /** The label every pod of a workload carries, with the workload's name as value. */
    public static final String APP_LABEL = "app";
    /** The StorageClass whose claims stay Pending: its provisioner does not run. */
    public static final String UNPROVISIONED_STORAGE_CLASS = "kmcp-test-unprovisioned";
    /** How long the waiting methods wait unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** The previous run of a crash-looping container, unless the caller gives its own lines. */
    public static final List<String> CRASH_LOG = List.of(
            "starting orders-api version 1.4.2",
            "loading configuration from /etc/app/config.yaml",
            "connecting to database at db:5432",
            "dial tcp 10.96.0.42:5432: connect: connection refused",
            "panic: cannot connect to database at db:5432");

    private static final String CRASHLOOP = "crashloop";
    private static final String IMAGE_PULL = "imagepull";
    private static final String OOM = "oom";
    private static final String UNREADY = "unready";
    private static final String FAIL = "fail";
    private static final String UNSCHEDULABLE = "unschedulable";
    private static final String PENDING_CLAIM = "pending-claim";
    private static final int CONTAINER_PORT = 8080;
    private static final DateTimeFormatter CRI_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'").withZone(ZoneOffset.UTC);

    private final KubernetesClient admin;
    private final Path logDirectory;
    private final Set<String> readyNamespaces = ConcurrentHashMap.newKeySet();

    Workloads(KubernetesClient admin, Path logDirectory) {
        this.admin = admin;
        this.logDirectory = logDirectory;
    }

    // ---------------------------------------------------------------------------------------------
    // Deployments

    /** {@code replicas} pods Running and Ready on the fake nodes, with a few lines of logs each. */
    public Deployment healthyDeployment(String namespace, String name, int replicas) {
        Deployment deployment = deployment(namespace, name, replicas, null, spec -> {});
        containerLogs(
                namespace,
                name,
                LogLines.of(
                        "starting " + name + " version 1.4.2",
                        "listening on :" + CONTAINER_PORT,
                        "GET /healthz 200 (0.4 ms)",
                        "GET /api/orders 200 (12.1 ms)"),
                null);
        return deployment;
    }

    /**
     * One pod in CrashLoopBackOff: restart count 4, last state terminated with exit code 1 (reason
     * Error) two seconds after it started, Ready False, and a Warning BackOff event. Both the
     * current and the previous log are {@code logLines} (kubelet serves the last terminated run as
     * the current log while the container waits to restart).
     */
    public Deployment crashLoopingDeployment(String namespace, String name, List<String> logLines) {
        Deployment deployment = deployment(namespace, name, 1, CRASHLOOP, spec -> {});
        containerLogs(namespace, name, LogLines.of(logLines), LogLines.of(logLines));
        return deployment;
    }

    /** {@link #crashLoopingDeployment(String, String, List)} with {@link #CRASH_LOG}. */
    public Deployment crashLoopingDeployment(String namespace, String name) {
        return crashLoopingDeployment(namespace, name, CRASH_LOG);
    }

    /**
     * One pod whose image cannot be pulled ({@code registry.invalid/<name>:does-not-exist}): phase
     * Pending, container waiting with ErrImagePull, a second later ImagePullBackOff with message
     * {@code Back-off pulling image "..."}; Warning Failed events "Error: ErrImagePull" and "Error:
     * ImagePullBackOff". No logs: the container never started.
     */
    public Deployment imagePullFailingDeployment(String namespace, String name) {
        return deployment(
                namespace,
                name,
                1,
                IMAGE_PULL,
                spec -> spec.editFirstContainer()
                        .withImage("registry.invalid/" + name + ":does-not-exist")
                        .endContainer());
    }

    /**
     * One pod killed for exceeding its 128Mi memory limit: last state terminated OOMKilled with exit
     * code 137, restart count 3, waiting in CrashLoopBackOff, Ready False, a Warning BackOff event,
     * and a log that stops mid-work (an OOM kill leaves no error message).
     */
    public Deployment oomKilledDeployment(String namespace, String name) {
        Deployment deployment = deployment(
                namespace,
                name,
                1,
                OOM,
                spec -> spec.editFirstContainer()
                        .editResources()
                        .addToLimits("memory", new Quantity("128Mi"))
                        .endResources()
                        .endContainer());
        List<String> lines = List.of(
                "starting " + name + " version 1.4.2",
                "loading product catalogue into memory",
                "loaded 1200000 of 4800000 products");
        containerLogs(namespace, name, LogLines.of(lines), LogLines.of(lines));
        return deployment;
    }

    /**
     * One pod that no node can take: it requests 100 CPUs and the fake nodes have 4 each. The real
     * scheduler reports PodScheduled False, reason Unschedulable, "0/3 nodes are available: 3
     * Insufficient cpu", and a Warning FailedScheduling event.
     */
    public Deployment unschedulableDeployment(String namespace, String name) {
        return deployment(
                namespace,
                name,
                1,
                UNSCHEDULABLE,
                spec -> spec.editFirstContainer()
                        .editResources()
                        .addToRequests("cpu", new Quantity("100"))
                        .endResources()
                        .endContainer());
    }

    /**
     * One pod Running whose readiness probe fails: container running but not ready, Ready False with
     * reason ContainersNotReady, a Warning Unhealthy event "Readiness probe failed: HTTP probe
     * failed with statuscode: 503", and logs saying why.
     */
    public Deployment unreadyDeployment(String namespace, String name) {
        Deployment deployment = deployment(
                namespace,
                name,
                1,
                UNREADY,
                spec -> spec.editFirstContainer()
                        .withNewReadinessProbe()
                        .withNewHttpGet()
                        .withPath("/ready")
                        .withPort(new IntOrString(CONTAINER_PORT))
                        .endHttpGet()
                        .withPeriodSeconds(10)
                        .endReadinessProbe()
                        .endContainer());
        containerLogs(
                namespace,
                name,
                LogLines.of(
                        "starting " + name + " version 1.4.2",
                        "listening on :" + CONTAINER_PORT,
                        "GET /ready 503: waiting for cache warm-up (0 of 12 shards loaded)"),
                null);
        return deployment;
    }

    /**
     * One pod that mounts the claim {@code <name>-data} of StorageClass {@value
     * #UNPROVISIONED_STORAGE_CLASS}, whose provisioner does not run: the claim stays Pending (the
     * volume controller reports ExternalProvisioning) and the scheduler reports the pod
     * Unschedulable with "pod has unbound immediate PersistentVolumeClaims".
     */
    public Deployment deploymentWithPendingClaim(String namespace, String name) {
        unprovisionedStorageClass();
        String claim = name + "-data";
        namespace(namespace);
        admin.persistentVolumeClaims()
                .inNamespace(namespace)
                .resource(new PersistentVolumeClaimBuilder()
                        .withNewMetadata()
                        .withName(claim)
                        .withNamespace(namespace)
                        .endMetadata()
                        .withNewSpec()
                        .withStorageClassName(UNPROVISIONED_STORAGE_CLASS)
                        .withAccessModes("ReadWriteOnce")
                        .withNewResources()
                        .addToRequests("storage", new Quantity("1Gi"))
                        .endResources()
                        .endSpec()
                        .build())
                .serverSideApply();
        return deployment(
                namespace,
                name,
                1,
                PENDING_CLAIM,
                spec -> spec.addNewVolume()
                        .withName("data")
                        .withNewPersistentVolumeClaim()
                        .withClaimName(claim)
                        .endPersistentVolumeClaim()
                        .endVolume()
                        .editFirstContainer()
                        .addNewVolumeMount()
                        .withName("data")
                        .withMountPath("/var/lib/" + name)
                        .endVolumeMount()
                        .endContainer());
    }

    // ---------------------------------------------------------------------------------------------
    // Jobs and Services

    /** A Job whose single pod runs for a second and succeeds: condition Complete, succeeded 1. */
    public Job completedJob(String namespace, String name) {
        Job job = job(namespace, name, null);
        containerLogs(namespace, name, LogLines.of("migrating schema to version 42", "migration done"), null);
        return job;
    }

    /**
     * A Job with backoffLimit 0 whose pod fails (phase Failed, container terminated with exit code
     * 1, reason Error): the Job controller marks it Failed with reason BackoffLimitExceeded.
     */
    public Job failedJob(String namespace, String name) {
        Job job = job(namespace, name, FAIL);
        containerLogs(
                namespace,
                name,
                LogLines.of(
                        "migrating schema to version 42",
                        "ERROR: relation \"orders\" does not exist",
                        "migration failed, exiting with status 1"),
                null);
        return job;
    }

    /** A ClusterIP Service on port 80 in front of the deployment's pods (target port 8080). */
    public Service serviceFor(Deployment deployment) {
        String namespace = deployment.getMetadata().getNamespace();
        String name = deployment.getMetadata().getName();
        return service(namespace, name, Map.of(APP_LABEL, name));
    }

    /**
     * A ClusterIP Service selecting {@code app=<name>-v2}, which no pod carries (the classic typo
     * after a rename): it has no endpoints.
     */
    public Service serviceSelectingNothing(String namespace, String name) {
        return service(namespace, name, Map.of(APP_LABEL, name + "-v2"));
    }

    // ---------------------------------------------------------------------------------------------
    // Logs

    /**
     * Serves {@code current} (and, with {@code previous=true}, {@code previous}, which may be null)
     * as the log of container {@code container} in every pod of {@code namespace}: files in CRI
     * format ({@code <RFC 3339 time> stdout F <line>}) registered with kwok as ClusterLogs. Takes
     * effect within a moment (kwok watches ClusterLogs); calling it again replaces the logs.
     */
    public void containerLogs(String namespace, String container, LogLines current, LogLines previous) {
        Objects.requireNonNull(current, "current");
        Path dir = logDirectory.resolve(namespace);
        Path currentFile = dir.resolve(container + ".log");
        Path previousFile = dir.resolve(container + ".previous.log");
        try {
            Files.createDirectories(dir);
            Files.writeString(currentFile, criLog(current), StandardCharsets.UTF_8);
            if (previous != null) {
                Files.writeString(previousFile, criLog(previous), StandardCharsets.UTF_8);
            } else {
                Files.deleteIfExists(previousFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("containers", List.of(container));
        log.put("logsFile", currentFile.toString());
        // Without a previous run the file is absent and the request fails with 400, as kubelet's
        // "previous terminated container not found" does (kwok would otherwise read the directory).
        log.put("previousLogsFile", previousFile.toString());
        log.put("follow", false);
        GenericKubernetesResource clusterLogs = new GenericKubernetesResourceBuilder()
                .withApiVersion(KwokCluster.KWOK_API_VERSION)
                .withKind("ClusterLogs")
                .withNewMetadata()
                .withName(namespace + "." + container)
                .endMetadata()
                .addToAdditionalProperties(
                        "spec", Map.of("selector", Map.of("matchNamespaces", List.of(namespace)), "logs", List.of(log)))
                .build();
        admin.genericKubernetesResources(KwokCluster.KWOK_API_VERSION, "ClusterLogs")
                .resource(clusterLogs)
                .serverSideApply();
    }

    /** The lines in CRI log format, as kubelet's container runtime writes them. */
    static String criLog(LogLines log) {
        StringBuilder out = new StringBuilder();
        int count = log.lines().size();
        for (int i = 0; i < count; i++) {
            Instant at = log.lastLineAt().minus(log.spacing().multipliedBy(count - 1L - i));
            out.append(CRI_TIME.format(at))
                    .append(" stdout F ")
                    .append(log.lines().get(i))
                    .append('\n');
        }
        return out.toString();
    }

    /**
     * Lines of a container log and when they were written: one {@code spacing} apart, the last at
     * {@code lastLineAt}. {@link #of} stamps them one second apart up to now.
     */
    public record LogLines(List<String> lines, Instant lastLineAt, Duration spacing) {

        public LogLines {
            lines = List.copyOf(lines);
            Objects.requireNonNull(lastLineAt, "lastLineAt");
            Objects.requireNonNull(spacing, "spacing");
        }

        public static LogLines of(List<String> lines) {
            return new LogLines(lines, Instant.now(), Duration.ofSeconds(1));
        }

        public static LogLines of(String... lines) {
            return of(List.of(lines));
        }

        public LogLines endingAt(Instant last) {
            return new LogLines(lines, last, spacing);
        }

        public LogLines spacedBy(Duration gap) {
            return new LogLines(lines, lastLineAt, gap);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Observing and waiting

    /** The workload's pods that are not being deleted, by name. */
    public List<Pod> pods(String namespace, String workload) {
        return admin.pods().inNamespace(namespace).withLabel(APP_LABEL, workload).list().getItems().stream()
                .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null)
                .sorted((a, b) ->
                        a.getMetadata().getName().compareTo(b.getMetadata().getName()))
                .collect(Collectors.toList());
    }

    /** Waits until exactly {@code count} pods of the workload are Running and Ready on a node. */
    public List<Pod> awaitPodsRunning(String namespace, String workload, int count) {
        return awaitPods(
                namespace + "/" + workload + ": " + count + " pods Running and Ready",
                namespace,
                workload,
                pods -> pods.size() == count
                        && pods.stream()
                                .allMatch(
                                        pod -> "Running".equals(pod.getStatus().getPhase())
                                                && pod.getSpec().getNodeName() != null
                                                && condition(pod, "Ready").equals("True")));
    }

    /**
     * Waits until every pod of the workload shows the fault its label names, as a client sees it:
     * the status fields each creating method documents and, where kubelet would emit one, the
     * Warning event. Returns the pods.
     */
    public List<Pod> awaitFault(String namespace, String workload) {
        List<Pod> pods = awaitPods(
                namespace + "/" + workload + ": the fault of its " + FAULT_LABEL + " label",
                namespace,
                workload,
                candidates -> !candidates.isEmpty() && candidates.stream().allMatch(Workloads::faultVisible));
        String fault = pods.get(0).getMetadata().getLabels().get(FAULT_LABEL);
        Optional<String> reason = warningReason(fault);
        reason.ifPresent(expected ->
                awaitCondition(namespace + "/" + workload + ": a Warning " + expected + " event for every pod", () -> {
                    List<Event> events =
                            admin.v1().events().inNamespace(namespace).list().getItems();
                    for (Pod pod : pods) {
                        boolean found = events.stream()
                                .anyMatch(e -> "Warning".equals(e.getType())
                                        && expected.equals(e.getReason())
                                        && pod.getMetadata()
                                                .getName()
                                                .equals(e.getInvolvedObject().getName()));
                        if (!found) {
                            throw new AssertionError("no Warning " + expected + " event for "
                                    + pod.getMetadata().getName());
                        }
                    }
                    return null;
                }));
        return pods;
    }

    /** Waits until the Job has the condition ({@code Complete} or {@code Failed}) with status True. */
    public Job awaitJobCondition(String namespace, String name, String conditionType) {
        return awaitCondition(namespace + "/" + name + ": Job condition " + conditionType, () -> {
            Job job = admin.batch()
                    .v1()
                    .jobs()
                    .inNamespace(namespace)
                    .withName(name)
                    .get();
            List<JobCondition> conditions =
                    job == null || job.getStatus() == null || job.getStatus().getConditions() == null
                            ? List.of()
                            : job.getStatus().getConditions();
            if (conditions.stream().noneMatch(c -> conditionType.equals(c.getType()) && "True".equals(c.getStatus()))) {
                throw new AssertionError("conditions are "
                        + conditions.stream()
                                .map(c -> c.getType() + "=" + c.getStatus())
                                .collect(Collectors.toList()));
            }
            return job;
        });
    }

    /** The attempt's result once it neither throws nor fails an assertion, within {@link #DEFAULT_TIMEOUT}. */
    public <T> T awaitCondition(String description, Callable<T> attempt) {
        return awaitCondition(description, DEFAULT_TIMEOUT, attempt);
    }

    public <T> T awaitCondition(String description, Duration timeout, Callable<T> attempt) {
        try {
            return Eventually.within(timeout, attempt);
        } catch (AssertionError e) {
            throw new AssertionError(
                    "not reached within " + timeout + ": " + description + " (last attempt: "
                            + (e.getCause() == null
                                    ? e.getMessage()
                                    : e.getCause().getMessage()) + ")",
                    e.getCause());
        }
    }

    private List<Pod> awaitPods(String description, String namespace, String workload, Predicate<List<Pod>> state) {
        return awaitCondition(description, () -> {
            List<Pod> pods = pods(namespace, workload);
            if (!state.test(pods)) {
                throw new AssertionError(
                        pods.isEmpty()
                                ? "no pod"
                                : pods.stream().map(Workloads::summary).collect(Collectors.joining("; ")));
            }
            return pods;
        });
    }

    private static boolean faultVisible(Pod pod) {
        String fault = pod.getMetadata().getLabels().get(FAULT_LABEL);
        List<ContainerStatus> statuses = pod.getStatus().getContainerStatuses() == null
                ? List.of()
                : pod.getStatus().getContainerStatuses();
        if (fault == null) {
            return false;
        }
        switch (fault) {
            case CRASHLOOP:
                return !statuses.isEmpty()
                        && statuses.stream()
                                .allMatch(s -> "CrashLoopBackOff".equals(waitingReason(s))
                                        && "Error".equals(lastTerminationReason(s)));
            case OOM:
                return !statuses.isEmpty()
                        && statuses.stream()
                                .allMatch(s -> "CrashLoopBackOff".equals(waitingReason(s))
                                        && "OOMKilled".equals(lastTerminationReason(s)));
            case IMAGE_PULL:
                return !statuses.isEmpty()
                        && statuses.stream().allMatch(s -> "ImagePullBackOff".equals(waitingReason(s)));
            case UNREADY:
                return "Running".equals(pod.getStatus().getPhase())
                        && condition(pod, "Ready").equals("False")
                        && !statuses.isEmpty()
                        && statuses.stream().allMatch(s -> s.getState().getRunning() != null);
            case FAIL:
                return "Failed".equals(pod.getStatus().getPhase());
            case UNSCHEDULABLE:
            case PENDING_CLAIM:
                return pod.getStatus().getConditions() != null
                        && pod.getStatus().getConditions().stream()
                                .anyMatch(c -> "PodScheduled".equals(c.getType())
                                        && "False".equals(c.getStatus())
                                        && "Unschedulable".equals(c.getReason()));
            default:
                throw new IllegalArgumentException("unknown fault " + fault);
        }
    }

    private static Optional<String> warningReason(String fault) {
        switch (fault) {
            case CRASHLOOP:
            case OOM:
                return Optional.of("BackOff");
            case IMAGE_PULL:
                return Optional.of("Failed");
            case UNREADY:
                return Optional.of("Unhealthy");
            case UNSCHEDULABLE:
            case PENDING_CLAIM:
                return Optional.of("FailedScheduling");
            default:
                return Optional.empty();
        }
    }

    private static String waitingReason(ContainerStatus status) {
        return status.getState() == null || status.getState().getWaiting() == null
                ? null
                : status.getState().getWaiting().getReason();
    }

    private static String lastTerminationReason(ContainerStatus status) {
        return status.getLastState() == null || status.getLastState().getTerminated() == null
                ? null
                : status.getLastState().getTerminated().getReason();
    }

    private static String condition(Pod pod, String type) {
        List<PodCondition> conditions =
                pod.getStatus() == null || pod.getStatus().getConditions() == null
                        ? List.of()
                        : pod.getStatus().getConditions();
        return conditions.stream()
                .filter(c -> type.equals(c.getType()))
                .map(PodCondition::getStatus)
                .findFirst()
                .orElse("Unknown");
    }

    private static String summary(Pod pod) {
        List<String> containers = new ArrayList<>();
        if (pod.getStatus().getContainerStatuses() != null) {
            for (ContainerStatus s : pod.getStatus().getContainerStatuses()) {
                containers.add(s.getName() + " "
                        + (s.getState().getRunning() != null
                                ? "running"
                                : s.getState().getWaiting() != null
                                        ? "waiting " + s.getState().getWaiting().getReason()
                                        : s.getState().getTerminated() != null
                                                ? "terminated "
                                                        + s.getState()
                                                                .getTerminated()
                                                                .getReason()
                                                : "?"));
            }
        }
        return pod.getMetadata().getName() + " phase=" + pod.getStatus().getPhase() + " node="
                + pod.getSpec().getNodeName() + " ready=" + condition(pod, "Ready") + " scheduled="
                + condition(pod, "PodScheduled") + " " + containers;
    }

    // ---------------------------------------------------------------------------------------------
    // Building blocks

    /**
     * Creates the namespace if needed and waits for its default ServiceAccount, which
     * kube-controller-manager adds a moment later and without which no pod can be created in it.
     */
    public Workloads namespace(String namespace) {
        if (readyNamespaces.contains(namespace)) {
            return this;
        }
        admin.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(namespace)
                        .endMetadata()
                        .build())
                .serverSideApply();
        awaitCondition(
                namespace + ": default ServiceAccount",
                () -> Objects.requireNonNull(
                        admin.serviceAccounts()
                                .inNamespace(namespace)
                                .withName("default")
                                .get(),
                        "not yet"));
        readyNamespaces.add(namespace);
        return this;
    }

    private Deployment deployment(
            String namespace, String name, int replicas, String fault, Consumer<PodSpecBuilder> customise) {
        namespace(namespace);
        Map<String, String> labels = podLabels(name, fault);
        PodSpecBuilder spec = new PodSpecBuilder().addToContainers(container(name));
        customise.accept(spec);
        Deployment deployment = new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .addToLabels(APP_LABEL, name)
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector()
                .addToMatchLabels(APP_LABEL, name)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(labels)
                .endMetadata()
                .withSpec(spec.build())
                .endTemplate()
                .endSpec()
                .build();
        return admin.apps()
                .deployments()
                .inNamespace(namespace)
                .resource(deployment)
                .serverSideApply();
    }

    private Job job(String namespace, String name, String fault) {
        namespace(namespace);
        PodSpec spec = new PodSpecBuilder()
                .addToContainers(container(name))
                .withRestartPolicy("Never")
                .build();
        Job job = new JobBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .addToLabels(APP_LABEL, name)
                .endMetadata()
                .withNewSpec()
                .withBackoffLimit(0)
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(podLabels(name, fault))
                .endMetadata()
                .withSpec(spec)
                .endTemplate()
                .endSpec()
                .build();
        return admin.batch().v1().jobs().inNamespace(namespace).resource(job).serverSideApply();
    }

    private Service service(String namespace, String name, Map<String, String> selector) {
        namespace(namespace);
        return admin.services()
                .inNamespace(namespace)
                .resource(new ServiceBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(namespace)
                        .endMetadata()
                        .withNewSpec()
                        .withType("ClusterIP")
                        .withSelector(selector)
                        .addNewPort()
                        .withName("http")
                        .withPort(80)
                        .withTargetPort(new IntOrString(CONTAINER_PORT))
                        .endPort()
                        .endSpec()
                        .build())
                .serverSideApply();
    }

    private void unprovisionedStorageClass() {
        admin.storage()
                .v1()
                .storageClasses()
                .resource(new StorageClassBuilder()
                        .withNewMetadata()
                        .withName(UNPROVISIONED_STORAGE_CLASS)
                        .endMetadata()
                        .withProvisioner("csi.kmcp.test")
                        .withVolumeBindingMode("Immediate")
                        .build())
                .serverSideApply();
    }

    private static Map<String, String> podLabels(String name, String fault) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(APP_LABEL, name);
        if (fault != null) {
            labels.put(FAULT_LABEL, fault);
        }
        return labels;
    }

    private static io.fabric8.kubernetes.api.model.Container container(String name) {
        return new ContainerBuilder()
                .withName(name)
                .withImage("registry.example/" + name + ":1.4.2")
                .addNewPort()
                .withName("http")
                .withContainerPort(CONTAINER_PORT)
                .endPort()
                .withNewResources()
                .addToRequests("cpu", new Quantity("50m"))
                .addToRequests("memory", new Quantity("64Mi"))
                .endResources()
                .build();
    }
}
