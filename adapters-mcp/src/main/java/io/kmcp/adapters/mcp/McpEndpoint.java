package io.kmcp.adapters.mcp;

import io.kmcp.adapters.mcp.tool.CallerContext;
import io.kmcp.adapters.mcp.tool.Tools;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.SmartLifecycle;

/**
 * The MCP server of k-mcp over stateful Streamable HTTP: the tools over the use cases, served by one
 * servlet. The wiring registers {@link #servlet()} at {@link #path()} with async support, puts the
 * requests through {@link McpHttpSecurity} first. As a bean it is a {@link SmartLifecycle} that stops
 * in the last phase, before the web server's graceful shutdown waits for open requests: it ends every
 * session, so that listening streams do not hold the shutdown up.
 *
 * <p>Tool handlers run on the request thread of the call (the SDK's immediate execution), so a
 * handler waiting for a person's answer holds a container thread, not one of a small shared pool.
 */
public final class McpEndpoint implements SmartLifecycle, AutoCloseable {

    static final String SERVER_NAME = "k-mcp";

    static final String INSTRUCTIONS = """
            k-mcp reads (and, where allowed, applies) Kubernetes objects with your own service-account \
            token; the API server's RBAC decides what you may do. When something is not working (not \
            ready, crashing, pending, unreachable), call workload_diagnose first: one call gathers the \
            pods, owner chain, events, logs and nodes and names the cause. namespace_overview and \
            cluster_overview show what is unhealthy when you do not know where to look; events_list and \
            pod_logs go deeper. Start with resource_types to find the exact name and apiVersion of a \
            type. resource_list answers a page at a time: follow the continue token for more, and narrow \
            with namespace, labelSelector and fieldSelector. resource_get reads one object as YAML. Every \
            tool takes maxChars to bound its text answer; a cut answer says what it left out and how to \
            get it. Secrets, service accounts and RBAC objects are restricted by this server's policy, and \
            nothing can be deleted.""";

    static final String APPLY_INSTRUCTIONS = """
            resource_apply previews every change with a server-side dry run and applies nothing until \
            the user has confirmed the plan; use dryRun: true to see the plan first.""";

    private final McpEndpointSettings settings;
    private final HttpServletStreamableServerTransportProvider transport;
    private final McpSyncServer server;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    public McpEndpoint(UseCases useCases, McpEndpointSettings settings) {
        this(useCases, settings, Clock.systemUTC());
    }

    public McpEndpoint(UseCases useCases, McpEndpointSettings settings, Clock clock) {
        Objects.requireNonNull(useCases, "useCases");
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        this.transport = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint(settings.path())
                .contextExtractor(new CallerContext())
                .keepAliveInterval(settings.keepAliveInterval())
                .sessionSweepInterval(settings.sessionIdleTimeout())
                .maxRequestSize(settings.maxRequestBytes())
                .build();
        this.server = McpServer.sync(transport)
                .serverInfo(SERVER_NAME, settings.serverVersion())
                .instructions(instructions(useCases))
                .capabilities(ServerCapabilities.builder().tools(false).build())
                .requestTimeout(settings.requestTimeout())
                .validateToolInputs(false)
                .immediateExecution(true)
                .tools(tools(useCases, clock))
                .build();
    }

    private static List<SyncToolSpecification> tools(UseCases useCases, Clock clock) {
        List<SyncToolSpecification> tools = new ArrayList<>(Tools.reading(
                useCases.listResources(), useCases.getResource(), useCases.describeResourceTypes(), clock));
        UseCases.Diagnosis diagnosis = useCases.diagnosis();
        tools.addAll(Tools.diagnosing(
                diagnosis.diagnoseWorkload(),
                diagnosis.summarizeNamespace(),
                diagnosis.summarizeCluster(),
                diagnosis.listEvents(),
                diagnosis.readPodLogs(),
                clock));
        useCases.applyResources().map(Tools::applying).ifPresent(tools::addAll);
        return List.copyOf(tools);
    }

    private static String instructions(UseCases useCases) {
        return useCases.applyResources().isPresent() ? INSTRUCTIONS + " " + APPLY_INSTRUCTIONS : INSTRUCTIONS;
    }

    /** The servlet to register at {@link #path()}, with async support on. */
    public HttpServlet servlet() {
        return transport;
    }

    public String path() {
        return settings.path();
    }

    public McpEndpointSettings settings() {
        return settings;
    }

    /** The MCP protocol versions this server speaks, newest last. */
    public List<String> protocolVersions() {
        return List.copyOf(transport.protocolVersions());
    }

    @Override
    public void start() {
        running.set(true);
    }

    /** Ends every session and its open streams; new requests are answered 503 from then on. */
    @Override
    public void stop() {
        running.set(false);
        close();
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.closeGracefully();
        }
    }
}
