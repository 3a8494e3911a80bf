package io.kmcp.acceptance.bench;

import io.kmcp.acceptance.bench.ThroughputReport.Key;
import io.kmcp.acceptance.bench.ThroughputReport.Server;
import io.kmcp.acceptance.driver.ClusterAdmin;
import io.kmcp.acceptance.driver.ClusterAdmin.ServiceAccount;
import io.kmcp.acceptance.driver.TestCluster;
import io.kmcp.adapters.kubernetes.testbed.ControlPlaneBinaries;
import io.kmcp.adapters.kubernetes.testbed.LocalControlPlane;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The throughput benchmark: what one tool call costs through k-mcp (the jar, on Java 17 and on Java
 * 25), through kubernetes-mcp-server (stateful and {@code --stateless}) and straight from the API
 * server, on one control plane with one service account: calls per second and latency under wrk at 1
 * and 16 connections ({@code resource_list} of 100 config maps) and at 4 ({@code workload_diagnose} of
 * a crash-looping Deployment), in interleaved rounds; start until ready; resident memory idle, after
 * load and across a thousand distinct tokens. Prints Markdown tables with k-mcp's targets and writes
 * them to a file.
 *
 * <p>With {@code bench.profile} set it measures k-mcp's {@code resource_list} alone, under a flight
 * recording, and writes the hot frames of the measured windows instead ({@link HotFrames}).
 *
 * <p>A program, not a test: {@code bench/throughput.sh} builds the project, installs wrk and
 * kubernetes-mcp-server, and runs it with the test classpath of this module. System properties:
 *
 * <ul>
 *   <li>{@code kmcp.jar}: the k-mcp jar;
 *   <li>{@code bench.launcher}: the distribution's {@code bin/k-mcp}, measured on Java 25 with its own
 *       defaults and AOT cache, beside the jar on each JVM;
 *   <li>{@code bench.wrk}: wrk ({@code scripts/wrk/install.sh});
 *   <li>{@code bench.java17}, {@code bench.java25}: the JVMs k-mcp runs on, or {@code
 *       bench.java17.unavailable} / {@code bench.java25.unavailable}: why one is missing;
 *   <li>{@code bench.jvm.options} (default {@code -Xmx256m}, as the acceptance suite runs the jar);
 *   <li>{@code bench.duration} (default 6) seconds per measured wrk run, {@code bench.warmup} (default
 *       3) per warm-up run, {@code bench.rounds} (default 3), {@code bench.tokens} (default 1000);
 *   <li>{@code bench.kms.entry}, {@code bench.kms.node}, {@code bench.kms.version}, or {@code
 *       bench.kms.unavailable};
 *   <li>{@code bench.output} (default {@code bench/results/throughput.md}), {@code bench.work}, {@code
 *       bench.commit};
 *   <li>{@code bench.profile}: the Markdown file of the profile; {@code bench.profile.duration}
 *       (default 20) seconds per profiled window, after {@code bench.profile.warmup} (default 10) of
 *       warm-up; {@code bench.profile.jvm} ({@code java17}, the
 *       default, or {@code java25}).
 * </ul>
 */
public final class ThroughputBench {

    static final String KMCP = "k-mcp";
    static final String KMS = "kubernetes-mcp-server";
    static final String SESSIONLESS = "2026-07-28 sessionless";
    static final String SESSION = "2025-11-25 session";
    static final String MODERN = "2026-07-28";
    static final String CLASSIC = "2025-11-25";
    static final String LIST_NAMESPACE = "bench-list";
    static final int CONFIG_MAPS = 100;
    static final int DIAGNOSE_CONNECTIONS = 4;
    static final int TOKEN_CALLERS = 4;
    /** The largest container the launcher's defaults are sized for. */
    static final long LAUNCHER_MEMORY_LIMIT = 512L << 20;

    private static final Duration TOKEN_LIFETIME = Duration.ofHours(2);

    /** What a measured call's answer must contain to count as the answer asked for. */
    private static final Map<String, String> MARKERS = Map.of(
            ThroughputReport.LIST, "cm-%03d".formatted(CONFIG_MAPS - 1), ThroughputReport.DIAGNOSE, "CrashLoopBackOff");

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Settings settings;
    private final Path work;

    private ThroughputBench(Settings settings) {
        this.settings = settings;
        this.work = settings.work();
    }

    public static void main(String[] args) {
        ThroughputBench bench = new ThroughputBench(Settings.fromSystemProperties());
        Thread stop = new Thread(bench::stopAll, "k-mcp-bench-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        int status = 0;
        try {
            if (bench.settings.profile().isPresent()) {
                bench.profile();
            } else {
                bench.run();
            }
        } catch (RuntimeException | Error e) {
            System.err.println("[bench] FAILED: " + e);
            e.printStackTrace();
            status = 1;
        } finally {
            bench.stopAll();
        }
        System.exit(status);
    }

    /**
     * What a run is given.
     *
     * @param jvms the JVMs to run k-mcp on, by name ({@code java17}, {@code java25}), each a launcher or
     *     why it is missing
     */
    record Settings(
            Path jar,
            Optional<Path> launcher,
            Path wrk,
            Map<String, Either> jvms,
            List<String> jvmOptions,
            Duration duration,
            Duration warmup,
            int rounds,
            int tokens,
            Optional<Path> kmsEntry,
            Optional<Path> kmsNode,
            String kmsVersion,
            Optional<String> kmsUnavailable,
            Path output,
            Path work,
            String commit,
            Optional<Path> profile,
            Duration profileDuration,
            Duration profileWarmup,
            String profileJvm) {

        static Settings fromSystemProperties() {
            Map<String, Either> jvms = new LinkedHashMap<>();
            for (String name : List.of("java17", "java25")) {
                String launcher = System.getProperty("bench." + name, "");
                String unavailable = System.getProperty("bench." + name + ".unavailable", "");
                jvms.put(
                        name,
                        launcher.isBlank()
                                ? new Either(
                                        Optional.empty(),
                                        unavailable.isBlank() ? "-Dbench." + name + " is not set" : unavailable)
                                : new Either(Optional.of(Path.of(launcher)), ""));
            }
            return new Settings(
                    Path.of(System.getProperty("kmcp.jar", "bootstrap/target/k-mcp.jar")),
                    optionalPath("bench.launcher"),
                    Path.of(required("bench.wrk")),
                    jvms,
                    Arrays.stream(System.getProperty("bench.jvm.options", "-Xmx256m")
                                    .strip()
                                    .split("\\s+"))
                            .filter(option -> !option.isBlank())
                            .toList(),
                    Duration.ofSeconds(Long.getLong("bench.duration", 6)),
                    Duration.ofSeconds(Long.getLong("bench.warmup", 3)),
                    Integer.getInteger("bench.rounds", 3),
                    Integer.getInteger("bench.tokens", 1000),
                    optionalPath("bench.kms.entry"),
                    optionalPath("bench.kms.node"),
                    System.getProperty("bench.kms.version", "?"),
                    Optional.ofNullable(System.getProperty("bench.kms.unavailable"))
                            .filter(reason -> !reason.isBlank()),
                    Path.of(System.getProperty("bench.output", "bench/results/throughput.md")),
                    Path.of(System.getProperty("bench.work", "target/bench/throughput")),
                    System.getProperty("bench.commit", "?"),
                    optionalPath("bench.profile"),
                    Duration.ofSeconds(Long.getLong("bench.profile.duration", 20)),
                    Duration.ofSeconds(Long.getLong("bench.profile.warmup", 10)),
                    System.getProperty("bench.profile.jvm", "java17"));
        }

        private static Optional<Path> optionalPath(String property) {
            return Optional.ofNullable(System.getProperty(property))
                    .filter(value -> !value.isBlank())
                    .map(Path::of);
        }
    }

    /** A JVM launcher, or why there is none. */
    record Either(Optional<Path> launcher, String unavailable) {}

    /**
     * One row source: a server reached through one protocol lane, with the request of each measure it
     * takes part in.
     *
     * @param calls by measure ({@link ThroughputReport#LIST}, {@link ThroughputReport#DIAGNOSE})
     * @param tokenCall the list call whose token the token measure replaces, if this lane takes part
     */
    private record Lane(
            Server server,
            String name,
            Supplier<OptionalLong> pid,
            Map<String, HttpCall> calls,
            Optional<HttpCall> tokenCall) {}

    /** A measure: which call, at how many connections. */
    private record Measure(String call, int connections) {}

    private static final List<Measure> MEASURES = List.of(
            new Measure(ThroughputReport.LIST, ThroughputReport.ONE),
            new Measure(ThroughputReport.LIST, ThroughputReport.MANY),
            new Measure(ThroughputReport.DIAGNOSE, DIAGNOSE_CONNECTIONS));

    // ---------------------------------------------------------------------------------------------
    // The whole benchmark

    private void run() {
        long began = System.nanoTime();
        String loadAtStart = Machine.loadAverage();
        ThroughputReport report = new ThroughputReport(settings.tokens());
        Wrk wrk = new Wrk(settings.wrk(), work.resolve("wrk"), Duration.ofSeconds(30));
        List<Jvm> jvms = jvms();
        settings.jvms().forEach((name, either) -> {
            if (either.launcher().isEmpty()) {
                report.note(KMCP + " on Java " + name.substring("java".length()) + " is not measured: "
                        + either.unavailable() + ".");
            }
        });

        log("starting a control plane with controllers, scheduler and kwok's fake nodes");
        LocalControlPlane plane = keep(LocalControlPlane.startWithWorkloads("throughput"));
        Bed bed = bed(plane, true);
        BenchHttp http = new BenchHttp(bed.cluster().caFile());

        List<Lane> lanes = new ArrayList<>();
        for (Jvm jvm : jvms) {
            lanes.addAll(kmcp(report, bed, http, jvm, List.of()).lanes());
        }
        List<String> kmsFacts = new ArrayList<>();
        Optional<String> kmsUnavailable = settings.kmsUnavailable();
        if (kmsUnavailable.isEmpty()) {
            try {
                lanes.addAll(kmsLanes(report, bed, http, kmsFacts));
            } catch (RuntimeException e) {
                kmsUnavailable = Optional.of("it did not start: " + firstLine(e.getMessage()));
                log(KMS + " is not measured: " + e.getMessage());
            }
        }
        lanes.add(apiLane(report, bed));

        lanes = checked(lanes, http, report);
        Map<String, Long> phases = new LinkedHashMap<>();
        long phase = lap(phases, "set-up", began);

        log("warming up: " + settings.warmup().toSeconds() + " s per server, lane and call");
        for (Lane lane : lanes) {
            lane.calls().forEach((call, request) -> {
                int connections = call.equals(ThroughputReport.DIAGNOSE) ? DIAGNOSE_CONNECTIONS : ThroughputReport.MANY;
                Wrk.Result result = wrk.run(
                        "warmup " + lane.server().name + " " + lane.name() + " " + call,
                        request,
                        connections,
                        settings.warmup());
                log("  warm-up " + describe(lane, call, connections, result));
            });
        }

        phase = lap(phases, "warm-up", phase);

        double[] load = {Double.MAX_VALUE, 0};
        for (int round = 1; round <= settings.rounds(); round++) {
            for (Measure measure : MEASURES) {
                List<Lane> taking = lanes.stream()
                        .filter(lane -> lane.calls().containsKey(measure.call()))
                        .toList();
                // Interleaved: every round runs each lane once, and each round starts with another lane.
                for (int i = 0; i < taking.size(); i++) {
                    Lane lane = taking.get((i + round - 1) % taking.size());
                    Key key = new Key(lane.server().name, lane.name(), measure.call(), measure.connections());
                    Wrk.Result result = wrk.run(
                            "round" + round + " " + key.server() + " " + key.lane() + " " + key.measure() + " c"
                                    + key.connections(),
                            lane.calls().get(measure.call()),
                            measure.connections(),
                            settings.duration());
                    report.add(key, result);
                    if (measure.connections() == ThroughputReport.MANY) {
                        lane.server().afterLoad(rss(lane));
                    }
                    double now = oneMinuteLoad();
                    load[0] = Math.min(load[0], now);
                    load[1] = Math.max(load[1], now);
                    log("  round " + round + "/" + settings.rounds() + " "
                            + describe(lane, measure.call(), measure.connections(), result));
                }
            }
        }

        phase = lap(phases, settings.rounds() + " rounds", phase);

        List<Lane> tokenLanes =
                lanes.stream().filter(lane -> lane.tokenCall().isPresent()).toList();
        if (settings.tokens() > 0 && !tokenLanes.isEmpty()) {
            log("minting " + settings.tokens() + " distinct tokens");
            List<String> tokens = mintTokens(bed, settings.tokens());
            for (Lane lane : tokenLanes) {
                tokenMeasure(lane, tokens, http);
            }
        }
        lap(phases, "tokens", phase);

        String kmsDescription = kmsUnavailable
                .map(reason -> "not measured: " + reason)
                .orElse("npm package " + settings.kmsVersion() + ", " + String.join("; ", kmsFacts));
        facts(report, jvms, loadAtStart, load, kmsDescription, wrk);
        StringBuilder time = new StringBuilder((System.nanoTime() - began) / 1_000_000_000 + " s (");
        phases.forEach(
                (name, seconds) -> time.append(name).append(" ").append(seconds).append(" s, "));
        report.fact("whole benchmark", time.substring(0, time.length() - 2) + ")");
        notes(report);
        write(report.markdown("Throughput benchmark: k-mcp, kubernetes-mcp-server and the API server"));
    }

    private List<Jvm> jvms() {
        List<Jvm> jvms = new ArrayList<>();
        settings.jvms().forEach((name, either) -> {
            String label = "Java " + name.substring("java".length());
            if (either.launcher().isEmpty()) {
                log(label + " is not measured: " + either.unavailable());
                return;
            }
            jvms.add(Jvm.probe(label, either.launcher().get(), settings.jvmOptions(), settings.jar()));
        });
        // The distribution's launcher with its own defaults (no -Xmx), on Java 25: what the README runs,
        // inside the container memory limit its defaults are sized for (the heap is a share of it).
        Either java25 = settings.jvms().get("java25");
        if (settings.launcher().isPresent() && java25.launcher().isPresent()) {
            Path javaHome = java25.launcher().get().toAbsolutePath().getParent().getParent();
            MemoryLimit limit = keep(MemoryLimit.of(LAUNCHER_MEMORY_LIMIT, "kmcp-bench"));
            log("bin/k-mcp runs under " + limit.description());
            jvms.add(Jvm.launcher(
                    "bin/k-mcp, Java 25, 512 MiB limit", settings.launcher().get(), javaHome, Optional.of(limit)));
        }
        if (jvms.isEmpty()) {
            throw new IllegalStateException("no JVM to run k-mcp on: " + settings.jvms());
        }
        return jvms;
    }

    // ---------------------------------------------------------------------------------------------
    // The cluster: 100 config maps, a crash-looping Deployment, one service account that may read them

    /** The cluster, the service account every server acts as, and its token (for k-mcp and the API server). */
    private record Bed(TestCluster cluster, ClusterAdmin admin, ServiceAccount agent, String token) {}

    private Bed bed(LocalControlPlane plane, boolean withDeployment) {
        TestCluster cluster = TestCluster.of(plane);
        ClusterAdmin admin = cluster.admin();
        admin.allowAnonymousIssuerDiscovery();
        admin.namespace(LIST_NAMESPACE);
        log("creating " + CONFIG_MAPS + " config maps in " + LIST_NAMESPACE);
        for (int i = 0; i < CONFIG_MAPS; i++) {
            String name = "cm-%03d".formatted(i);
            admin.configMap(
                    LIST_NAMESPACE,
                    name,
                    Map.of("app", "bench", "tier", i % 2 == 0 ? "web" : "worker"),
                    Map.of(
                            "application.properties",
                            "name=" + name + "\nreplicas=" + (i % 5 + 1) + "\nlog.level=info\n",
                            "owner",
                            "bench"),
                    "bench");
        }
        ServiceAccount agent = admin.serviceAccount("bench", "throughput-agent");
        admin.clusterRole("bench-read-configmaps", List.of(DiagnosisBench.rule("", "configmaps")));
        admin.grantInNamespace(agent, LIST_NAMESPACE, "bench-read-configmaps");
        admin.awaitAllowed(agent, "list", "", "configmaps", Optional.of(LIST_NAMESPACE));
        if (withDeployment) {
            FailureState crash = crashLoop();
            log("creating a crash-looping Deployment " + crash.namespace() + "/" + crash.name());
            crash.create(plane.workloads(), plane.adminClient());
            crash.await(plane.workloads(), plane.adminClient());
            admin.clusterRole("bench-read-workloads", DiagnosisBench.NAMESPACED_READS);
            admin.clusterRole("bench-read-nodes", DiagnosisBench.CLUSTER_READS);
            admin.grantInNamespace(agent, crash.namespace(), "bench-read-workloads");
            admin.grantClusterWide(agent, "bench-read-nodes");
            admin.awaitAllowed(agent, "get", "", "pods/log", Optional.of(crash.namespace()));
            admin.awaitAllowed(agent, "list", "", "nodes", Optional.empty());
        }
        String token = admin.mintToken(agent, audiences(cluster), TOKEN_LIFETIME);
        return new Bed(cluster, admin, agent, token);
    }

    private static FailureState crashLoop() {
        return FailureState.all().stream()
                .filter(state -> state.causeWords().contains(MARKERS.get(ThroughputReport.DIAGNOSE)))
                .findFirst()
                .orElseThrow();
    }

    /** k-mcp's audiences: the API server's URL (which picks the cluster), k-mcp's own, the cluster's. */
    private static List<String> audiences(TestCluster cluster) {
        return List.of(cluster.apiServerUrl(), KMCP, cluster.issuer());
    }

    // ---------------------------------------------------------------------------------------------
    // The servers and their lanes

    /** A k-mcp process and its two lanes. */
    private record Kmcp(KmcpJar jar, List<Lane> lanes) {}

    private Kmcp kmcp(ThroughputReport report, Bed bed, BenchHttp http, Jvm jvm, List<String> moreOptions) {
        Server server = report.server(KMCP + " (" + jvm.label() + ")", true);
        List<String> command = new ArrayList<>(jvm.command());
        command.addAll(moreOptions);
        KmcpJar kmcp = keep(KmcpJar.start(
                command,
                jvm.jar(),
                List.of(
                        "--api-server",
                        bed.cluster().apiServerUrl(),
                        "--certificate-authority",
                        bed.cluster().caFile().toString()),
                work.resolve("k-mcp-" + jvm.label().replace(' ', '-') + ".log")));
        server.readyMillis = kmcp.readyMillis();
        server.readyMeaning = "";
        settle();
        server.rssIdleKib = Machine.rssKib(kmcp.pid());
        log(server.name + " at " + kmcp.mcpUri() + ": ready after " + kmcp.readyMillis() + " ms, idle RSS "
                + ThroughputReport.mib(server.rssIdleKib));
        Supplier<OptionalLong> pid = () -> OptionalLong.of(kmcp.pid());

        Map<String, String> base = new LinkedHashMap<>();
        base.put("Content-Type", "application/json");
        base.put("Accept", "application/json, text/event-stream");
        base.put("Authorization", "Bearer " + bed.token());

        Map<String, HttpCall> sessionless = new LinkedHashMap<>();
        sessionless.put(ThroughputReport.LIST, modernCall(kmcp.mcpUri(), base, "resource_list", listArguments()));
        sessionless.put(
                ThroughputReport.DIAGNOSE, modernCall(kmcp.mcpUri(), base, "workload_diagnose", diagnoseArguments()));
        Lane modern =
                new Lane(server, SESSIONLESS, pid, sessionless, Optional.of(sessionless.get(ThroughputReport.LIST)));

        BenchHttp.Session session = http.initialize(kmcp.mcpUri(), base, CLASSIC);
        Map<String, String> inSession = new LinkedHashMap<>(base);
        inSession.put("Mcp-Session-Id", session.id());
        inSession.put("MCP-Protocol-Version", session.protocolVersion());
        Lane classic = new Lane(
                server,
                SESSION,
                pid,
                Map.of(ThroughputReport.LIST, classicCall(kmcp.mcpUri(), inSession, "resource_list", listArguments())),
                Optional.empty());
        return new Kmcp(kmcp, List.of(modern, classic));
    }

    private List<Lane> kmsLanes(ThroughputReport report, Bed bed, BenchHttp http, List<String> facts) {
        Path entry = settings.kmsEntry()
                .orElseThrow(
                        () -> new IllegalStateException("-Dbench.kms.entry is not set (bench/throughput.sh sets it)"));
        Optional<Path> binary = KubernetesMcpServer.binary(entry);
        List<String> command = binary.map(path -> List.of(path.toString()))
                .orElse(List.of(settings.kmsNode().map(Path::toString).orElse("node"), entry.toString()));
        facts.add(
                binary.isPresent()
                        ? "its Go binary run directly (not through the npm launcher)"
                        : "through its npm launcher (Node), whose start is counted");
        facts.add("--read-only --disable-multi-cluster, a kubeconfig with the same token; every request also carries"
                + " the token as Authorization: Bearer, as k-mcp's do, from which it derives a client per request");
        List<Lane> lanes = new ArrayList<>();
        for (boolean stateless : List.of(false, true)) {
            Server server = report.server(KMS + (stateless ? " --stateless" : ""), false);
            KubernetesMcpServer kms = keep(KubernetesMcpServer.start(
                    command,
                    stateless ? List.of("--stateless") : List.of(),
                    bed.cluster().apiServerUrl(),
                    bed.cluster().caFile(),
                    bed.token()));
            server.readyMillis = kms.healthyMillis();
            server.readyMeaning = " (/healthz)";
            settle();
            Supplier<OptionalLong> pid = () ->
                    kms.server().map(handle -> OptionalLong.of(handle.pid())).orElse(OptionalLong.empty());
            OptionalLong process = pid.get();
            server.rssIdleKib = process.isPresent() ? Machine.rssKib(process.getAsLong()) : OptionalLong.empty();
            log(server.name + " at " + kms.mcpUri() + ": healthy after " + kms.healthyMillis() + " ms, idle RSS "
                    + ThroughputReport.mib(server.rssIdleKib));
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("Accept", "application/json, text/event-stream");
            headers.put("Authorization", "Bearer " + bed.token());
            Map<String, Object> arguments =
                    Map.of("apiVersion", "v1", "kind", "ConfigMap", "namespace", LIST_NAMESPACE);
            if (stateless) {
                headers.put("MCP-Protocol-Version", CLASSIC);
                HttpCall list = classicCall(kms.mcpUri(), headers, "resources_list", arguments);
                // Not in the token measure: it builds a client for every request, whatever its token.
                lanes.add(new Lane(server, "stateless", pid, Map.of(ThroughputReport.LIST, list), Optional.empty()));
            } else {
                BenchHttp.Session session = http.initialize(kms.mcpUri(), headers, CLASSIC);
                headers.put("Mcp-Session-Id", session.id());
                headers.put("MCP-Protocol-Version", session.protocolVersion());
                lanes.add(new Lane(
                        server,
                        session.protocolVersion() + " session",
                        pid,
                        Map.of(ThroughputReport.LIST, classicCall(kms.mcpUri(), headers, "resources_list", arguments)),
                        Optional.empty()));
            }
        }
        return lanes;
    }

    private Lane apiLane(ThroughputReport report, Bed bed) {
        Server server = report.server(ThroughputReport.API_SERVER, false);
        URI list = URI.create(bed.cluster().apiServerUrl() + "/api/v1/namespaces/" + LIST_NAMESPACE
                + "/configmaps?limit=" + CONFIG_MAPS);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("Authorization", "Bearer " + bed.token());
        return new Lane(
                server,
                "GET (no MCP)",
                OptionalLong::empty,
                Map.of(ThroughputReport.LIST, HttpCall.get(list, headers)),
                Optional.empty());
    }

    private static Map<String, Object> listArguments() {
        return Map.of("resource", "configmaps", "namespace", LIST_NAMESPACE, "limit", CONFIG_MAPS);
    }

    private static Map<String, Object> diagnoseArguments() {
        FailureState crash = crashLoop();
        return Map.of("resource", crash.resource(), "name", crash.name(), "namespace", crash.namespace());
    }

    /** A 2026-07-28 call: no session; the method and tool in headers; protocol version and capabilities in _meta. */
    static HttpCall modernCall(URI mcp, Map<String, String> base, String tool, Map<String, Object> arguments) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("MCP-Protocol-Version", MODERN);
        headers.put("Mcp-Method", "tools/call");
        headers.put("Mcp-Name", tool);
        headers.putAll(base);
        String body = "{\"jsonrpc\":\"2.0\",\"id\":" + HttpCall.ID + ",\"method\":\"tools/call\",\"params\":{\"name\":"
                + Json.string(tool) + ",\"arguments\":" + Json.object(arguments)
                + ",\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"" + MODERN
                + "\",\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
        return HttpCall.post(mcp, headers, body);
    }

    /** A call of the session revisions (2025-11-25 and before): the headers carry the session, if any. */
    static HttpCall classicCall(URI mcp, Map<String, String> headers, String tool, Map<String, Object> arguments) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":" + HttpCall.ID + ",\"method\":\"tools/call\",\"params\":{\"name\":"
                + Json.string(tool) + ",\"arguments\":" + Json.object(arguments) + "}}";
        return HttpCall.post(mcp, headers, body);
    }

    /** Sends each lane's calls once: a lane whose answer is not the one asked for is dropped, with a note. */
    private List<Lane> checked(List<Lane> lanes, BenchHttp http, ThroughputReport report) {
        List<Lane> kept = new ArrayList<>();
        for (Lane lane : lanes) {
            Map<String, HttpCall> good = new LinkedHashMap<>();
            lane.calls().forEach((call, request) -> {
                BenchHttp.Answer answer = http.send(request, 1);
                String marker = MARKERS.get(call);
                if (answer.succeeded() && answer.body().contains(marker)) {
                    good.put(call, request);
                    long bytes = answer.body().getBytes(StandardCharsets.UTF_8).length;
                    for (Measure measure : MEASURES) {
                        if (measure.call().equals(call)) {
                            report.answerBytes(
                                    new Key(lane.server().name, lane.name(), call, measure.connections()), bytes);
                        }
                    }
                    log("  checked " + lane.server().name + " " + lane.name() + " " + call + ": " + bytes
                            + " bytes, names " + marker);
                } else {
                    String reason = lane.server().name + " " + lane.name() + " " + call + " is not measured: its answer"
                            + " is not a success naming " + marker + ": " + answer.summary();
                    log(reason);
                    report.note(reason);
                }
            });
            if (!good.isEmpty()) {
                kept.add(new Lane(lane.server(), lane.name(), lane.pid(), good, lane.tokenCall()));
            }
        }
        return kept;
    }

    // ---------------------------------------------------------------------------------------------
    // Memory across distinct tokens

    private List<String> mintTokens(Bed bed, int count) {
        ExecutorService pool = Executors.newFixedThreadPool(TOKEN_CALLERS);
        try {
            List<Future<String>> minted = IntStream.range(0, count)
                    .mapToObj(i -> pool.submit(() -> bed.admin()
                            .mintToken(
                                    bed.agent(),
                                    audiences(bed.cluster()),
                                    // A lifetime of its own for each: the tokens differ whatever else does.
                                    TOKEN_LIFETIME.plusSeconds(i))))
                    .toList();
            List<String> tokens = new ArrayList<>();
            for (Future<String> token : minted) {
                tokens.add(token.get());
            }
            Set<String> distinct = new HashSet<>(tokens);
            if (distinct.size() != count) {
                throw new IllegalStateException("minted " + distinct.size() + " distinct tokens of " + count);
            }
            return tokens;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot mint the tokens: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One list call with each token, {@value #TOKEN_CALLERS} at a time; RSS before and after. */
    private void tokenMeasure(Lane lane, List<String> tokens, BenchHttp http) {
        Server server = lane.server();
        HttpCall call = lane.tokenCall().orElseThrow();
        server.rssBeforeTokensKib = rss(lane);
        AtomicLong failures = new AtomicLong();
        AtomicLong ids = new AtomicLong();
        String[] firstFailure = {null};
        ExecutorService pool = Executors.newFixedThreadPool(TOKEN_CALLERS);
        long began = System.nanoTime();
        try {
            List<Future<?>> calls = tokens.stream()
                    .<Future<?>>map(token -> pool.submit(() -> {
                        BenchHttp.Answer answer =
                                http.send(call.withHeader("Authorization", "Bearer " + token), ids.incrementAndGet());
                        if (!answer.succeeded() || !answer.body().contains(MARKERS.get(ThroughputReport.LIST))) {
                            failures.incrementAndGet();
                            synchronized (firstFailure) {
                                if (firstFailure[0] == null) {
                                    firstFailure[0] = answer.summary();
                                }
                            }
                        }
                    }))
                    .toList();
            for (Future<?> done : calls) {
                done.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a token call failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        server.tokenSeconds = (System.nanoTime() - began) / 1e9;
        server.tokenCalls = tokens.size();
        server.tokenFailures = failures.get();
        server.rssAfterTokensKib = rss(lane);
        log("  " + tokens.size() + " tokens on " + server.name + " " + lane.name() + ": RSS "
                + ThroughputReport.mib(server.rssBeforeTokensKib) + " → "
                + ThroughputReport.mib(server.rssAfterTokensKib) + " in "
                + Math.round(server.tokenSeconds) + " s, " + failures.get() + " failed"
                + (firstFailure[0] != null ? " (first: " + firstFailure[0] + ")" : ""));
    }

    private static OptionalLong rss(Lane lane) {
        OptionalLong pid = lane.pid().get();
        return pid.isPresent() ? Machine.rssKib(pid.getAsLong()) : OptionalLong.empty();
    }

    // ---------------------------------------------------------------------------------------------
    // The profile

    /**
     * k-mcp on one JVM under a flight recording ({@code -XX:StartFlightRecording}, profile settings):
     * after a warm-up, {@code resource_list} on each lane at {@value ThroughputReport#MANY} connections
     * for {@code bench.profile.duration}; the samples of those windows only are aggregated.
     */
    private void profile() {
        Path output = settings.profile().orElseThrow();
        long began = System.nanoTime();
        String loadAtStart = Machine.loadAverage();
        Wrk wrk = new Wrk(settings.wrk(), work.resolve("wrk-profile"), Duration.ofSeconds(30));
        Either chosen = settings.jvms().get(settings.profileJvm());
        if (chosen == null || chosen.launcher().isEmpty()) {
            throw new IllegalStateException("no JVM " + settings.profileJvm() + " to profile on: "
                    + (chosen == null ? "unknown" : chosen.unavailable()));
        }
        Jvm jvm = Jvm.probe(
                "Java " + settings.profileJvm().substring("java".length()),
                chosen.launcher().get(),
                settings.jvmOptions(),
                settings.jar());
        Path recording = work.resolve("k-mcp-resource_list.jfr");
        List<String> recordingOptions = List.of(
                "-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true"
                        + ",jdk.ExecutionSample#period=" + HotFrames.SAMPLE_PERIOD.replace(" ", ""),
                "-XX:FlightRecorderOptions=stackdepth=256");

        log("starting a control plane (no workloads are needed for resource_list)");
        LocalControlPlane plane = keep(LocalControlPlane.start("throughput-profile"));
        Bed bed = bed(plane, false);
        BenchHttp http = new BenchHttp(bed.cluster().caFile());
        ThroughputReport report = new ThroughputReport(0);
        try {
            Files.deleteIfExists(recording);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Kmcp recorded = kmcp(report, bed, http, jvm, recordingOptions);
        List<Lane> lanes = recorded.lanes().stream()
                .map(lane -> new Lane(
                        lane.server(),
                        lane.name(),
                        lane.pid(),
                        Map.of(ThroughputReport.LIST, lane.calls().get(ThroughputReport.LIST)),
                        lane.tokenCall()))
                .toList();
        lanes = checked(lanes, http, report);

        List<HotFrames.Window> windows = new ArrayList<>();
        for (Lane lane : lanes) {
            HttpCall call = lane.calls().get(ThroughputReport.LIST);
            Wrk.Result warm =
                    wrk.run("profile-warmup " + lane.name(), call, ThroughputReport.MANY, settings.profileWarmup());
            log("  warm-up " + describe(lane, ThroughputReport.LIST, ThroughputReport.MANY, warm));
            Instant from = Instant.now();
            Wrk.Result result =
                    wrk.run("profile " + lane.name(), call, ThroughputReport.MANY, settings.profileDuration());
            Instant to = Instant.now();
            log("  profiled " + describe(lane, ThroughputReport.LIST, ThroughputReport.MANY, result));
            windows.add(new HotFrames.Window(
                    ThroughputReport.LIST + ", " + lane.name() + " lane, " + ThroughputReport.MANY + " connections",
                    from,
                    to,
                    result.callsPerSecond(),
                    result.p50Micros() / 1000.0,
                    result.p99Micros() / 1000.0,
                    result.failed() + result.socketErrors()));
        }
        log("stopping k-mcp, which writes the recording");
        recorded.jar().close();
        String memory = memory(report, jvm, bed, http, wrk);
        String loadAtEnd = Machine.loadAverage();
        stopAll();

        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("date", LocalDate.now(ZoneOffset.UTC).toString());
        facts.put("machine", Machine.description());
        facts.put("load average (1, 5, 15 min)", "at start " + loadAtStart + "; at end " + loadAtEnd);
        facts.put("JVM", jvm.label() + ": " + jvm.description());
        facts.put("k-mcp's command", jvm.commandLine() + " with " + String.join(" ", recordingOptions));
        facts.put("memory run's command", jvm.commandLine() + " with " + NativeMemory.OPTION);
        facts.put("k-mcp", "bootstrap/target/k-mcp.jar at " + settings.commit());
        facts.put(
                "Kubernetes",
                ControlPlaneBinaries.kubernetesVersion() + " (test bed: etcd and kube-apiserver only, audit log on,"
                        + " loopback)");
        facts.put(
                "load",
                wrk.version() + ", " + ThroughputReport.MANY + " connections, 2 threads, "
                        + settings.profileWarmup().toSeconds() + " s warm-up then "
                        + settings.profileDuration().toSeconds()
                        + " s profiled, per lane");
        facts.put("recording", recording + " (not kept in the repository)");
        facts.put("whole run", (System.nanoTime() - began) / 1_000_000_000 + " s");
        String markdown = HotFrames.markdown(
                "Profile of k-mcp during resource_list", HotFrames.read(recording, windows), memory, facts);
        System.out.println(markdown);
        writeTo(output, markdown);
    }

    /**
     * Where k-mcp's memory is, beyond its heap: a k-mcp without the recording (whose own buffers would
     * count) but with native memory tracking, its summary idle, after {@code bench.profile.duration} of
     * sessionless {@code resource_list} at {@value ThroughputReport#MANY} connections, and after one call
     * with each of {@code bench.tokens} distinct tokens.
     */
    private String memory(ThroughputReport report, Jvm jvm, Bed bed, BenchHttp http, Wrk wrk) {
        log("starting k-mcp again, without the recording, with native memory tracking");
        Kmcp kmcp = kmcp(report, bed, http, jvm, List.of(NativeMemory.OPTION));
        Lane lane = kmcp.lanes().stream()
                .filter(candidate -> candidate.tokenCall().isPresent())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no sessionless lane to send the tokens' calls on"));
        long pid = kmcp.jar().pid();
        Path jcmd;
        try {
            jcmd = jvm.java().toRealPath().getParent().resolve("jcmd");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<NativeMemory.Column> columns = new ArrayList<>();
        columns.add(new NativeMemory.Column("idle", NativeMemory.committedKib(jcmd, pid), Machine.rssKib(pid)));
        HttpCall call = lane.calls().get(ThroughputReport.LIST);
        Wrk.Result load = wrk.run("memory " + lane.name(), call, ThroughputReport.MANY, settings.profileDuration());
        log("  loaded " + describe(lane, ThroughputReport.LIST, ThroughputReport.MANY, load));
        columns.add(new NativeMemory.Column(
                "after " + settings.profileDuration().toSeconds() + " s at " + ThroughputReport.MANY + " connections",
                NativeMemory.committedKib(jcmd, pid),
                Machine.rssKib(pid)));
        String tokensDone = "";
        if (settings.tokens() > 0) {
            log("minting " + settings.tokens() + " distinct tokens");
            List<String> tokens = mintTokens(bed, settings.tokens());
            tokenMeasure(lane, tokens, http);
            columns.add(new NativeMemory.Column(
                    "after " + settings.tokens() + " tokens",
                    NativeMemory.committedKib(jcmd, pid),
                    Machine.rssKib(pid)));
            tokensDone = ", and after one sessionless `resource_list` with each of " + settings.tokens()
                    + " distinct tokens (" + TOKEN_CALLERS + " at a time, " + lane.server().tokenFailures
                    + " failed)";
        }
        kmcp.jar().close();
        return "\n## Memory: native memory tracking\n\n"
                + "A second k-mcp, started as the first but without the flight recording (whose buffers are"
                + " native memory too) and with `" + NativeMemory.OPTION + "`: `jcmd <pid> VM.native_memory"
                + " summary`, committed memory idle (one second after ready), after "
                + settings.profileDuration().toSeconds() + " s of sessionless `resource_list` at "
                + ThroughputReport.MANY + " connections (" + ThroughputReport.rate(load.callsPerSecond())
                + " calls/s, " + (load.failed() + load.socketErrors()) + " failed)" + tokensDone
                + ". The heap's ceiling is `-Xmx`; the rest is what RSS holds beyond it, and VmRSS beyond"
                + " the NMT total is memory the JVM does not track (the C heap's arenas, mapped files).\n\n"
                + NativeMemory.table(columns);
    }

    // ---------------------------------------------------------------------------------------------
    // The report

    private void facts(
            ThroughputReport report, List<Jvm> jvms, String loadAtStart, double[] load, String kms, Wrk wrk) {
        report.fact("date", LocalDate.now(ZoneOffset.UTC).toString());
        report.fact("machine", Machine.description());
        report.fact(
                "load average (1, 5, 15 min)",
                "at start " + loadAtStart + "; at end " + Machine.loadAverage() + "; 1-min during the measured runs "
                        + (load[1] > 0 ? String.format(Locale.ROOT, "%.2f–%.2f", load[0], load[1]) : "?")
                        + " (the machine is shared: numbers are noisy)");
        for (Jvm jvm : jvms) {
            report.fact(
                    KMCP + " on " + jvm.label(),
                    "`" + jvm.commandLine() + "`: " + jvm.description()
                            + jvm.limit()
                                    .map(limit -> "; run under " + limit.description())
                                    .orElse(""));
        }
        report.fact(
                KMCP,
                "bootstrap/target/k-mcp.jar at " + settings.commit()
                        + ", flags --api-server <url> --certificate-authority <ca> (defaults otherwise)");
        report.fact(KMS, kms);
        report.fact(
                "API server",
                "Kubernetes " + ControlPlaneBinaries.kubernetesVersion() + " on the test bed (etcd, kube-apiserver with"
                        + " a metadata-level audit log, controller-manager, scheduler, kwok's fake nodes), loopback,"
                        + " TLS; every server reaches it with the same service account's token");
        report.fact(
                "load",
                wrk.version() + " (scripts/wrk/install.sh), keep-alive connections, 1 thread for 1 connection and 2"
                        + " otherwise, --timeout 30 s; " + settings.duration().toSeconds() + " s per measured run, "
                        + settings.rounds() + " interleaved rounds (median shown), after one "
                        + settings.warmup().toSeconds()
                        + " s warm-up per server, lane and call");
        report.fact("bench sources", "acceptance-tests/src/test/java/io/kmcp/acceptance/bench/ThroughputBench.java");
    }

    private void notes(ThroughputReport report) {
        report.note("calls/s: answers per second wrk received over the run; p50 and p99: wrk's latency percentiles"
                + " (a closed loop: each connection sends its next call when the answer arrives).");
        report.note("calls/s ÷ API and p50 − API p50: against the API server's own GET of the same list at the same"
                + " number of connections.");
        report.note("failed: answers that were not a success (status other than 200, \"isError\":true, a JSON-RPC"
                + " error) plus socket errors and timeouts, over all rounds.");
        report.note("answer KiB: one answer's body as the client receives it (k-mcp and kubernetes-mcp-server: a"
                + " text table in a JSON-RPC result; the API server: the ConfigMapList JSON). kubernetes-mcp-server's"
                + " resources_list has no limit and lists all " + (CONFIG_MAPS + 1)
                + " config maps of the namespace (with kube-root-ca.crt); k-mcp and the API server list "
                + CONFIG_MAPS + ".");
        report.note("RSS: VmRSS of /proc/<pid>/status; idle is one second after ready; after " + ThroughputReport.MANY
                + " connections is the largest seen right after a " + ThroughputReport.MANY
                + "-connection run. The token"
                + " measure sends one resource_list with each of " + settings.tokens() + " tokens of the same service"
                + " account, each minted with a lifetime of its own, " + TOKEN_CALLERS + " at a time, after all rounds;"
                + " k-mcp keeps at most 64 clients (--kmcp.limits.clients, the default). kubernetes-mcp-server is"
                + " left out of it: it builds a new client from the Authorization header for every request, so"
                + " every call of the other measures already pays what a new token costs it.");
        report.note("start until ready: from the process's start to the first UP of /actuator/health/readiness"
                + " (k-mcp), or 200 of /healthz (kubernetes-mcp-server), polled every 20 ms.");
    }

    private void write(String markdown) {
        System.out.println(markdown);
        writeTo(settings.output(), markdown);
    }

    private static void writeTo(Path output, String markdown) {
        try {
            Files.createDirectories(output.toAbsolutePath().getParent());
            Files.writeString(output, markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output, e);
        }
        log("written to " + output.toAbsolutePath());
    }

    private static String describe(Lane lane, String call, int connections, Wrk.Result result) {
        return call + " c" + connections + " " + lane.server().name + " " + lane.name() + ": "
                + ThroughputReport.rate(result.callsPerSecond()) + " calls/s, p50 "
                + ThroughputReport.millis(result.p50Micros() / 1000.0) + " ms, p99 "
                + ThroughputReport.millis(result.p99Micros() / 1000.0) + " ms"
                + (result.clean()
                        ? ""
                        : ", " + (result.failed() + result.socketErrors()) + " failed"
                                + result.firstFailure()
                                        .map(first -> " (first: " + first + ")")
                                        .orElse(""));
    }

    // ---------------------------------------------------------------------------------------------
    // Plumbing

    private synchronized void stopAll() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("[bench] while stopping: " + e);
            }
        }
        started.clear();
    }

    private synchronized <T extends AutoCloseable> T keep(T resource) {
        started.add(resource);
        return resource;
    }

    /** Records how long a phase took, from {@code since}; returns now. */
    private static long lap(Map<String, Long> phases, String name, long since) {
        long now = System.nanoTime();
        phases.put(name, (now - since) / 1_000_000_000);
        log(name + " took " + (now - since) / 1_000_000_000 + " s");
        return now;
    }

    private static double oneMinuteLoad() {
        try {
            return Double.parseDouble(Machine.loadAverage().split(",")[0].strip());
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** A second for the process to finish what it does right after it is ready, before its idle RSS. */
    private static void settle() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("-D" + name + " is not set (bench/throughput.sh sets it)");
        }
        return value;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    static void log(String message) {
        System.err.println("[bench] " + message);
    }
}
