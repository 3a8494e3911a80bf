package io.kmcp.bootstrap.launcher;

import io.kmcp.adapters.kubernetes.testbed.ControlPlaneBinaries;
import io.kmcp.adapters.kubernetes.testbed.LocalControlPlane;
import io.kmcp.adapters.kubernetes.testbed.TestBedAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How fast k-mcp is ready and how much memory it holds, per way of starting it: the launcher with and
 * without its AOT cache, on Java 25 and 17, and {@code java -jar}. Every configuration is started
 * {@code bench.runs} times (round robin, so that a busy moment of the machine spreads over all of
 * them) against one API server; each run measures the time from the process start until {@code
 * /actuator/health/readiness} is UP, the CPU time it used until then, the first tool call
 * ({@code resource_list} over 2026-07-28: token verification with the issuer's keys, discovery, one
 * list) and the resident memory once idle after it. Medians are printed as a Markdown table and
 * written to {@code bench.output}. Run by {@code bench/startup.sh}; not a test, nothing fails on a
 * number.
 */
public final class StartupBench {

    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private StartupBench() {}

    record Configuration(String name, List<String> program, Map<String, String> environment) {}

    record Sample(long readyMillis, long cpuMillis, long firstCallMillis, long rssKib) {}

    public static void main(String[] args) throws Exception {
        Path distribution = Path.of(property("bench.distribution")).toAbsolutePath();
        Path fatJar = Path.of(property("bench.jar")).toAbsolutePath();
        Path java25 = Path.of(property("bench.java25"));
        Path java17 = Path.of(property("bench.java17"));
        int runs = Integer.parseInt(System.getProperty("bench.runs", "5"));
        String memory = System.getProperty("bench.memory", "512m");
        Path output = Path.of(property("bench.output"));
        Path work = Files.createDirectories(Path.of(property("bench.work")));
        boolean stub = Boolean.getBoolean("bench.stub");

        Path withoutCache = copyWithoutCache(distribution, work.resolve("k-mcp-without-aot-cache"));
        // As in a container with this memory limit: the JVM sizes its heap from MaxRAM as from a cgroup limit.
        String maxRam = "-XX:MaxRAM=" + memory;
        List<Configuration> configurations = new ArrayList<>();
        configurations.add(launcher("bin/k-mcp, Java 25, AOT cache", distribution, java25, maxRam));
        configurations.add(launcher("bin/k-mcp, Java 25, no AOT cache", withoutCache, java25, maxRam));
        configurations.add(launcher("bin/k-mcp, Java 17", withoutCache, java17, maxRam));
        configurations.add(javaJar("java -jar, Java 25", java25, maxRam, fatJar));
        configurations.add(javaJar("java -jar, Java 17", java17, maxRam, fatJar));
        if (!Files.isRegularFile(distribution.resolve(AotTrainingRun.CACHE_FILE))) {
            throw new IllegalStateException(distribution.resolve(AotTrainingRun.CACHE_FILE)
                    + " is missing: build with Java 25 (bench/startup.sh does)");
        }

        Cluster cluster = stub ? Cluster.stub(work) : Cluster.controlPlane();
        Map<Configuration, List<Sample>> samples = new LinkedHashMap<>();
        configurations.forEach(configuration -> samples.put(configuration, new ArrayList<>()));
        String loadBefore = loadAverage();
        try {
            // One unmeasured start of each first: the page cache holds the jars for every measured run.
            // The first of them also lets a fresh RBAC grant reach the API server's authoriser.
            for (Configuration configuration : configurations) {
                measure(configuration, cluster, work, true);
            }
            for (int run = 1; run <= runs; run++) {
                for (Configuration configuration : configurations) {
                    Sample sample = measure(configuration, cluster, work, false);
                    samples.get(configuration).add(sample);
                    System.err.printf(
                            "[bench] run %d/%d %-36s ready %5d ms, cpu %5d ms, first call %5d ms, rss %4d MiB%n",
                            run,
                            runs,
                            configuration.name(),
                            sample.readyMillis(),
                            sample.cpuMillis(),
                            sample.firstCallMillis(),
                            sample.rssKib() / 1024);
                }
            }
        } finally {
            cluster.close();
        }
        String table = table(samples, runs, memory, cluster.description(), loadBefore, loadAverage());
        System.out.print(table);
        Files.createDirectories(output.getParent());
        Files.writeString(output, table);
        System.err.println("[bench] written to " + output);
    }

    private static Configuration launcher(String name, Path distribution, Path javaHome, String maxRam) {
        return new Configuration(
                name,
                List.of(distribution.resolve("bin/k-mcp").toString()),
                Map.of("JAVA_HOME", javaHome.toString(), "KMCP_JAVA_OPTS", maxRam));
    }

    private static Configuration javaJar(String name, Path javaHome, String maxRam, Path jar) {
        return new Configuration(
                name, List.of(javaHome.resolve("bin/java").toString(), maxRam, "-jar", jar.toString()), Map.of());
    }

    private static Sample measure(Configuration configuration, Cluster cluster, Path work, boolean warmUp)
            throws Exception {
        Path log = work.resolve("k-mcp.log");
        long started = System.nanoTime();
        try (LaunchedServer server = LaunchedServer.start(
                configuration.program(), cluster.apiServerUrl(), cluster.caFile(), configuration.environment(), log)) {
            server.awaitReady(Duration.ofMinutes(3));
            long ready = (System.nanoTime() - started) / 1_000_000;
            long cpu = cpuMillis(server.process().pid());
            long callStarted = System.nanoTime();
            String answer = AotTrainingRun.sessionlessCall(
                    server.port(), cluster.token(), "resource_list", Map.of("resource", "namespaces"));
            long firstCall = (System.nanoTime() - callStarted) / 1_000_000;
            if (!warmUp && !answer.contains("\"isError\":false")) {
                throw new IllegalStateException(configuration.name() + ": the first call failed: " + answer);
            }
            Thread.sleep(2000);
            long rss = rssKib(server.process().pid());
            server.stop(Duration.ofMinutes(1));
            return new Sample(ready, cpu, firstCall, rss);
        }
    }

    private static String table(
            Map<Configuration, List<Sample>> samples,
            int runs,
            String memory,
            String cluster,
            String loadBefore,
            String loadAfter) {
        StringBuilder table = new StringBuilder();
        table.append("# k-mcp start-up\n\n");
        table.append(String.format(
                Locale.ROOT,
                "Medians of %d runs per configuration, %s, against %s; every JVM given -XX:MaxRAM=%s, as in a"
                        + " container with that memory limit. Machine: %d cores, load average %s before and %s"
                        + " after.%n%n",
                runs,
                Instant.now().toString().substring(0, 10),
                cluster,
                memory,
                Runtime.getRuntime().availableProcessors(),
                loadBefore,
                loadAfter));
        table.append("| how k-mcp is started | ready (min–max) | CPU until ready | first tool call | RSS idle |\n");
        table.append("|---|---|---|---|---|\n");
        samples.forEach((configuration, list) -> table.append(String.format(
                Locale.ROOT,
                "| %s | %.2f s (%.2f–%.2f) | %.2f s | %d ms | %d MiB |%n",
                configuration.name(),
                median(list.stream().map(Sample::readyMillis).toList()) / 1000.0,
                list.stream().mapToLong(Sample::readyMillis).min().orElse(0) / 1000.0,
                list.stream().mapToLong(Sample::readyMillis).max().orElse(0) / 1000.0,
                median(list.stream().map(Sample::cpuMillis).toList()) / 1000.0,
                median(list.stream().map(Sample::firstCallMillis).toList()),
                median(list.stream().map(Sample::rssKib).toList()) / 1024)));
        table.append("""

                *ready*: from the process start until `/actuator/health/readiness` answers UP. *CPU until \
                ready*: user and system time of the JVM until then, all threads (the JIT's too); on a busy \
                machine it moves less than the wall time. *first tool call*: `resource_list` of namespaces \
                over MCP 2026-07-28 right after, with the token's verification and the cluster's discovery. \
                *RSS idle*: resident memory two seconds after that call. Produced by `bench/startup.sh`.
                """);
        return table.toString();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    /** utime + stime of /proc/PID/stat, fields 14 and 15, counted after the command name's parenthesis. */
    private static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
    }

    private static long rssKib(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst()
                .orElse(0L);
    }

    private static String loadAverage() {
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return load[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Path copyWithoutCache(Path distribution, Path copy) throws IOException {
        if (Files.exists(copy)) {
            try (var old = Files.walk(copy)) {
                old.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(copy.resolve("bin"));
        Files.copy(distribution.resolve("bin/k-mcp"), copy.resolve("bin/k-mcp"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(distribution.resolve("k-mcp.jar"), copy.resolve("k-mcp.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createSymbolicLink(copy.resolve("lib"), distribution.resolve("lib"));
        return copy;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("-D" + name + " is required (bench/startup.sh sets it)");
        }
        return value;
    }

    /** The API server the runs use, a token for it, and how to stop it. */
    private record Cluster(String apiServerUrl, Path caFile, String token, String description, Runnable stop)
            implements AutoCloseable {

        static Cluster stub(Path work) {
            StubApiServer stub = StubApiServer.start(work);
            return new Cluster(
                    stub.apiServerUrl(),
                    stub.caFile(),
                    stub.mintToken(Duration.ofHours(2)),
                    "the stub API server of the build's training run",
                    stub::close);
        }

        /** The test bed's kube-apiserver, a service account that may list namespaces, its token. */
        static Cluster controlPlane() {
            LocalControlPlane plane = LocalControlPlane.start("startup-bench");
            TestBedAccess access = plane.access();
            access.allowAnonymousIssuerDiscovery();
            TestBedAccess.ServiceAccountRef agent = access.namespace("bench").serviceAccount("bench", "agent");
            access.clusterRole("startup-bench-read", "", List.of("namespaces"), List.of("get", "list"))
                    .grantClusterWide(agent, "startup-bench-read");
            return new Cluster(
                    plane.apiServerUrl(),
                    plane.caFile(),
                    access.mintToken(
                            agent, List.of(plane.apiServerUrl(), "k-mcp", plane.issuer()), Duration.ofHours(2)),
                    "a local kube-apiserver " + ControlPlaneBinaries.kubernetesVersion() + " (the test bed's)",
                    plane::close);
        }

        @Override
        public void close() {
            stop.run();
        }
    }
}
