package io.kmcp.acceptance.bench;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.kmcp.acceptance.bench.Plans.ToolCall;
import io.kmcp.acceptance.driver.Agent;
import io.kmcp.acceptance.driver.Agent.ToolOutcome;
import io.kmcp.acceptance.driver.AuditLog;
import io.kmcp.acceptance.driver.ClusterAdmin;
import io.kmcp.acceptance.driver.ClusterAdmin.ServiceAccount;
import io.kmcp.acceptance.driver.KmcpServer;
import io.kmcp.acceptance.driver.TestCluster;
import io.kmcp.adapters.kubernetes.testbed.ControlPlaneBinaries;
import io.kmcp.adapters.kubernetes.testbed.LocalControlPlane;
import io.kmcp.adapters.kubernetes.testbed.Workloads;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The diagnosis benchmark: for each failure state of a workload, what it costs an agent to learn the
 * cause through k-mcp (one {@code workload_diagnose}) and through kubernetes-mcp-server (the
 * kubectl-style round trips): tool calls, requests to kube-apiserver (its audit log), latency, text
 * returned, and whether that text names the cause. Prints a Markdown table and writes it to a file.
 *
 * <p>A program, not a test: {@code bench/diagnosis.sh} builds the project and runs it with the test
 * classpath of this module. System properties:
 *
 * <ul>
 *   <li>{@code kmcp.jar}: the k-mcp jar ({@link KmcpServer});
 *   <li>{@code bench.output}: the Markdown file to write (default {@code bench/results/latest.md});
 *   <li>{@code bench.runs} (default 3) measured runs after {@code bench.warmups} (default 1);
 *   <li>{@code bench.kms.node}, {@code bench.kms.entry}, {@code bench.kms.version}: Node and
 *       kubernetes-mcp-server's {@code bin/index.js}; or {@code bench.kms.unavailable}: why it could not
 *       be installed, and then k-mcp is measured alone;
 *   <li>{@code bench.commit}: the source revision, for the record.
 * </ul>
 */
public final class DiagnosisBench {

    static final String KMCP = "k-mcp";
    static final String KMS = "kubernetes-mcp-server";

    /** What a diagnosis reads, as RBAC names it; the same as the acceptance suite's diagnosing agent. */
    static final List<PolicyRule> NAMESPACED_READS = List.of(
            rule(
                    "",
                    "pods",
                    "pods/log",
                    "services",
                    "events",
                    "persistentvolumeclaims",
                    "namespaces",
                    "resourcequotas"),
            rule("apps", "deployments", "replicasets", "statefulsets", "daemonsets"),
            rule("batch", "jobs", "cronjobs"),
            rule("discovery.k8s.io", "endpointslices"),
            rule("autoscaling", "horizontalpodautoscalers"),
            rule("networking.k8s.io", "ingresses"));

    static final List<PolicyRule> CLUSTER_READS = List.of(rule("", "nodes"));
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(2);

    private final List<AutoCloseable> started = new ArrayList<>();

    private DiagnosisBench() {}

    public static void main(String[] args) {
        DiagnosisBench bench = new DiagnosisBench();
        Thread stop = new Thread(bench::stopAll, "k-mcp-bench-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        int status = 0;
        try {
            bench.run();
        } catch (RuntimeException | Error e) {
            System.err.println("[bench] FAILED: " + e);
            e.printStackTrace();
            status = 1;
        } finally {
            bench.stopAll();
        }
        System.exit(status);
    }

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

    private void run() {
        int runs = Integer.getInteger("bench.runs", 3);
        int warmups = Integer.getInteger("bench.warmups", 1);
        Path output = Path.of(System.getProperty("bench.output", "bench/results/latest.md"));
        Optional<String> kmsUnavailable =
                Optional.ofNullable(System.getProperty("bench.kms.unavailable")).filter(reason -> !reason.isBlank());

        Report report = new Report();
        long began = System.nanoTime();

        log("starting a control plane with controllers, scheduler and kwok's fake nodes");
        LocalControlPlane plane = keep(LocalControlPlane.startWithWorkloads("bench"));
        TestCluster cluster = TestCluster.of(plane);
        ClusterAdmin admin = cluster.admin();
        admin.allowAnonymousIssuerDiscovery();

        List<FailureState> states = FailureState.all();
        Workloads workloads = plane.workloads();
        log("creating " + states.size() + " states, one namespace each");
        states.forEach(state -> state.create(workloads, plane.adminClient()));
        for (FailureState state : states) {
            state.await(workloads, plane.adminClient());
            log("  visible: " + state.label() + " (" + state.namespace() + "/" + state.name() + ")");
        }

        ServiceAccount kmcpAgent = reader(admin, "k-mcp-agent", states);
        ServiceAccount kmsAgent = reader(admin, "kubernetes-mcp-server-agent", states);
        String kmcpToken =
                admin.mintToken(kmcpAgent, List.of(cluster.apiServerUrl(), "k-mcp", cluster.issuer()), TOKEN_LIFETIME);
        String kmsToken = admin.mintToken(kmsAgent, List.of(cluster.issuer()), TOKEN_LIFETIME);

        long kmcpStart = System.nanoTime();
        KmcpServer kmcp = keep(KmcpServer.start(List.of(
                "--api-server",
                cluster.apiServerUrl(),
                "--certificate-authority",
                cluster.caFile().toString())));
        long kmcpStartMillis = (System.nanoTime() - kmcpStart) / 1_000_000;
        log("k-mcp at " + kmcp.mcpUri() + " (healthy after " + kmcpStartMillis + " ms)");
        Agent kmcpClient = keep(Agent.connect(kmcp.mcpUri(), kmcpToken, Agent.User.unreachable()));
        requireTools(KMCP, kmcpClient, Set.of("workload_diagnose"));

        Optional<KubernetesMcpServer> kms = Optional.empty();
        Optional<Agent> kmsClient = Optional.empty();
        long kmsStartMillis = -1;
        if (kmsUnavailable.isPresent()) {
            log("kubernetes-mcp-server is not measured: " + kmsUnavailable.get());
        } else {
            try {
                long kmsStart = System.nanoTime();
                KubernetesMcpServer server = keep(KubernetesMcpServer.start(
                        Path.of(System.getProperty("bench.kms.node", "node")),
                        Path.of(requiredProperty("bench.kms.entry")),
                        cluster.apiServerUrl(),
                        cluster.caFile(),
                        kmsToken));
                kmsStartMillis = (System.nanoTime() - kmsStart) / 1_000_000;
                log(KMS + " at " + server.mcpUri() + " (healthy after " + kmsStartMillis + " ms)");
                Agent client = keep(Agent.connect(server.mcpUri(), kmsToken, Agent.User.unreachable()));
                requireTools(
                        KMS,
                        client,
                        Set.of("resources_get", "pods_list_in_namespace", "pods_get", "events_list", "pods_log"));
                kms = Optional.of(server);
                kmsClient = Optional.of(client);
            } catch (RuntimeException e) {
                kmsUnavailable = Optional.of("it did not start: " + firstLine(e.getMessage()));
                log("kubernetes-mcp-server is not measured: " + e.getMessage());
            }
        }

        AuditLog audit = cluster.auditLog();
        for (FailureState state : states) {
            String pod = failingPod(workloads, state);
            Contender kmcpContender = new Contender(KMCP, kmcpClient, kmcpAgent.username(), s -> Plans.kmcp(s));
            List<Contender> contenders = new ArrayList<>(List.of(kmcpContender));
            kmsClient.ifPresent(client -> contenders.add(
                    new Contender(KMS, client, kmsAgent.username(), s -> Plans.kubernetesMcpServer(s, pod))));
            Map<String, List<Report.Run>> measured = new LinkedHashMap<>();
            for (int i = 0; i < warmups + runs; i++) {
                for (Contender contender : contenders) {
                    Report.Run run = measure(contender, state, audit);
                    if (i >= warmups) {
                        measured.computeIfAbsent(contender.label(), label -> new ArrayList<>())
                                .add(run);
                    }
                }
            }
            measured.forEach((server, serverRuns) -> report.add(
                    new Report.Row(state.label(), server, !state.causeWords().isEmpty(), serverRuns)));
            log("  measured: " + state.label());
        }

        report.fact("date", LocalDate.now(ZoneOffset.UTC).toString());
        report.fact("machine", Machine.description());
        report.fact(
                "Java",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vendor") + "); k-mcp runs with -Xmx256m");
        report.fact(
                "Kubernetes",
                ControlPlaneBinaries.kubernetesVersion() + " (test bed: kube-apiserver,"
                        + " controller-manager, scheduler, kwok fake nodes, on loopback)");
        report.fact("k-mcp", "bootstrap/target/k-mcp.jar at " + System.getProperty("bench.commit", "?"));
        report.fact(
                KMS,
                kmsUnavailable
                        .map(reason -> "not measured: " + reason)
                        .orElse("npm package " + System.getProperty("bench.kms.version", "?")
                                + ", --read-only --disable-multi-cluster, kubeconfig with a token of a service"
                                + " account bound to the same roles as k-mcp's agent"));
        report.fact("runs", "median of " + runs + " after " + warmups + " warm-up per state and server");
        report.fact(
                "memory after the runs (VmRSS)",
                KMCP + " " + Machine.rss(kmcpProcess(kmcp))
                        + kms.map(server -> ", " + KMS + " " + Machine.rss(server.server()))
                                .orElse(""));
        report.fact(
                "start until healthy",
                KMCP + " " + kmcpStartMillis + " ms"
                        + (kmsStartMillis >= 0 ? ", " + KMS + " " + kmsStartMillis + " ms" : ""));
        report.note("tool calls: MCP tools/call requests one diagnosis needs; \"failed\" counts answers with isError.");
        report.note("API requests: entries of kube-apiserver's audit log from the server's service account during"
                + " the diagnosis (a log read, recorded twice, counted once); discovery (/api, /apis) in brackets.");
        report.note("latency: wall-clock of the whole sequence as the MCP client saw it, calls one after another,"
                + " over loopback; an agent also pays one model round trip per call, not counted here.");
        report.note("text chars: characters of the text content of all answers (structuredContent not counted);"
                + " ≈ tokens = chars / " + Report.CHARS_PER_TOKEN + ".");
        report.note("cause named: the answers' text contains the cause's word (see bench/README.md); the healthy"
                + " deployment has none (—).");
        report.note("whole benchmark took " + (System.nanoTime() - began) / 1_000_000_000 + " s.");

        String markdown = report.markdown("Diagnosis benchmark: k-mcp vs kubernetes-mcp-server");
        System.out.println(markdown);
        try {
            Files.createDirectories(output.toAbsolutePath().getParent());
            Files.writeString(output, markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output, e);
        }
        log("written to " + output.toAbsolutePath());
    }

    /** A server under measurement: its client, the account the audit log knows it by, its plan. */
    private record Contender(
            String label, Agent client, String username, Function<FailureState, List<ToolCall>> plan) {}

    private static Report.Run measure(Contender contender, FailureState state, AuditLog audit) {
        List<ToolCall> calls = contender.plan().apply(state);
        long position = audit.end();
        StringBuilder text = new StringBuilder();
        int errors = 0;
        long began = System.nanoTime();
        for (ToolCall call : calls) {
            try {
                ToolOutcome outcome = contender.client().call(call.tool(), call.arguments());
                if (outcome.isError()) {
                    errors++;
                }
                text.append(outcome.text()).append('\n');
            } catch (RuntimeException e) {
                errors++;
                log("  " + contender.label() + " " + call.tool() + " failed: " + firstLine(e.getMessage()));
            }
        }
        long latency = (System.nanoTime() - began) / 1_000_000;
        ApiRequests.Count requests = ApiRequests.since(audit, position, contender.username());
        String all = text.toString();
        if (Boolean.getBoolean("bench.verbose")) {
            log("---- " + contender.label() + " on " + state.label() + ":\n" + all + "---- its API requests:\n  "
                    + String.join("\n  ", requests.requests()));
        }
        return new Report.Run(
                calls.size(),
                errors,
                requests.total(),
                requests.discovery(),
                latency,
                // The separators between answers are not the servers' text.
                Math.max(0, all.length() - calls.size()),
                state.named(all));
    }

    private static String failingPod(Workloads workloads, FailureState state) {
        if (!state.hasFailingPod()) {
            return "";
        }
        return workloads
                .pods(state.namespace(), state.workload())
                .get(0)
                .getMetadata()
                .getName();
    }

    /** A service account that may read what a diagnosis reads in the states' namespaces, and nodes. */
    private static ServiceAccount reader(ClusterAdmin admin, String name, List<FailureState> states) {
        ServiceAccount account = admin.serviceAccount("bench", name);
        admin.clusterRole("bench-read-workloads", NAMESPACED_READS);
        admin.clusterRole("bench-read-nodes", CLUSTER_READS);
        for (FailureState state : states) {
            admin.grantInNamespace(account, state.namespace(), "bench-read-workloads");
        }
        admin.grantClusterWide(account, "bench-read-nodes");
        for (FailureState state : states) {
            admin.awaitAllowed(account, "get", "", "pods/log", Optional.of(state.namespace()));
        }
        admin.awaitAllowed(account, "list", "", "nodes", Optional.empty());
        return account;
    }

    private static void requireTools(String server, Agent client, Set<String> needed) {
        Set<String> offered = client.tools().stream().map(McpSchema.Tool::name).collect(Collectors.toSet());
        Set<String> missing = new HashSet<>(needed);
        missing.removeAll(offered);
        if (!missing.isEmpty()) {
            throw new IllegalStateException(server + " does not offer " + missing + " (it offers " + offered
                    + "); for k-mcp, rebuild the jar with mvn -B install -DskipTests -DskipITs -DskipPitest");
        }
    }

    private static Optional<ProcessHandle> kmcpProcess(KmcpServer server) {
        String port = "--port " + server.baseUri().getPort();
        return ProcessHandle.current()
                .children()
                .filter(child -> child.info().commandLine().orElse("").contains(port))
                .findFirst();
    }

    static PolicyRule rule(String group, String... resources) {
        return new PolicyRuleBuilder()
                .withApiGroups(group)
                .withResources(resources)
                .withVerbs("get", "list", "watch")
                .build();
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("-D" + name + " is not set (bench/diagnosis.sh sets it)");
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

    private static void log(String message) {
        System.err.println("[bench] " + message);
    }
}
