package io.kmcp.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kmcp.acceptance.driver.Agent;
import io.kmcp.acceptance.driver.ClusterAdmin;
import io.kmcp.acceptance.driver.ClusterAdmin.ServiceAccount;
import io.kmcp.acceptance.driver.Helm;
import io.kmcp.acceptance.driver.KmcpServer;
import io.kmcp.acceptance.driver.NodeTools;
import io.kmcp.acceptance.driver.NodeTools.Outcome;
import io.kmcp.acceptance.driver.TestCluster;
import io.kmcp.adapters.kubernetes.testbed.ControlPlaneBinaries;
import io.kmcp.adapters.kubernetes.testbed.LocalControlPlane;
import io.kmcp.adapters.kubernetes.testbed.SharedControlPlane;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Helm chart in {@code deploy/helm/k-mcp}, with helm built from the Go module proxy: it lints; what
 * it renders for each value set under {@code src/test/resources/helm/} is what an operator asked for;
 * bad values fail at {@code helm template} with a message naming the value; every rendering is accepted
 * by a real API server (server-side dry run, in a namespace that enforces the restricted Pod Security
 * Standard); an install on the test bed's fake nodes becomes Available; and the flags and application.yaml
 * it renders start the real jar, which then serves the tools asked for against the cluster configured.
 */
class HelmChartIT {

    private static final String RELEASE = "k-mcp";
    private static final String NAMESPACE = "agents-k-mcp";
    private static final String CONFIG_DIR = "/etc/k-mcp/config";
    private static final String KEY_DIR = "/etc/k-mcp/request-state";
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * CustomResourceDefinitions of the optional objects, the real ones, from the projects' Go modules
     * (the module proxy serves their sources, CRDs included): HTTPRoute of the Gateway API's standard
     * channel and the prometheus-operator's ServiceMonitor.
     */
    private static final List<Crd> CRDS = List.of(
            new Crd("sigs.k8s.io/gateway-api@v1.6.3", "config/crd/standard/gateway.networking.k8s.io_httproutes.yaml"),
            new Crd(
                    "github.com/prometheus-operator/prometheus-operator@v0.85.0",
                    "example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml"));

    /** A CRD file in a Go module at a version. */
    private record Crd(String module, String file) {}

    @TempDir
    static Path work;

    private static Helm helm;

    /** The value sets, each a file under src/test/resources/helm/. */
    enum ValueSet {
        DEFAULTS("defaults.yaml"),
        TWO_CLUSTERS("two-clusters.yaml"),
        EVERYTHING_ON("everything-on.yaml"),
        READ_ONLY("read-only.yaml"),
        EXISTING_SECRET("existing-secret.yaml");

        final String file;

        ValueSet(String file) {
            this.file = file;
        }

        Path path() {
            return resource(file);
        }
    }

    @BeforeAll
    static void buildHelm() {
        helm = Helm.build(work.resolve("helm-home"));
    }

    // ---- lint and template ------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void theChartLintsWithoutWarnings(ValueSet values) {
        Outcome lint = helm.run(List.of(
                "lint",
                "--strict",
                Helm.chart().toString(),
                "--values",
                values.path().toString()));

        assertThat(lint.exitCode()).as(lint.toString()).isZero();
        assertThat(lint.stdout()).contains("1 chart(s) linted, 0 chart(s) failed");
    }

    @Test
    void theDefaultsServeTheClusterItRunsInFromHardenedPods() {
        Rendering rendering = render(ValueSet.DEFAULTS);

        assertThat(rendering.kinds())
                .containsExactlyInAnyOrder("ServiceAccount", "Secret", "ConfigMap", "Service", "Deployment");
        JsonNode deployment = rendering.one("Deployment");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        JsonNode pod = rendering.podSpec();
        assertThat(pod.at("/automountServiceAccountToken").isBoolean()).isTrue();
        assertThat(pod.at("/automountServiceAccountToken").asBoolean()).isFalse();
        assertThat(pod.at("/serviceAccountName").asText())
                .isEqualTo(rendering.one("ServiceAccount").at("/metadata/name").asText());
        assertThat(rendering
                        .one("ServiceAccount")
                        .at("/automountServiceAccountToken")
                        .isBoolean())
                .isTrue();
        assertThat(rendering
                        .one("ServiceAccount")
                        .at("/automountServiceAccountToken")
                        .asBoolean())
                .isFalse();
        assertThat(pod.at("/enableServiceLinks").asBoolean(true)).isFalse();
        assertThat(pod.at("/terminationGracePeriodSeconds").asInt()).isEqualTo(30);

        JsonNode podSecurity = pod.at("/securityContext");
        assertThat(podSecurity.at("/runAsNonRoot").asBoolean()).isTrue();
        assertThat(podSecurity.at("/runAsUser").asInt()).isEqualTo(65532);
        assertThat(podSecurity.at("/runAsGroup").asInt()).isEqualTo(65532);
        assertThat(podSecurity.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        JsonNode container = rendering.container();
        JsonNode security = container.at("/securityContext");
        assertThat(security.at("/runAsNonRoot").asBoolean()).isTrue();
        assertThat(security.at("/runAsUser").asInt()).isEqualTo(65532);
        assertThat(security.at("/runAsGroup").asInt()).isEqualTo(65532);
        assertThat(security.at("/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(security.at("/allowPrivilegeEscalation").isBoolean()).isTrue();
        assertThat(security.at("/allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(texts(security.at("/capabilities/drop"))).containsExactly("ALL");
        assertThat(security.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");

        assertThat(container.at("/image").asText()).isEqualTo("ghcr.io/k-mcp/k-mcp:" + appVersion());
        assertThat(container.at("/ports/0/name").asText()).isEqualTo("http");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/readiness");
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertThat(container.at("/" + probe + "/httpGet/port").asText())
                    .as(probe)
                    .isEqualTo("http");
        }
        assertThat(container.at("/resources/requests/memory").asText()).isEqualTo("256Mi");
        assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("512Mi");
        assertThat(rendering.mountOf("tmp")).isEqualTo("/tmp");
        assertThat(rendering.volume("tmp").has("emptyDir")).isTrue();

        List<String> args = rendering.args();
        assertThat(args).contains("--bind-address=0.0.0.0", "--port=8080", "--audience=k-mcp");
        assertThat(rendering.keyFiles()).containsExactly(KEY_DIR + "/key");
        JsonNode secret = rendering.one("Secret");
        assertThat(secret.at("/data/key").asText()).isEqualTo("ay1tY3AgY2hhcnQgdGVzdCBmaXh0dXJlLCBub3QgYSBzZWNyZXQ=");
        assertThat(rendering.volume("request-state").at("/secret/secretName").asText())
                .isEqualTo(secret.at("/metadata/name").asText());
        assertThat(rendering.volume("request-state").at("/secret/defaultMode").asInt())
                .isEqualTo(0440);

        assertThat(rendering.clusters())
                .containsExactly(Map.of(
                        "name", "in-cluster",
                        "api-server", "https://kubernetes.default.svc",
                        "certificate-authority", CONFIG_DIR + "/clusters/in-cluster/ca.crt"));
        assertThat(rendering.configFiles())
                .containsEntry(CONFIG_DIR + "/clusters/in-cluster/ca.crt", "kube-root-ca.crt/ca.crt")
                .containsEntry(CONFIG_DIR + "/application.yaml", RELEASE + "/application.yaml")
                .hasSize(2);
        assertThat(args).contains("--spring.config.additional-location=file:" + CONFIG_DIR + "/application.yaml");

        JsonNode service = rendering.one("Service");
        assertThat(service.at("/spec/type").asText()).isEqualTo("ClusterIP");
        assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(80);
        assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
        assertThat(service.at("/spec/sessionAffinity").asText()).isEqualTo("None");
        assertThat(service.at("/spec/selector")).isEqualTo(deployment.at("/spec/template/metadata/labels"));
    }

    @Test
    void twoExternalClustersTakeTheirCertificateAuthoritiesInlineAndFromAConfigMap() throws IOException {
        Rendering rendering = render(ValueSet.TWO_CLUSTERS);

        assertThat(rendering.clusters())
                .containsExactly(
                        Map.of(
                                "name", "prod",
                                "api-server", "https://prod.example.com:6443",
                                "issuer", "https://prod.example.com",
                                "certificate-authority", CONFIG_DIR + "/clusters/prod/ca.crt"),
                        Map.of(
                                "name", "staging",
                                "api-server", "https://203.0.113.12:6443",
                                "tls-server-name", "kubernetes.default.svc",
                                "certificate-authority", CONFIG_DIR + "/clusters/staging/ca.crt"));
        assertThat(rendering.configFiles())
                .containsEntry(CONFIG_DIR + "/clusters/prod/ca.crt", RELEASE + "/ca-prod.crt")
                .containsEntry(CONFIG_DIR + "/clusters/staging/ca.crt", "staging-ca/ca.crt")
                .hasSize(3);
        String pem = Helm.document(Files.readString(ValueSet.TWO_CLUSTERS.path()))
                .at("/clusters/0/certificateAuthority")
                .asText();
        assertThat(rendering.one("ConfigMap").at("/data/ca-prod.crt").asText().strip())
                .isEqualTo(pem.strip());
        // A text key is stored as it was given.
        assertThat(rendering.one("Secret").at("/data/key").asText())
                .isEqualTo(Base64.getEncoder()
                        .encodeToString("k-mcp chart test fixture, not a secret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyOptionalObjectRendersForThePodsOfTheRelease() {
        Rendering rendering = render(ValueSet.EVERYTHING_ON);
        JsonNode podLabels = rendering.one("Deployment").at("/spec/template/metadata/labels");
        String service = rendering.one("Service").at("/metadata/name").asText();

        assertThat(rendering.kinds())
                .contains(
                        "HorizontalPodAutoscaler",
                        "PodDisruptionBudget",
                        "NetworkPolicy",
                        "ServiceMonitor",
                        "Ingress",
                        "HTTPRoute");
        // The autoscaler owns the replica count.
        assertThat(rendering.one("Deployment").at("/spec").has("replicas")).isFalse();
        JsonNode hpa = rendering.one("HorizontalPodAutoscaler");
        assertThat(hpa.at("/spec/scaleTargetRef/name").asText())
                .isEqualTo(rendering.one("Deployment").at("/metadata/name").asText());
        assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(2);
        assertThat(hpa.at("/spec/maxReplicas").asInt()).isEqualTo(6);
        assertThat(hpa.at("/spec/metrics/0/resource/name").asText()).isEqualTo("cpu");
        assertThat(hpa.at("/spec/metrics/0/resource/target/averageUtilization").asInt())
                .isEqualTo(60);

        JsonNode pdb = rendering.one("PodDisruptionBudget");
        assertThat(pdb.at("/spec/minAvailable").asInt()).isEqualTo(1);
        assertThat(pdb.at("/spec/selector/matchLabels")).isEqualTo(podLabels);

        JsonNode policy = rendering.one("NetworkPolicy").at("/spec");
        assertThat(policy.at("/podSelector/matchLabels")).isEqualTo(podLabels);
        assertThat(texts(policy.at("/policyTypes"))).containsExactly("Ingress", "Egress");
        assertThat(policy.at("/ingress")).hasSize(1);
        assertThat(policy.at("/ingress/0/ports/0/port").asText()).isEqualTo("http");
        assertThat(policy.at("/ingress/0/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name")
                        .asText())
                .isEqualTo("ingress-nginx");
        // Egress: the API server and DNS, nothing else.
        assertThat(policy.at("/egress")).hasSize(2);
        assertThat(policy.at("/egress/0/to/0/ipBlock/cidr").asText()).isEqualTo("192.0.2.10/32");
        assertThat(policy.at("/egress/0/ports")).hasSize(1);
        assertThat(policy.at("/egress/0/ports/0/port").asInt()).isEqualTo(6443);
        assertThat(policy.at("/egress/1/to/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name")
                        .asText())
                .isEqualTo("kube-system");
        assertThat(policy.at("/egress/1/ports").findValuesAsText("protocol")).containsExactlyInAnyOrder("UDP", "TCP");
        assertThat(policy.at("/egress/1/ports").findValues("port"))
                .allSatisfy(port -> assertThat(port.asInt()).isEqualTo(53));

        JsonNode monitor = rendering.one("ServiceMonitor");
        assertThat(monitor.at("/apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("http");
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/actuator/prometheus");
        assertThat(monitor.at("/spec/selector/matchLabels"))
                .isEqualTo(rendering.one("Service").at("/spec/selector"));

        List<String> exposed = List.of("/mcp", "/.well-known/oauth-protected-resource");
        JsonNode ingress = rendering.one("Ingress").at("/spec");
        assertThat(ingress.at("/ingressClassName").asText()).isEqualTo("nginx");
        assertThat(ingress.at("/rules/0/host").asText()).isEqualTo("k-mcp.example.com");
        assertThat(ingress.at("/rules/0/http/paths").findValuesAsText("path")).containsExactlyElementsOf(exposed);
        assertThat(ingress.at("/rules/0/http/paths").findValuesAsText("name")).containsOnly(service);
        assertThat(ingress.at("/rules/0/http/paths").findValues("number"))
                .allSatisfy(port -> assertThat(port.asInt()).isEqualTo(80));
        assertThat(ingress.at("/tls/0/secretName").asText()).isEqualTo("k-mcp-tls");

        JsonNode route = rendering.one("HTTPRoute");
        assertThat(route.at("/apiVersion").asText()).isEqualTo("gateway.networking.k8s.io/v1");
        assertThat(route.at("/spec/parentRefs/0/name").asText()).isEqualTo("gateway");
        assertThat(route.at("/spec/parentRefs/0/namespace").asText()).isEqualTo("gateway-system");
        assertThat(texts(route.at("/spec/hostnames"))).containsExactly("k-mcp.example.com");
        assertThat(route.at("/spec/rules/0/matches").findValuesAsText("value")).containsExactlyElementsOf(exposed);
        assertThat(route.at("/spec/rules/0/backendRefs/0/name").asText()).isEqualTo(service);
        assertThat(route.at("/spec/rules/0/backendRefs/0/port").asInt()).isEqualTo(80);

        assertThat(rendering.podSpec().at("/topologySpreadConstraints/0/labelSelector/matchLabels"))
                .isEqualTo(podLabels);
        assertThat(rendering.one("Service").at("/spec/sessionAffinity").asText())
                .isEqualTo("ClientIP");
        assertThat(rendering
                        .one("Service")
                        .at("/spec/sessionAffinityConfig/clientIP/timeoutSeconds")
                        .asInt())
                .isPositive();
    }

    @Test
    void aReadOnlyReplicaServesTheChosenToolsWithoutAKey() {
        Rendering rendering = render(ValueSet.READ_ONLY);

        assertThat(rendering.one("Deployment").at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(rendering.kinds()).doesNotContain("Secret");
        assertThat(rendering.keyFiles()).isEmpty();
        assertThat(rendering.podSpec().at("/volumes").findValuesAsText("name")).doesNotContain("request-state");
        assertThat(rendering.args())
                .contains(
                        "--read-only",
                        "--tools=workload_diagnose,resource_list,resource_get",
                        "--disabled-tools=pod_logs",
                        "--allowed-origins=http://localhost:6274",
                        "--restrict=configmaps");
        assertThat(rendering.container().at("/image").asText())
                .isEqualTo(
                        "ghcr.io/k-mcp/k-mcp@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    }

    @Test
    void keysOfAnExistingSecretArePassedInTheirOrderTheFirstSigning() {
        Rendering rendering = render(ValueSet.EXISTING_SECRET);

        assertThat(rendering.kinds()).doesNotContain("Secret");
        assertThat(rendering.keyFiles()).containsExactly(KEY_DIR + "/new", KEY_DIR + "/old");
        JsonNode volume = rendering.volume("request-state").at("/secret");
        assertThat(volume.at("/secretName").asText()).isEqualTo("k-mcp-request-state-keys");
        assertThat(volume.at("/items").findValuesAsText("key")).containsExactly("new", "old");
        assertThat(rendering.mountOf("request-state")).isEqualTo(KEY_DIR);
        assertThat(rendering.args()).contains("--request-state-ttl=5m");
    }

    /** The cases of bad-values.yaml: the case's name, the text expected in the error, helm's arguments. */
    static Stream<Arguments> badValues() throws IOException {
        JsonNode cases = Helm.document(Files.readString(resource("bad-values.yaml")));
        return StreamSupport.stream(cases.spliterator(), false).map(badCase -> {
            List<String> arguments = new ArrayList<>();
            if (badCase.has("values")) {
                arguments.addAll(List.of(
                        "--values", resource(badCase.at("/values").asText()).toString()));
            }
            texts(badCase.at("/set")).forEach(set -> arguments.addAll(List.of("--set", set)));
            texts(badCase.at("/setString")).forEach(set -> arguments.addAll(List.of("--set-string", set)));
            arguments.addAll(texts(badCase.at("/flags")));
            return Arguments.of(
                    badCase.at("/name").asText(), badCase.at("/expect").asText(), arguments);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void badValuesFailAtTemplateNamingTheValue(String name, String expected, List<String> arguments) {
        List<String> command =
                new ArrayList<>(List.of("template", RELEASE, Helm.chart().toString()));
        command.addAll(arguments);
        Outcome template = helm.run(command);

        assertThat(template.exitCode()).as(template.toString()).isNotZero();
        assertThat(template.stderr()).as(template.toString()).contains(expected);
    }

    // ---- against a real API server ----------------------------------------------------------------

    @Test
    void everyRenderingIsAcceptedByTheApiServerUnderTheRestrictedPodSecurityStandard() throws IOException {
        LocalControlPlane plane = testBed();
        installCrds(plane);
        String namespace = restrictedNamespace(plane, "helm-dry-run");

        for (ValueSet values : ValueSet.values()) {
            Outcome template = helm.run(List.of(
                    "template",
                    RELEASE,
                    Helm.chart().toString(),
                    "--namespace",
                    namespace,
                    "--values",
                    values.path().toString()));
            assertThat(template.exitCode()).as(template.toString()).isZero();
            Path manifests = work.resolve("dry-run-" + values.file);
            Files.writeString(manifests, template.stdout());

            Outcome apply = kubectl(plane, "apply", "--dry-run=server", "-f", manifests.toString());

            assertThat(apply.exitCode()).as(values + ": " + apply).isZero();
            assertThat(apply.stdout().lines().filter(line -> line.endsWith("(server dry run)")))
                    .as(values + ": every object accepted: " + apply)
                    .hasSize(Helm.documents(template.stdout()).size());
            assertThat(apply.stderr()).as(values + ": " + apply).doesNotContain("PodSecurity");
        }
    }

    @Test
    void anInstallOnFakeNodesBecomesAvailableAndAChangedConfigurationRollsThePods() {
        LocalControlPlane plane = testBed();
        String namespace = restrictedNamespace(plane, "helm-install");
        Path kubeconfig = plane.adminKubeconfig();
        try {
            Outcome install = waitedFor(
                    "install",
                    namespace,
                    kubeconfig,
                    "--values",
                    ValueSet.DEFAULTS.path().toString(),
                    // The test bed's fake nodes are labelled type=kwok.
                    "--set",
                    "nodeSelector.type=kwok");

            assertThat(install.exitCode()).as(install.toString()).isZero();
            assertThat(install.stdout())
                    .contains("kubectl create token")
                    .contains(
                            "--audience=https://kubernetes.default.svc --audience=k-mcp --audience=<DEFAULT_AUDIENCE>")
                    .contains("kubectl port-forward -n " + namespace + " svc/" + RELEASE + " 8080:80");
            Deployment deployment = deployment(plane, namespace);
            assertAvailable(deployment, 2);
            List<Pod> pods = pods(plane, namespace);
            assertThat(pods).hasSize(2).allSatisfy(pod -> {
                assertThat(pod.getSpec().getNodeName()).startsWith("kwok-node-");
                assertThat(pod.getSpec().getAutomountServiceAccountToken()).isFalse();
                // No service-account token volume was injected.
                assertThat(pod.getSpec().getVolumes())
                        .extracting(volume -> volume.getName())
                        .containsExactlyInAnyOrder("config", "request-state", "tmp");
            });
            String checksum = deployment
                    .getSpec()
                    .getTemplate()
                    .getMetadata()
                    .getAnnotations()
                    .get("checksum/config");

            Outcome upgrade = waitedFor(
                    "upgrade", namespace, kubeconfig, "--reuse-values", "--set", "config.kmcp.timeouts.request=20s");

            assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
            Deployment upgraded = deployment(plane, namespace);
            assertThat(upgraded.getSpec().getTemplate().getMetadata().getAnnotations())
                    .extractingByKey("checksum/config")
                    .isNotEqualTo(checksum);
            assertAvailable(upgraded, 2);
        } finally {
            helm.run(List.of("uninstall", RELEASE, "--namespace", namespace, "--wait"), kubeconfig);
            plane.adminClient().namespaces().withName(namespace).delete();
        }
    }

    @Test
    void theRenderedFlagsAndConfigurationRunTheJarAgainstTheConfiguredCluster() throws Exception {
        LocalControlPlane plane = testBed();
        Path values = work.resolve("jar-values.yaml");
        Files.writeString(
                values,
                String.join(
                        "\n",
                        "replicaCount: 1",
                        "readOnly: true",
                        "tools: [resource_list, resource_get, resource_apply]",
                        "requestState:",
                        "  existingSecret: keys",
                        "  existingSecretKeys: [new, old]",
                        "clusters:",
                        "  - name: test-bed",
                        "    apiServer: " + plane.apiServerUrl(),
                        "    certificateAuthority: |",
                        plane.caPem().strip().indent(6)));
        Rendering rendering = render(List.of("--values", values.toString()));

        // The pod's files, under a directory of the test's: the chart's ConfigMap where the projected volume
        // puts it, and the two keys of the Secret.
        Path root = work.resolve("pod");
        JsonNode configMap = rendering.one("ConfigMap");
        for (Map.Entry<String, String> file : rendering.configFiles().entrySet()) {
            String[] source = file.getValue().split("/", 2);
            assertThat(source[0])
                    .as(file.getKey() + " comes from the chart's ConfigMap")
                    .isEqualTo(RELEASE);
            write(
                    root,
                    file.getKey(),
                    onPodFileSystem(root, configMap.at("/data/" + source[1]).asText()));
        }
        write(root, KEY_DIR + "/new", "a new request-state key of at least 32 bytes");
        write(root, KEY_DIR + "/old", "an old request-state key of at least 32 bytes");
        List<String> flags = rendering.args().stream()
                // The test's server listens on a port of its own, on loopback.
                .filter(arg -> !arg.startsWith("--port=") && !arg.startsWith("--bind-address="))
                .map(arg -> onPodFileSystem(root, arg))
                .toList();

        TestCluster cluster = TestCluster.of(plane);
        ClusterAdmin admin = cluster.admin();
        admin.allowAnonymousIssuerDiscovery();
        String namespace = "helm-jar-" + suffix();
        admin.namespace(namespace);
        admin.configMap(namespace, "seen-through-k-mcp", Map.of(), Map.of("k", "v"), "helm-chart-it");
        ServiceAccount account = admin.serviceAccount(namespace, "agent");
        admin.grantInNamespace(account, namespace, "view");
        admin.awaitAllowed(account, "list", "", "configmaps", Optional.of(namespace));
        String token = admin.mintToken(
                account, List.of(plane.apiServerUrl(), "k-mcp", plane.issuer()), Duration.ofMinutes(10));

        try (KmcpServer server = KmcpServer.start(flags)) {
            HttpClient http = HttpClient.newHttpClient();
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                String path =
                        rendering.container().at("/" + probe + "/httpGet/path").asText();
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(server.baseUri().resolve(path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode())
                        .as(probe + " " + path + ": " + answer.body())
                        .isEqualTo(200);
            }
            assertThat(server.log()).doesNotContain("No request-state key is configured");

            try (Agent agent = Agent.connect(server.mcpUri(), token, Agent.User.unreachable())) {
                assertThat(agent.tools())
                        .extracting(tool -> tool.name())
                        .containsExactlyInAnyOrder("resource_list", "resource_get");
                Agent.ToolOutcome list =
                        agent.call("resource_list", Map.of("resource", "configmaps", "namespace", namespace));
                assertThat(list.isError()).as(list.text()).isFalse();
                assertThat(list.text()).contains("seen-through-k-mcp");
            }
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** A file under src/test/resources/helm/. */
    private static Path resource(String name) {
        URL url = Optional.ofNullable(HelmChartIT.class.getResource("/helm/" + name))
                .orElseThrow(() -> new IllegalStateException("no test resource helm/" + name));
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Rendering render(ValueSet values) {
        return render(List.of("--values", values.path().toString()));
    }

    private static Rendering render(List<String> arguments) {
        List<String> command =
                new ArrayList<>(List.of("template", RELEASE, Helm.chart().toString(), "--namespace", NAMESPACE));
        command.addAll(arguments);
        Outcome template = helm.run(command);
        assertThat(template.exitCode()).as(template.toString()).isZero();
        return new Rendering(Helm.documents(template.stdout()));
    }

    private static String appVersion() {
        try {
            return Helm.document(Files.readString(Helm.chart().resolve("Chart.yaml")))
                    .at("/appVersion")
                    .asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    /** The test bed's control plane whose workloads run; the local target only. */
    private static LocalControlPlane testBed() {
        TestCluster.Target target = TestCluster.checkedTarget();
        Assumptions.assumeTrue(
                target.name().equals("local"),
                "needs the test bed's control plane with fake nodes, which only the local target starts; this run is"
                        + " on " + target.name());
        return SharedControlPlane.withWorkloads();
    }

    private static String suffix() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
    }

    /** A namespace that refuses pods breaking the restricted Pod Security Standard, and warns of them. */
    private static String restrictedNamespace(LocalControlPlane plane, String prefix) {
        String name = prefix + "-" + suffix();
        plane.adminClient()
                .namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .addToLabels("pod-security.kubernetes.io/enforce", "restricted")
                        .addToLabels("pod-security.kubernetes.io/warn", "restricted")
                        .endMetadata()
                        .build())
                .create();
        return name;
    }

    /** Installs the CRDs (server-side apply: the HTTPRoute one is too large for client-side apply). */
    private static void installCrds(LocalControlPlane plane) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("apply", "--server-side"));
        for (Crd crd : CRDS) {
            Outcome download = NodeTools.run(
                    List.of("go", "mod", "download", "-json", crd.module()),
                    Map.of("GOTOOLCHAIN", "local"),
                    Duration.ofMinutes(3));
            assertThat(download.exitCode()).as(download.toString()).isZero();
            Path dir = Path.of(JSON.readTree(download.stdout()).at("/Dir").asText());
            arguments.addAll(List.of("-f", dir.resolve(crd.file()).toString()));
        }
        Outcome apply = kubectl(plane, arguments.toArray(String[]::new));
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        Outcome established = kubectl(
                plane,
                "wait",
                "--for=condition=Established",
                "--timeout=60s",
                "crd/httproutes.gateway.networking.k8s.io",
                "crd/servicemonitors.monitoring.coreos.com");
        assertThat(established.exitCode()).as(established.toString()).isZero();
    }

    private static Outcome kubectl(LocalControlPlane plane, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                ControlPlaneBinaries.binary("kubectl").toString(),
                "--kubeconfig",
                plane.adminKubeconfig().toString()));
        command.addAll(List.of(arguments));
        return NodeTools.run(command, Map.of(), Duration.ofMinutes(2));
    }

    /** {@code helm install|upgrade} of the release, waiting until its Deployment is ready. */
    private static Outcome waitedFor(String command, String namespace, Path kubeconfig, String... values) {
        List<String> arguments =
                new ArrayList<>(List.of(command, RELEASE, Helm.chart().toString(), "--namespace", namespace));
        arguments.addAll(List.of(values));
        arguments.addAll(List.of("--wait", "--timeout", INSTALL_TIMEOUT.toSeconds() + "s"));
        return helm.run(arguments, kubeconfig);
    }

    private static Deployment deployment(LocalControlPlane plane, String namespace) {
        return plane.adminClient()
                .apps()
                .deployments()
                .inNamespace(namespace)
                .withName(RELEASE)
                .get();
    }

    private static List<Pod> pods(LocalControlPlane plane, String namespace) {
        return plane.adminClient()
                .pods()
                .inNamespace(namespace)
                .withLabel("app.kubernetes.io/instance", RELEASE)
                .list()
                .getItems();
    }

    private static void assertAvailable(Deployment deployment, int replicas) {
        assertThat(deployment.getStatus().getConditions())
                .as("conditions of " + deployment.getMetadata().getName())
                .anySatisfy(condition -> {
                    assertThat(condition.getType()).isEqualTo("Available");
                    assertThat(condition.getStatus()).isEqualTo("True");
                });
        assertThat(deployment.getStatus().getReadyReplicas()).isEqualTo(replicas);
        assertThat(deployment.getStatus().getUpdatedReplicas()).isEqualTo(replicas);
    }

    /** A path or text of the pod, with /etc/k-mcp/ moved under {@code root}. */
    private static String onPodFileSystem(Path root, String text) {
        return text.replace("/etc/k-mcp/", root + "/etc/k-mcp/");
    }

    private static void write(Path root, String podPath, String content) throws IOException {
        Path file = root.resolve(podPath.substring(1));
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    /** What {@code helm template} rendered, with the questions the tests ask of it. */
    record Rendering(List<JsonNode> objects) {

        Set<String> kinds() {
            Set<String> kinds = new TreeSet<>();
            objects.forEach(object -> kinds.add(object.at("/kind").asText()));
            return kinds;
        }

        JsonNode one(String kind) {
            List<JsonNode> found = objects.stream()
                    .filter(object -> object.at("/kind").asText().equals(kind))
                    .toList();
            assertThat(found).as("objects of kind " + kind).hasSize(1);
            return found.get(0);
        }

        JsonNode podSpec() {
            return one("Deployment").at("/spec/template/spec");
        }

        JsonNode container() {
            assertThat(podSpec().at("/containers")).hasSize(1);
            return podSpec().at("/containers/0");
        }

        List<String> args() {
            return texts(container().at("/args"));
        }

        /** The files given as --request-state-key-file, in order. */
        List<String> keyFiles() {
            String flag = "--request-state-key-file=";
            return args().stream()
                    .filter(arg -> arg.startsWith(flag))
                    .map(arg -> arg.substring(flag.length()))
                    .toList();
        }

        JsonNode volume(String name) {
            for (JsonNode volume : podSpec().at("/volumes")) {
                if (volume.at("/name").asText().equals(name)) {
                    return volume;
                }
            }
            throw new AssertionError("no volume " + name + " in " + podSpec().at("/volumes"));
        }

        String mountOf(String volume) {
            for (JsonNode mount : container().at("/volumeMounts")) {
                if (mount.at("/name").asText().equals(volume)) {
                    return mount.at("/mountPath").asText();
                }
            }
            throw new AssertionError("volume " + volume + " is not mounted");
        }

        /** The clusters of the application.yaml the chart writes. */
        List<Map<String, String>> clusters() {
            JsonNode yaml =
                    Helm.document(one("ConfigMap").at("/data/application.yaml").asText());
            List<Map<String, String>> clusters = new ArrayList<>();
            for (JsonNode cluster : yaml.at("/kmcp/clusters")) {
                Map<String, String> fields = new LinkedHashMap<>();
                cluster.fields()
                        .forEachRemaining(field ->
                                fields.put(field.getKey(), field.getValue().asText()));
                clusters.add(fields);
            }
            return clusters;
        }

        /** Each file of the config volume, as the pod sees it, and the ConfigMap/key it comes from. */
        Map<String, String> configFiles() {
            String mount = mountOf("config");
            Map<String, String> files = new LinkedHashMap<>();
            for (JsonNode source : volume("config").at("/projected/sources")) {
                JsonNode configMap = source.at("/configMap");
                assertThat(configMap.isMissingNode())
                        .as("a projected source other than a ConfigMap: " + source)
                        .isFalse();
                for (JsonNode item : configMap.at("/items")) {
                    String previous = files.put(
                            mount + "/" + item.at("/path").asText(),
                            configMap.at("/name").asText() + "/"
                                    + item.at("/key").asText());
                    assertThat(previous)
                            .as("two sources for " + item.at("/path"))
                            .isNull();
                }
            }
            return files;
        }
    }
}
