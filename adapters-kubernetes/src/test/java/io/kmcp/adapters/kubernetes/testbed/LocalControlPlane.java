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

    private final String name;
    private final Path workDirectory;
    private final ClusterPki pki;
    private final int apiServerPort;
    private final List<Process> processes = new ArrayList<>();
    private KubernetesClient adminClient;

    private LocalControlPlane(String name, Path workDirectory, ClusterPki pki, int apiServerPort) {
        this.name = name;
        this.workDirectory = workDirectory;
        this.pki = pki;
        this.apiServerPort = apiServerPort;
    }

    /** Starts etcd and kube-apiserver and returns once the API server reports ready. */
    public static LocalControlPlane start(String name) {
        Instant started = Instant.now();
        Path bin = ControlPlaneBinaries.directory();
        try {
            Path work = Files.createTempDirectory("k-mcp-control-plane-" + name + "-");
            LocalControlPlane plane = new LocalControlPlane(name, work, ClusterPki.generate(name), freePort());
            try {
                plane.launch(bin);
            } catch (RuntimeException e) {
                plane.close();
                throw e;
            }
            System.err.printf(
                    "[test-bed] control plane %s (Kubernetes %s) ready at %s in %d ms%n",
                    name,
                    ControlPlaneBinaries.kubernetesVersion(),
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
        spawn(
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
        awaitHealthy("etcd", HttpClient.newHttpClient(), URI.create(etcdUrl + "/health"));

        spawn(
                "kube-apiserver",
                List.of(
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
        awaitHealthy(
                "kube-apiserver",
                HttpClient.newBuilder().sslContext(pki.adminSslContext()).build(),
                URI.create(apiServerUrl() + "/readyz"));
    }

    private void spawn(String component, List<String> command) throws IOException {
        Path log = workDirectory.resolve(component + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        processes.add(process);
    }

    private void awaitHealthy(String component, HttpClient http, URI health) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        Process process = processes.get(processes.size() - 1);
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
        // The API server goes first so it never writes to an etcd that is gone.
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
