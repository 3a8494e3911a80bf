package io.kmcp.bootstrap.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as an operator runs it: {@code bootstrap/target/k-mcp/bin/k-mcp}, built by {@code
 * package}, run by Failsafe. The Java it is given is the one running this test.
 */
class LauncherIT {

    private static final Path DISTRIBUTION =
            Path.of(System.getProperty("kmcp.distribution", "target/k-mcp")).toAbsolutePath();
    private static final String JAVA_HOME = System.getProperty("java.home");
    private static final int JAVA = Runtime.version().feature();

    @BeforeAll
    static void distributionIsBuilt() {
        assertThat(DISTRIBUTION.resolve("bin/k-mcp"))
                .as("the distribution is built by mvn package")
                .isExecutable();
        assertThat(DISTRIBUTION.resolve("k-mcp.jar")).isRegularFile();
    }

    @Test
    void printsTheVersionOfTheBuild() throws Exception {
        Run version = run(DISTRIBUTION, Map.of("JAVA_HOME", JAVA_HOME), "--version");

        assertThat(version.status()).isZero();
        assertThat(version.output().strip()).isEqualTo("k-mcp " + System.getProperty("kmcp.version"));
    }

    @Test
    void startsAgainstAnApiServerServesAToolCallAndStopsOnSigterm(@TempDir Path work) throws Exception {
        try (StubApiServer cluster = StubApiServer.start(work);
                LaunchedServer server = LaunchedServer.start(
                        DISTRIBUTION, cluster, Map.of("JAVA_HOME", JAVA_HOME), work.resolve("k-mcp.log"))) {
            server.awaitReady(Duration.ofMinutes(3));

            String answer = AotTrainingRun.sessionlessCall(
                    server.port(),
                    cluster.mintToken(Duration.ofMinutes(5)),
                    "resource_list",
                    Map.of("resource", "configmaps", "namespace", StubApiServer.NAMESPACE));

            assertThat(answer).contains("\"isError\":false").contains("welcome");
            server.stop(Duration.ofMinutes(1));
            assertThat(server.log()).doesNotContain("[warning]", "[error]");
            if (JAVA >= AotTrainingRun.AOT_JAVA) {
                assertThat(server.log()).contains("Starting AOT-processed KmcpApplication");
            }
        }
    }

    @Test
    void defaultsComeFirstAndKmcpJavaOptsOverridesThem() throws Exception {
        Run flags = run(
                DISTRIBUTION,
                Map.of("JAVA_HOME", JAVA_HOME, "KMCP_JAVA_OPTS", "-XX:MaxRAMPercentage=30 -XX:+PrintFlagsFinal"),
                "--version");

        assertThat(flags.status()).isZero();
        assertThat(flags.output())
                .containsPattern("MaxRAMPercentage += 30\\.0")
                .containsPattern("UseSerialGC += true")
                .containsPattern("ExitOnOutOfMemoryError += true");
        if (JAVA >= AotTrainingRun.AOT_JAVA) {
            assertThat(flags.output()).containsPattern("UseCompactObjectHeaders += true");
        }
    }

    @Test
    void aCollectorInKmcpJavaOptsReplacesTheDefaultOne() throws Exception {
        Run flags = run(
                DISTRIBUTION,
                Map.of("JAVA_HOME", JAVA_HOME, "KMCP_JAVA_OPTS", "-XX:+UseParallelGC -XX:+PrintFlagsFinal"),
                "--version");

        assertThat(flags.status()).as(flags.output()).isZero();
        assertThat(flags.output()).containsPattern("UseParallelGC += true").containsPattern("UseSerialGC += false");
    }

    @Test
    void theTrainedAotCacheIsOpenedWhenThereIsOne() throws Exception {
        assumeTrue(
                JAVA >= AotTrainingRun.AOT_JAVA && Files.isRegularFile(DISTRIBUTION.resolve(AotTrainingRun.CACHE_FILE)),
                "the build made no AOT cache (Java " + JAVA + ")");

        Run version =
                run(DISTRIBUTION, Map.of("JAVA_HOME", JAVA_HOME, "KMCP_JAVA_OPTS", "-Xlog:aot=info"), "--version");

        assertThat(version.status()).isZero();
        assertThat(version.output()).contains("Opened AOT cache").doesNotContain("[warning]");
    }

    @Test
    void withoutACacheItStartsWithoutAWord(@TempDir Path copy) throws Exception {
        Path distribution = withoutCache(copy);

        Run version = run(distribution, Map.of("JAVA_HOME", JAVA_HOME), "--version");

        assertThat(version.status()).isZero();
        assertThat(version.output()).isEqualTo("k-mcp " + System.getProperty("kmcp.version") + "\n");
    }

    @Test
    void withoutJavaHomeTheRuntimeBesideItIsUsed(@TempDir Path work) throws Exception {
        Path distribution = withoutCache(work.resolve("k-mcp"));
        Files.createSymbolicLink(distribution.resolve("runtime"), Path.of(JAVA_HOME));
        // A PATH with the tools the launcher uses and no java: only the runtime beside bin/ can start k-mcp.
        Path tools = Files.createDirectories(work.resolve("tools"));
        for (String tool : List.of("ls", "sed", "dirname", "readlink")) {
            Path found = Stream.of("/usr/bin", "/bin")
                    .map(dir -> Path.of(dir, tool))
                    .filter(Files::isExecutable)
                    .findFirst()
                    .orElseThrow();
            Files.createSymbolicLink(tools.resolve(tool), found);
        }
        Map<String, String> environment = new HashMap<>();
        environment.put("JAVA_HOME", null);
        environment.put("PATH", tools.toString());

        Run version = run(distribution, environment, "--version");

        assertThat(version.status()).as(version.output()).isZero();
        assertThat(version.output()).isEqualTo("k-mcp " + System.getProperty("kmcp.version") + "\n");
    }

    @Test
    void aJavaHomeWithoutJavaIsRefusedWithItsReason(@TempDir Path empty) throws Exception {
        Run refused = run(DISTRIBUTION, Map.of("JAVA_HOME", empty.toString()), "--version");

        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.output()).contains("JAVA_HOME is " + empty).contains("not an executable");
    }

    /** The launcher, the thin jar and the libraries (linked), but no AOT cache. */
    private static Path withoutCache(Path copy) throws IOException {
        Files.createDirectories(copy.resolve("bin"));
        // No AOT cache: the JVM would say why it cannot use the cache if the launcher passed a missing one.
        Files.copy(DISTRIBUTION.resolve("bin/k-mcp"), copy.resolve("bin/k-mcp"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(DISTRIBUTION.resolve("k-mcp.jar"), copy.resolve("k-mcp.jar"));
        Files.createSymbolicLink(copy.resolve("lib"), DISTRIBUTION.resolve("lib"));
        return copy;
    }

    private record Run(int status, String output) {}

    /** Runs bin/k-mcp to its end; {@code null} in the environment removes the variable. */
    private static Run run(Path distribution, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(distribution.resolve("bin/k-mcp").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("bin/k-mcp " + String.join(" ", arguments) + " did not end");
        }
        return new Run(process.exitValue(), output);
    }
}
