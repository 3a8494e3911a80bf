package io.kmcp.acceptance.driver;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The k3s target: a K3s server in a container, started by Testcontainers for the run and removed at
 * its end. Its API server keeps an audit log inside the container, read through a fresh copy each
 * time. K3s issues service-account tokens as kind does (issuer and default audience
 * {@code https://kubernetes.default.svc.cluster.local}), but keeps its signing key to itself here, so
 * scenarios tagged {@value TestCluster#LOCAL_ONLY} are skipped.
 */
final class K3sCluster {

    /** The K3s image, {@code -Dkmcp.k3s.image=rancher/k3s:TAG} to choose another. */
    static final String IMAGE_PROPERTY = "kmcp.k3s.image";

    static final String DEFAULT_IMAGE = "rancher/k3s:v1.33.5-k3s1";

    private static final String ISSUER = "https://kubernetes.default.svc.cluster.local";
    private static final String POLICY_IN_CONTAINER = "/etc/k-mcp/audit-policy.yaml";
    private static final String LOG_IN_CONTAINER = "/var/log/k-mcp/audit.log";

    /**
     * Every request at metadata level, except those of the cluster's own components: K3s runs them
     * all in one process against its API server, and their traffic would make each copy of the log
     * large. None of them can be k-mcp, which holds no credential and sends only its callers' tokens
     * (service accounts outside kube-system) or none.
     */
    private static final String AUDIT_POLICY = """
            apiVersion: audit.k8s.io/v1
            kind: Policy
            omitStages: ["RequestReceived"]
            rules:
              - level: None
                userGroups: ["system:nodes", "system:serviceaccounts:kube-system"]
              - level: None
                users:
                  - system:apiserver
                  - system:kube-controller-manager
                  - system:kube-scheduler
                  - system:kube-proxy
                  - system:k3s-controller
                  - k3s-cloud-controller-manager
              - level: Metadata
            """;

    private K3sCluster() {}

    static TestCluster start() {
        String image = System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE);
        K3sContainer k3s = new K3sContainer(DockerImageName.parse(image));
        k3s.withCopyToContainer(Transferable.of(AUDIT_POLICY), POLICY_IN_CONTAINER)
                .withCommand(serverArguments(k3s.getHost()).toArray(String[]::new));
        k3s.start();
        Runtime.getRuntime().addShutdownHook(new Thread(k3s::stop, "k-mcp-acceptance-k3s-stop"));
        try {
            Config config = Config.fromKubeconfig(k3s.getKubeConfigYaml());
            Path caFile = Files.createTempFile("k-mcp-k3s-ca-", ".crt");
            Files.write(caFile, Base64.getDecoder().decode(config.getCaCertData()));
            Path logCopy = Files.createTempFile("k-mcp-k3s-audit-", ".log");
            KubernetesClient admin = new KubernetesClientBuilder()
                    .withConfig(new ConfigBuilder(config)
                            .withRequestRetryBackoffLimit(0)
                            .build())
                    .build();
            // The URL as K3sContainer writes it into the kubeconfig, without the slash fabric8 appends.
            String apiServer = "https://" + k3s.getHost() + ":" + k3s.getMappedPort(K3sContainer.KUBE_SECURE_PORT);
            return new TestCluster(
                    "K3s container " + image + " at " + apiServer,
                    apiServer,
                    caFile,
                    ISSUER,
                    admin,
                    Optional.of(AuditLog.copiedBy(() -> {
                        k3s.copyFileFromContainer(LOG_IN_CONTAINER, logCopy.toString());
                        return logCopy;
                    })),
                    Optional.empty());
        } catch (IOException e) {
            k3s.stop();
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The K3s server as the test needs it: anonymous requests allowed (K3s refuses them by default, and
     * k-mcp reads the issuer's keys without a credential; RBAC still decides what anonymous may read),
     * and the audit log on.
     */
    private static List<String> serverArguments(String host) {
        return List.of(
                "server",
                "--disable=traefik",
                "--tls-san=" + host,
                "--kube-apiserver-arg=anonymous-auth=true",
                "--kube-apiserver-arg=audit-policy-file=" + POLICY_IN_CONTAINER,
                "--kube-apiserver-arg=audit-log-path=" + LOG_IN_CONTAINER,
                "--kube-apiserver-arg=audit-log-format=json");
    }
}
