package io.kmcp.acceptance.driver;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kmcp.adapters.kubernetes.testbed.LocalControlPlane;
import io.kmcp.adapters.kubernetes.testbed.SharedControlPlane;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.PrivateKey;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.testcontainers.DockerClientFactory;

/**
 * The cluster the features run against, chosen with {@code -Dkmcp.cluster}: {@code local} (the
 * default) starts the test bed's control plane; {@code kind} uses an existing kind cluster described by
 * environment variables; {@code k3s} starts a K3s container through Testcontainers. Whichever it is,
 * the features see the same thing: the API server URL and CA an operator gives k-mcp, an
 * administrator's client for set-up, and the API server's audit log.
 */
public final class TestCluster {

    static final String TARGET_PROPERTY = "kmcp.cluster";

    /** Scenarios that need what only the test bed has: a second control plane, the cluster's signing key. */
    public static final String LOCAL_ONLY = "@local-only";

    /**
     * Scenarios that need workloads that come alive: a control plane of the test bed that also runs
     * kube-controller-manager, kube-scheduler and kwok's fake nodes. Only the local target starts one,
     * so the tag implies {@value #LOCAL_ONLY}.
     */
    public static final String WORKLOADS = "@workloads";

    /** What the kind target needs, as scripts/kind/setup.sh is to export it. */
    static final List<String> KIND_VARIABLES = List.of("KMCP_API_SERVER", "KMCP_CA_FILE", "KMCP_ADMIN_KUBECONFIG");

    private static final String KIND_ISSUER = "https://kubernetes.default.svc.cluster.local";

    private final String description;
    private final String apiServerUrl;
    private final Path caFile;
    private final String issuer;
    private final KubernetesClient admin;
    private final Optional<AuditLog> auditLog;
    private final Optional<PrivateKey> signingKey;

    private static Target checked;

    TestCluster(
            String description,
            String apiServerUrl,
            Path caFile,
            String issuer,
            KubernetesClient admin,
            Optional<AuditLog> auditLog,
            Optional<PrivateKey> signingKey) {
        this.description = description;
        this.apiServerUrl = apiServerUrl;
        this.caFile = caFile;
        this.issuer = issuer;
        this.admin = admin;
        this.auditLog = auditLog;
        this.signingKey = signingKey;
    }

    /**
     * The target named by {@code -Dkmcp.cluster}, started or reached; fails fast when it cannot be. A
     * target that is {@linkplain Target#unavailable() unavailable} is the caller's to skip beforehand.
     */
    public static TestCluster fromSystemProperties() {
        Target target = checkedTarget();
        target.unavailable().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        return switch (target.name()) {
            case "kind" -> kind(System.getenv());
            case "k3s" -> K3sCluster.start();
            default -> local();
        };
    }

    /**
     * The target named by {@code -Dkmcp.cluster}, checked without starting anything, so that a run
     * against a target that cannot work stops before its first scenario, and one whose machine cannot
     * host it is skipped. Checked once per JVM: finding out whether a Docker engine answers takes a while.
     */
    public static synchronized Target checkedTarget() {
        if (checked == null) {
            checked = select(
                    System.getProperty(TARGET_PROPERTY, "local"),
                    System.getenv(),
                    () -> DockerClientFactory.instance().isDockerAvailable());
        }
        return checked;
    }

    /**
     * The target a run asked for: a misconfigured one (unknown name, kind without its variables) fails
     * with what to do; k3s on a machine without a Docker engine is {@linkplain Target#unavailable()
     * unavailable}, which skips the run instead of failing it, since nothing is wrong with the product.
     */
    static Target select(String requested, Map<String, String> environment, BooleanSupplier dockerAvailable) {
        String target = requested.strip().toLowerCase(Locale.ROOT);
        return switch (target) {
            case "", "local" -> new Target("local", Optional.empty());
            case "kind" -> {
                kindVariables(environment);
                yield new Target("kind", Optional.empty());
            }
            case "k3s" ->
                new Target(
                        "k3s",
                        dockerAvailable.getAsBoolean()
                                ? Optional.empty()
                                : Optional.of("-D" + TARGET_PROPERTY + "=k3s needs a Docker engine; none found"));
            default ->
                throw new IllegalStateException("-D" + TARGET_PROPERTY + "=" + target
                        + " is not a cluster target; use local (the default), kind (an existing kind cluster,"
                        + " see scripts/kind/setup.sh) or k3s (a K3s container, needs a Docker engine).");
        };
    }

    /**
     * A cluster target by name, and why this machine cannot run it, if so.
     *
     * @param unavailable empty when the target can run here
     */
    public record Target(String name, Optional<String> unavailable) {

        /** Why this target skips a scenario with these tags, if it does. */
        public Optional<String> skips(Collection<String> tags) {
            if (unavailable.isPresent()) {
                return unavailable;
            }
            if (tags.contains(WORKLOADS) && !name.equals("local")) {
                return Optional.of("it is tagged " + WORKLOADS + ": it needs workloads that run (a control plane of"
                        + " the test bed with controllers, a scheduler and kwok's fake nodes, which only the local"
                        + " target starts), and this run is on " + name);
            }
            if (tags.contains(LOCAL_ONLY) && !name.equals("local")) {
                return Optional.of("it is tagged " + LOCAL_ONLY + ": it needs what only the local target has (a"
                        + " second control plane, or the cluster's signing key), and this run is on " + name);
            }
            return Optional.empty();
        }
    }

    private static TestCluster local() {
        return of(SharedControlPlane.get());
    }

    /** A control plane of the test bed as a target: the shared one, or another started beside it. */
    public static TestCluster of(LocalControlPlane plane) {
        return new TestCluster(
                "local control plane " + plane.name() + " at " + plane.apiServerUrl(),
                plane.apiServerUrl(),
                plane.caFile(),
                plane.issuer(),
                plane.adminClient(),
                Optional.of(new AuditLog(plane.auditLog())),
                Optional.of(plane.pki().serviceAccountKeys().getPrivate()));
    }

    /**
     * An existing kind cluster: its API server URL and CA file as k-mcp is given them, an administrator's
     * kubeconfig for set-up, and optionally the API server's audit log copied out of the node.
     */
    static TestCluster kind(Map<String, String> environment) {
        kindVariables(environment);
        Path kubeconfig = Paths.get(environment.get("KMCP_ADMIN_KUBECONFIG"));
        Path caFile = Paths.get(environment.get("KMCP_CA_FILE"));
        for (Path file : List.of(kubeconfig, caFile)) {
            if (!Files.isReadable(file)) {
                throw new IllegalStateException(file + " cannot be read (kind target)");
            }
        }
        KubernetesClient admin;
        try {
            Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
            admin = new KubernetesClientBuilder()
                    .withConfig(new ConfigBuilder(config)
                            .withRequestRetryBackoffLimit(0)
                            .build())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String apiServer = environment.get("KMCP_API_SERVER");
        return new TestCluster(
                "kind cluster " + apiServer,
                apiServer,
                caFile,
                environment.getOrDefault("KMCP_ISSUER", KIND_ISSUER),
                admin,
                Optional.ofNullable(environment.get("KMCP_AUDIT_LOG"))
                        .filter(path -> !path.isBlank())
                        .map(path -> new AuditLog(Paths.get(path))),
                Optional.empty());
    }

    /** Fails with what is missing unless the environment describes a kind cluster. */
    static void kindVariables(Map<String, String> environment) {
        List<String> missing = KIND_VARIABLES.stream()
                .filter(name -> environment.getOrDefault(name, "").isBlank())
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("-D" + TARGET_PROPERTY + "=kind runs the features against an existing"
                    + " kind cluster and needs " + String.join(", ", KIND_VARIABLES)
                    + " (the API server URL, its CA file and an administrator's kubeconfig; KMCP_AUDIT_LOG"
                    + " optionally names the API server's audit log). Missing: " + String.join(", ", missing)
                    + ". Create the cluster with scripts/kind/setup.sh and export them with"
                    + " `source target/kind/env`, or drop -D" + TARGET_PROPERTY + " to use the local control plane.");
        }
    }

    public String description() {
        return description;
    }

    /** The API server's URL, as k-mcp's --api-server and a token's audience name it. */
    public String apiServerUrl() {
        return apiServerUrl;
    }

    public Path caFile() {
        return caFile;
    }

    public String issuer() {
        return issuer;
    }

    public ClusterAdmin admin() {
        return new ClusterAdmin(admin, issuer);
    }

    /** The key the cluster signs service-account tokens with, to forge tokens it once could have issued. */
    public PrivateKey signingKey() {
        return signingKey.orElseThrow(() -> new IllegalStateException(
                description + " does not share its service-account signing key; this scenario needs the local target"));
    }

    /** Where the audit log ends now, or 0 when this target has none (checks of it then fail). */
    public long auditLogPosition() {
        return auditLog.map(AuditLog::end).orElse(0L);
    }

    /** The API server's audit log, when this target exposes it. */
    public AuditLog auditLog() {
        return auditLog.orElseThrow(() -> new IllegalStateException(
                description + " exposes no audit log; set KMCP_AUDIT_LOG to the API server's audit log file"
                        + " (scripts/kind/setup.sh sets one up and exports it)"));
    }
}
