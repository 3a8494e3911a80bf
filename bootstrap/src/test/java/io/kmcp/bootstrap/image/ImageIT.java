package io.kmcp.bootstrap.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.kmcp.adapters.kubernetes.testbed.Quickstart;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess.ServiceAccountRef;
import io.kmcp.bootstrap.e2e.ClusterUnderTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The image {@code package} wrote, read as a container engine reads it and run as a container runtime
 * runs it ({@link UnpackedContainer}: read-only root, the image's user and environment, no engine),
 * against the test bed's real API server.
 */
@DisplayName("The container image")
class ImageIT {

    private static final Path ARCHIVE = Path.of(System.getProperty("kmcp.image", "target/k-mcp-image.tar"));
    private static final Path WORK = ARCHIVE.resolveSibling("image-it");
    private static final String NAMESPACE = "image-it";

    private static OciArchive image;
    private static Path rootfs;

    @BeforeAll
    static void unpack() throws Exception {
        assumeThat(Boolean.getBoolean("kmcp.image.skip"))
                .as("the image was not built (-Dkmcp.image.skip=true)")
                .isFalse();
        assertThat(ARCHIVE).as("the image archive mvn package writes").isRegularFile();
        run(List.of("rm", "-rf", WORK.toString()));
        image = OciArchive.open(ARCHIVE, WORK.resolve("archive"));
        rootfs = WORK.resolve("rootfs");
        image.unpackInto(rootfs);
    }

    @Test
    @DisplayName("has four layers, from the one that changes least: base, runtime, dependencies, application"
            + " (with the SBOM)")
    void layersByHowOftenTheyChange() throws Exception {
        assertThat(image.layerTitles()).containsExactly("base", "runtime", "dependencies", "application");
        assertThat(image.layerPaths("base"))
                .contains(
                        "lib/x86_64-linux-gnu/libc.so.6",
                        "etc/ssl/certs/ca-certificates.crt",
                        "usr/share/zoneinfo/Etc/UTC",
                        "etc/passwd")
                .noneMatch(path -> path.matches("(usr/)?s?bin/.+"));
        assertThat(image.layerPaths("runtime")).allMatch(path -> path.startsWith("opt/"));
        assertThat(image.layerPaths("dependencies"))
                .anyMatch(path -> path.matches("opt/k-mcp/lib/kubernetes-client-api-.*\\.jar"))
                .noneMatch(path -> path.contains("/k-mcp-"));
        assertThat(image.layerPaths("application"))
                .contains("opt/k-mcp/k-mcp.jar", "opt/k-mcp/k-mcp.aot", "opt/k-mcp/k-mcp.cdx.json")
                .anyMatch(path -> path.matches("opt/k-mcp/lib/k-mcp-domain-.*\\.jar"))
                .noneMatch(path -> path.contains("kubernetes-client"));
    }

    @Test
    @DisplayName("runs as a numeric non-root user, from the jlink'd runtime with its AOT cache, and says what it is")
    void configAndLabels() {
        JsonNode config = image.runConfig();

        assertThat(config.path("User").asText()).isEqualTo("65532:65532");
        assertThat(texts(config.path("Entrypoint")))
                .containsExactly(
                        "/opt/k-mcp/runtime/bin/java",
                        "-XX:AOTCache=/opt/k-mcp/k-mcp.aot",
                        "-jar",
                        "/opt/k-mcp/k-mcp.jar");
        JsonNode labels = config.path("Labels");
        assertThat(labels.path("org.opencontainers.image.version").asText())
                .isEqualTo(System.getProperty("kmcp.version"));
        assertThat(labels.path("org.opencontainers.image.revision").asText()).matches("[0-9a-f]{40}|unknown");
        assertThat(labels.path("org.opencontainers.image.source").asText()).startsWith("https://");
        assertThat(labels.path("org.opencontainers.image.licenses").asText()).isEqualTo("Apache-2.0");
    }

    @Test
    @DisplayName("is also a docker archive naming the same config and layers, with its tag")
    void dockerArchive() {
        JsonNode docker = image.dockerManifest().path(0);

        assertThat(docker.path("Config").asText())
                .isEqualTo("blobs/sha256/" + hex(image.manifest().path("config").path("digest")));
        List<String> layers = new ArrayList<>();
        image.manifest().path("layers").forEach(layer -> layers.add("blobs/sha256/" + hex(layer.path("digest"))));
        assertThat(texts(docker.path("Layers"))).isEqualTo(layers);
        assertThat(texts(docker.path("RepoTags"))).containsExactly("k-mcp:" + System.getProperty("kmcp.version"));
    }

    @Test
    @DisplayName("is read by skopeo as an OCI archive and as a docker archive, and copied blob by blob")
    void skopeoReadsIt() throws Exception {
        String skopeo = installed("scripts/skopeo/install.sh", "KMCP_SKOPEO=");
        String digest = image.index().path("manifests").path(0).path("digest").asText();

        String oci = output(List.of(skopeo, "inspect", "oci-archive:" + ARCHIVE));
        // A docker archive is looked up by the tag its manifest.json gives: a missing tag is an error.
        String docker = output(List.of(
                skopeo, "inspect", "docker-archive:" + ARCHIVE + ":k-mcp:" + System.getProperty("kmcp.version")));
        output(List.of(skopeo, "copy", "--insecure-policy", "oci-archive:" + ARCHIVE, "dir:" + WORK.resolve("copied")));

        assertThat(oci).contains("\"Digest\": \"" + digest + "\"").contains("\"org.opencontainers.image.licenses\"");
        assertThat(docker).contains("\"org.opencontainers.image.version\": \"" + System.getProperty("kmcp.version"));
        assertThat(WORK.resolve("copied/manifest.json")).isRegularFile();
    }

    @Test
    @DisplayName("carries Java 25 cut to the modules k-mcp needs, started with the launcher's JVM defaults")
    void runtime() throws Exception {
        String release = Files.readString(rootfs.resolve("opt/k-mcp/runtime/release"));
        assertThat(release)
                .contains("JAVA_VERSION=\"25")
                .doesNotContain("jdk.compiler")
                .doesNotContain("jdk.jshell");

        Container java = Container.run(List.of(
                "/opt/k-mcp/runtime/bin/java", "-XshowSettings:properties", "-XX:+PrintCommandLineFlags", "-version"));

        assertThat(java.exit()).as(java.stderr()).isZero();
        String settings = java.stdout() + java.stderr();
        for (String option : launcherDefaults()) {
            if (option.startsWith("-XX:+")) {
                assertThat(settings).as("the launcher's " + option).contains(option);
            } else if (option.startsWith("-XX:") && option.contains("=")) {
                assertThat(settings).as("the launcher's " + option).containsPattern(option + "(\\.0+)?\\b");
            } else if (option.startsWith("-D")) {
                String[] property = option.substring(2).split("=", 2);
                assertThat(settings).as("the launcher's " + option).contains(property[0] + " = " + property[1]);
            }
        }
    }

    @Test
    @DisplayName("started bare, it exits at once with one line saying which setting to give")
    void bareStart() throws Exception {
        Container bare = Container.run(texts(image.runConfig().path("Entrypoint")));

        assertThat(bare.exit()).isEqualTo(2);
        assertThat(bare.stderr().lines().toList())
                .singleElement()
                .asString()
                .startsWith("k-mcp: no cluster is configured: pass --api-server");
    }

    @Test
    @DisplayName("serves a tool call against the real API server from a read-only root, using its AOT cache")
    void toolCall() throws Exception {
        ServiceAccountRef reader = grantedReader();
        Path ca = rootfs.resolve("etc/k-mcp/ca.crt");
        Files.createDirectories(ca.getParent());
        Files.copy(ClusterUnderTest.CLUSTER.caFile(), ca, StandardCopyOption.REPLACE_EXISTING);
        int port = freePort();
        List<String> command = new ArrayList<>(texts(image.runConfig().path("Entrypoint")));
        command.addAll(List.of(
                "--port",
                Integer.toString(port),
                "--api-server",
                ClusterUnderTest.CLUSTER.apiServerUrl(),
                "--certificate-authority",
                "/etc/k-mcp/ca.crt"));
        Map<String, String> environment = environment();
        // The JVM's own log says whether it mapped the cache; a cache it refuses is a warning and a slow start.
        environment.put("JAVA_TOOL_OPTIONS", "-Xlog:aot=info");
        long started = System.nanoTime();
        Process server = UnpackedContainer.start(
                rootfs,
                image.runConfig().path("User").asText(),
                environment,
                command,
                WORK.resolve("k-mcp.out"),
                WORK.resolve("k-mcp.err"));
        try {
            awaitReady(port, server);
            long readyMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            System.out.println("[image] started until ready in " + readyMillis + " ms");

            HttpResponse<String> answer = Quickstart.sessionlessToolCall(
                    port,
                    ClusterUnderTest.tokenFor(reader),
                    "resource_list",
                    "{\"resource\": \"configmaps\", \"namespace\": \"" + NAMESPACE + "\"}");

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"isError\":false").contains("image-welcome");
            assertThat(Files.readString(WORK.resolve("k-mcp.out"))).contains("Using AOT-linked classes: true");
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static ServiceAccountRef grantedReader() {
        var access = ClusterUnderTest.access();
        access.namespace(NAMESPACE);
        ClusterUnderTest.CLUSTER
                .adminClient()
                .configMaps()
                .inNamespace(NAMESPACE)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("image-welcome")
                        .endMetadata()
                        .addToData("greeting", "hello")
                        .build())
                .serverSideApply();
        ServiceAccountRef reader = access.serviceAccount(NAMESPACE, "reader");
        access.clusterRole("image-it-reader", "", List.of("configmaps"), List.of("get", "list"))
                .grantClusterWide(reader, "image-it-reader");
        ClusterUnderTest.awaitAllowed(
                reader, client -> client.configMaps().inNamespace(NAMESPACE).list());
        return reader;
    }

    private static void awaitReady(int port, Process server) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive())
                    .as("k-mcp in the image ended: " + Files.readString(WORK.resolve("k-mcp.err")))
                    .isTrue();
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("k-mcp in the image was not ready within 3 minutes");
    }

    /** The JVM options bin/k-mcp starts Java 25 with, as it prints them. */
    private static List<String> launcherDefaults() throws Exception {
        Path launcher = Path.of(System.getProperty("kmcp.distribution"), "bin", "k-mcp");
        ProcessBuilder builder = new ProcessBuilder(launcher.toString());
        builder.environment().put("KMCP_PRINT_COMMAND", "1");
        builder.environment()
                .put("JAVA_HOME", rootfs.resolve("opt/k-mcp/runtime").toString());
        Process process = builder.start();
        List<String> words = process.inputReader().lines().toList();
        assertThat(process.waitFor()).isZero();
        List<String> options = words.subList(1, words.indexOf("-jar"));
        assertThat(options).isNotEmpty();
        return options.stream()
                .filter(option -> !option.startsWith("-XX:AOTCache="))
                .toList();
    }

    /** The image's environment, as a runtime gives it to the process. */
    private static Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        image.runConfig().path("Env").forEach(entry -> {
            String[] pair = entry.asText().split("=", 2);
            environment.put(pair[0], pair[1]);
        });
        return environment;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    private static String hex(JsonNode digest) {
        return digest.asText().substring("sha256:".length());
    }

    /** Runs one of the project's install scripts; the path it prints after {@code prefix}. */
    private static String installed(String script, String prefix) throws Exception {
        Path root = Path.of(System.getProperty("kmcp.projectRoot", ".."));
        return output(List.of("bash", root.resolve(script).toString()))
                .lines()
                .filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(script + " printed no " + prefix));
    }

    private static String output(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
        return output;
    }

    private static void run(List<String> command) throws Exception {
        assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).isZero();
    }

    /** A short-lived run of the image, to its end. */
    private record Container(int exit, String stdout, String stderr) {

        static Container run(List<String> command) throws Exception {
            assertThat(UnpackedContainer.canRun())
                    .as("running the image without a container engine takes chroot and mount, hence root")
                    .isTrue();
            Path stdout = Files.createTempFile(WORK, "run", ".out");
            Path stderr = Files.createTempFile(WORK, "run", ".err");
            Process process = UnpackedContainer.start(
                    rootfs, image.runConfig().path("User").asText(), environment(), command, stdout, stderr);
            assertThat(process.waitFor(2, TimeUnit.MINUTES))
                    .as("the run ended in time")
                    .isTrue();
            return new Container(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        }
    }
}
