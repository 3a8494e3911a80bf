package io.kmcp.adapters.kubernetes.testbed;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real Kubernetes control plane on loopback: etcd and kube-apiserver built from upstream sources,
 * serving HTTPS with a CA of its own, authorising with RBAC and issuing service-account tokens the
 * way kind configures them (issuer and default audience {@value #ISSUER}). Several can run at once;
 * each has its own ports, PKI and signing key.
 *
 * <p>{@link #start} runs the API server alone: objects are stored, nothing acts on them. {@link
 * #startWithWorkloads} adds kube-controller-manager, kube-scheduler and kwok with {@value
 * #KWOK_NODES} fake nodes, so Deployments get pods, pods get scheduled and run (or fail as asked),
 * Jobs finish and pod logs are served; {@link #workloads()} creates such workloads.
 */
public final class LocalControlPlane implements AutoCloseable {

    /** The service-account issuer, which is also the API server's only accepted audience, as in kind. */
    public static final String ISSUER = "https://kubernetes.default.svc.cluster.local";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final String AUDIT_POLICY = """
            apiVersion: audit.k8s.io/v1
            kind: Policy
            omitStages: ["RequestReceived"]
            rules:
              - level: Metadata
            """;

    /** How many fake nodes a control plane with workloads has: kwok-node-0, kwok-node-1, ... */
    public static final int KWOK_NODES = 3;

    private final String name;
    private final Path workDirectory;
    private final ClusterPki pki;
    private final int apiServerPort;
    private final boolean withWorkloads;
    private final List<Process> processes = new ArrayList<>();
    private final List<String> components = new ArrayList<>();
    private KubernetesClient adminClient;
    private Workloads workloads;

    private LocalControlPlane(
            String name, Path workDirectory, ClusterPki pki, int apiServerPort, boolean withWorkloads) {
        this.name = name;
        this.workDirectory = workDirectory;
        this.pki = pki;
        this.apiServerPort = apiServerPort;
        this.withWorkloads = withWorkloads;
    }

    /** Starts etcd and kube-apiserver and returns once the API server reports ready. */
    public static LocalControlPlane start(String name) {
        return start(name, false);
    }

    /**
     * Starts etcd, kube-apiserver, kube-controller-manager, kube-scheduler and kwok, registers
     * {@value #KWOK_NODES} fake nodes and returns once all of them are ready. Controllers change what
     * a bare API server shows (default service accounts and {@code kube-root-ca.crt} in every
     * namespace, aggregated ClusterRoles filled, events), which is why this is not the default.
     */
    public static LocalControlPlane startWithWorkloads(String name) {
        return start(name, true);
    }

    private static LocalControlPlane start(String name, boolean withWorkloads) {
        Instant started = Instant.now();
        Path bin = ControlPlaneBinaries.directory();
        try {
            Path work = Files.createTempDirectory("k-mcp-control-plane-" + name + "-");
            LocalControlPlane plane =
                    new LocalControlPlane(name, work, ClusterPki.generate(name), freePort(), withWorkloads);
            try {
                plane.launch(bin);
            } catch (RuntimeException e) {
                plane.close();
                throw e;
            }
            System.err.printf(
                    "[test-bed] control plane %s (Kubernetes %s%s) ready at %s in %d ms%n",
                    name,
                    ControlPlaneBinaries.kubernetesVersion(),
                    withWorkloads ? ", with workloads" : "",
                    plane.apiServerUrl(),
                    Duration.between(started, Instant.now()).toMillis());
            return plane;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start control plane " + name, e);
        }
    }

    public String name() {
        return name;
    }

    /** The API server's URL, as a token audience names it. */
    public String apiServerUrl() {
        return "https://127.0.0.1:" + apiServerPort;
    }

    public String issuer() {
        return ISSUER;
    }

    /** The PEM of the cluster CA, the one trust anchor a client needs. */
    public String caPem() {
        return pki.caPem();
    }

    public Path caFile() {
        return workDirectory.resolve("pki/ca.crt");
    }

    public ClusterPki pki() {
        return pki;
    }

    /** The API server's audit log (JSON lines, metadata level, every request). */
    public Path auditLog() {
        return workDirectory.resolve("audit.log");
    }

    /** A client with the cluster-admin credential, for test set-up only. */
    public synchronized KubernetesClient adminClient() {
        if (adminClient == null) {
            adminClient = new KubernetesClientBuilder()
                    .withConfig(new ConfigBuilder(baseConfig())
                            .withClientCertData(base64(pki.adminCertificatePem()))
                            .withClientKeyData(base64(pki.adminKeyPem()))
                            .withClientKeyAlgo("EC")
                            .build())
                    .build();
        }
        return adminClient;
    }

    /** A client that authenticates with the given bearer token only, as k-mcp forwards it. */
    public KubernetesClient clientWithToken(String token) {
        return new KubernetesClientBuilder()
                .withConfig(
                        new ConfigBuilder(baseConfig()).withOauthToken(token).build())
                .build();
    }

    /** Set-up helpers: namespaces, service accounts, RBAC and tokens. */
    public TestBedAccess access() {
        return new TestBedAccess(adminClient());
    }

    /** Whether controllers, scheduler and kwok run, that is whether workloads come alive. */
    public boolean runsWorkloads() {
        return withWorkloads;
    }

    /** Workloads in healthy and faulty states, on a control plane {@link #startWithWorkloads started with them}. */
    public synchronized Workloads workloads() {
        if (!withWorkloads) {
            throw new IllegalStateException("control plane " + name
                    + " runs no controllers, scheduler or kwok; start it with LocalControlPlane.startWithWorkloads");
        }
        if (workloads == null) {
            workloads = new Workloads(adminClient(), workDirectory.resolve("pod-logs"));
        }
        return workloads;
    }

    /** The names of the fake nodes, empty without workloads. */
    public List<String> nodeNames() {
        return withWorkloads ? KwokCluster.nodeNames(KWOK_NODES) : List.of();
    }

    /**
     * A kubeconfig with the administrator's credential, written only with workloads (for kubectl
     * while debugging a kept work directory, see {@code -Dkmcp.testbed.keep=true}).
     */
    public Path adminKubeconfig() {
        return workDirectory.resolve("admin.kubeconfig");
    }

    private Config baseConfig() {
        // Config.empty() ignores kubeconfig files and KUBERNETES_* variables of the machine.
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(apiServerUrl())
                .withCaCertData(base64(pki.caPem()))
                .withRequestTimeout(30_000)
                .withConnectionTimeout(10_000)
                // A test must see the API server's first answer, not the last of several retries.
                .withRequestRetryBackoffLimit(0)
                // kube-apiserver closes HTTP/2 connections of unauthenticated clients with GOAWAY
                // (CVE-2023-44487 mitigation), which hides the 401; HTTP/1.1 shows it.
                .withHttp2Disable(true)
                .build();
    }

    private void launch(Path bin) throws IOException {
        Path pkiDir = Files.createDirectories(workDirectory.resolve("pki"));
        ClusterPki.PkiFiles files = pki.written(pkiDir);
        Path auditPolicy = workDirectory.resolve("audit-policy.yaml");
        Files.writeString(auditPolicy, AUDIT_POLICY);

        int etcdClientPort = freePort();
        int etcdPeerPort = freePort();
        String etcdUrl = "http://127.0.0.1:" + etcdClientPort;
        String peerUrl = "http://127.0.0.1:" + etcdPeerPort;
        Process etcd = spawn(
                "etcd",
                List.of(
                        bin.resolve("etcd").toString(),
                        "--name=default",
                        "--data-dir=" + workDirectory.resolve("etcd-data"),
                        "--listen-client-urls=" + etcdUrl,
                        "--advertise-client-urls=" + etcdUrl,
                        "--listen-peer-urls=" + peerUrl,
                        "--initial-advertise-peer-urls=" + peerUrl,
                        "--initial-cluster=default=" + peerUrl,
                        "--unsafe-no-fsync=true",
                        "--log-level=warn"));
        awaitHealthy("etcd", etcd, HttpClient.newHttpClient(), URI.create(etcdUrl + "/health"));

        List<String> apiServer = new ArrayList<>(List.of(
                bin.resolve("kube-apiserver").toString(),
                "--etcd-servers=" + etcdUrl,
                "--bind-address=127.0.0.1",
                "--advertise-address=127.0.0.1",
                "--secure-port=" + apiServerPort,
                "--cert-dir=" + workDirectory.resolve("apiserver-certs"),
                "--tls-cert-file=" + files.servingCertificate(),
                "--tls-private-key-file=" + files.servingKey(),
                "--client-ca-file=" + files.ca(),
                "--authorization-mode=RBAC",
                "--service-account-issuer=" + ISSUER,
                "--api-audiences=" + ISSUER,
                "--service-account-key-file=" + files.serviceAccountPublicKey(),
                "--service-account-signing-key-file=" + files.serviceAccountKey(),
                "--service-account-jwks-uri=" + apiServerUrl() + "/openid/v1/jwks",
                "--service-cluster-ip-range=10.96.0.0/16",
                // 127.0.0.1 is not a valid endpoint address; nothing needs the kubernetes Service here.
                "--endpoint-reconciler-type=none",
                "--audit-policy-file=" + auditPolicy,
                "--audit-log-path=" + auditLog(),
                "--audit-log-format=json",
                "--profiling=false",
                "--enable-priority-and-fairness=false"));
        if (withWorkloads) {
            // Logs are fetched from the node's "kubelet", kwok's server: at the node's InternalIP (the
            // node's Hostname does not resolve), over TLS checked against the cluster CA that signed
            // kwok's certificate.
            apiServer.add("--kubelet-preferred-address-types=InternalIP");
            apiServer.add("--kubelet-certificate-authority=" + files.ca());
        }
        Process apiServerProcess = spawn("kube-apiserver", apiServer);
        awaitHealthy(
                "kube-apiserver",
                apiServerProcess,
                HttpClient.newBuilder().sslContext(pki.adminSslContext()).build(),
                URI.create(apiServerUrl() + "/readyz"));
        if (withWorkloads) {
            launchWorkloadComponents(bin, files);
        }
    }

    /**
     * kube-controller-manager, kube-scheduler and kwok, each with a client certificate of its own so
     * the audit log tells them apart, then the fake nodes.
     */
    private void launchWorkloadComponents(Path bin, ClusterPki.PkiFiles files) throws IOException {
        KwokCluster kwok = new KwokCluster(adminClient());
        writeKubeconfig(adminKubeconfig(), "kubernetes-admin", pki.adminCertificatePem(), pki.adminKeyPem());
        // Controllers act with the manager's own identity (no per-controller service accounts, which
        // would need their tokens first), so it needs more than its bootstrap role grants.
        Path controllerManagerConfig = kubeconfig(
                "kube-controller-manager", pki.clientCredentials("system:kube-controller-manager", "system:masters"));
        Path schedulerConfig = kubeconfig("kube-scheduler", pki.clientCredentials("system:kube-scheduler"));
        Path kwokConfig = kubeconfig("kwok", pki.clientCredentials("kwok-controller", "system:masters"));
        Path stages = workDirectory.resolve("kwok-stages.yaml");
        Files.writeString(stages, KwokCluster.stages());
        // kwok watches Logs and ClusterLogs from the API server (--enable-crds), so logs can be
        // registered while it runs; it needs the definitions served before it starts.
        kwok.installLogDefinitions();

        int controllerManagerPort = freePort();
        int schedulerPort = freePort();
        int kwokPort = freePort();
        // The API server's serving certificate (127.0.0.1, signed by the cluster CA) serves the other
        // components too: their health checks and the API server's calls to kwok can then verify TLS.
        Process controllerManager = spawn(
                "kube-controller-manager",
                List.of(
                        bin.resolve("kube-controller-manager").toString(),
                        "--kubeconfig=" + controllerManagerConfig,
                        "--bind-address=127.0.0.1",
                        "--secure-port=" + controllerManagerPort,
                        "--tls-cert-file=" + files.servingCertificate(),
                        "--tls-private-key-file=" + files.servingKey(),
                        "--leader-elect=false",
                        "--cluster-name=" + name,
                        "--use-service-account-credentials=false",
                        // Signs legacy service-account token Secrets; the root CA lands in every
                        // namespace's kube-root-ca.crt ConfigMap, as on a real cluster.
                        "--service-account-private-key-file=" + files.serviceAccountKey(),
                        "--root-ca-file=" + files.ca(),
                        // No cloud: the cloud-dependent controllers (routes, load balancers, cloud node
                        // lifecycle) disable themselves; nothing else is left out.
                        "--controllers=*",
                        "--profiling=false"));
        Process scheduler = spawn(
                "kube-scheduler",
                List.of(
                        bin.resolve("kube-scheduler").toString(),
                        "--kubeconfig=" + schedulerConfig,
                        "--bind-address=127.0.0.1",
                        "--secure-port=" + schedulerPort,
                        "--tls-cert-file=" + files.servingCertificate(),
                        "--tls-private-key-file=" + files.servingKey(),
                        "--leader-elect=false",
                        "--profiling=false"));
        Process kwokProcess = spawn(
                "kwok",
                List.of(
                        bin.resolve("kwok").toString(),
                        "--kubeconfig=" + kwokConfig,
                        "--config=" + stages,
                        // Only the test bed's fake nodes are kwok's; nodes without the annotation are left alone.
                        "--manage-all-nodes=false",
                        "--manage-nodes-with-annotation-selector=" + KwokCluster.NODE_ANNOTATION + "=fake",
                        // Written into each node's InternalIP and kubelet port, where the API server fetches logs.
                        "--node-ip=127.0.0.1",
                        "--node-port=" + kwokPort,
                        "--server-address=127.0.0.1:" + kwokPort,
                        "--tls-cert-file=" + files.servingCertificate(),
                        "--tls-private-key-file=" + files.servingKey(),
                        "--cidr=10.244.0.1/16",
                        "--enable-crds=Logs,ClusterLogs"));
        // HTTP/1.1: like kube-apiserver, these answer anonymous HTTP/2 clients with GOAWAY.
        HttpClient componentHealth = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(pki.trustOnlySslContext())
                .build();
        awaitHealthy(
                "kube-controller-manager",
                controllerManager,
                componentHealth,
                URI.create("https://127.0.0.1:" + controllerManagerPort + "/healthz"));
        awaitHealthy(
                "kube-scheduler",
                scheduler,
                componentHealth,
                URI.create("https://127.0.0.1:" + schedulerPort + "/healthz"));
        awaitHealthy("kwok", kwokProcess, componentHealth, URI.create("https://127.0.0.1:" + kwokPort + "/healthz"));
        kwok.registerNodes(KWOK_NODES, "v" + ControlPlaneBinaries.kubernetesVersion());
        kwok.awaitNodesSchedulable(KWOK_NODES, START_TIMEOUT, this::assertAllRunning);
    }

    private Path kubeconfig(String component, ClusterPki.ClientCredentials credentials) {
        Path file = workDirectory.resolve(component + ".kubeconfig");
        writeKubeconfig(file, component, credentials.certificatePem(), credentials.keyPem());
        return file;
    }

    private void writeKubeconfig(Path file, String user, String certificatePem, String keyPem) {
        String kubeconfig = String.join(
                "\n",
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: " + name,
                "  cluster:",
                "    server: " + apiServerUrl(),
                "    certificate-authority-data: " + base64(pki.caPem()),
                "users:",
                "- name: " + user,
                "  user:",
                "    client-certificate-data: " + base64(certificatePem),
                "    client-key-data: " + base64(keyPem),
                "contexts:",
                "- name: " + name,
                "  context:",
                "    cluster: " + name,
                "    user: " + user,
                "current-context: " + name,
                "");
        try {
            Files.writeString(file, kubeconfig);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Process spawn(String component, List<String> command) throws IOException {
        Path log = workDirectory.resolve(component + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        processes.add(process);
        components.add(component);
        return process;
    }

    private void assertAllRunning() {
        for (int i = 0; i < processes.size(); i++) {
            if (!processes.get(i).isAlive()) {
                throw new IllegalStateException(components.get(i) + " exited with status "
                        + processes.get(i).exitValue() + ":\n" + logTail(components.get(i)));
            }
        }
    }

    private void awaitHealthy(String component, Process process, HttpClient http, URI health) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        component + " exited with status " + process.exitValue() + ":\n" + logTail(component));
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + component, e);
            }
            sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException(
                component + " not healthy within " + START_TIMEOUT + ":\n" + logTail(component));
    }

    private String logTail(String component) {
        try {
            List<String> lines = Files.readAllLines(workDirectory.resolve(component + ".log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public synchronized void close() {
        if (adminClient != null) {
            adminClient.close();
        }
        // In reverse order of start: kwok and the controllers before the API server, and the API
        // server before etcd so it never writes to an etcd that is gone.
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
        components.clear();
        if (!Boolean.getBoolean("kmcp.testbed.keep")) {
            deleteRecursively(workDirectory);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
