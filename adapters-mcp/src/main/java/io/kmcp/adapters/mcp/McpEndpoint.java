package io.kmcp.adapters.mcp;

import io.kmcp.adapters.mcp.sessionless.SessionlessLane;
import io.kmcp.adapters.mcp.stateful.StatefulLane;
import io.kmcp.adapters.mcp.tool.ToolCallObserver;
import io.kmcp.adapters.mcp.tool.Tools;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.SmartLifecycle;

/**
 * The MCP server of k-mcp over Streamable HTTP: the tools, served by one servlet in two protocol
 * lanes, the sessionless 2026-07-28 one and the stateful 2025-11-25 one (see {@link ProtocolLanes}). The wiring
 * registers {@link #servlet()} at {@link #path()} with async support, puts the requests through
 * {@link McpHttpSecurity} first. As a bean it is a {@link SmartLifecycle} that stops in the last
 * phase, before the web server's graceful shutdown waits for open requests: it ends every session, so
 * that listening streams do not hold the shutdown up.
 */
public final class McpEndpoint implements SmartLifecycle, AutoCloseable {

    static final String SERVER_NAME = "k-mcp";

    private final McpEndpointSettings settings;
    private final StatefulLane stateful;
    private final SessionlessLane sessionless;
    private final ProtocolLanes lanes;
    private final List<String> protocolVersions;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param requestState the keys that sign the sessionless lane's questions; every replica behind one
     *     Service must have the same
     */
    public McpEndpoint(Tools tools, McpEndpointSettings settings, RequestStateSettings requestState, Clock clock) {
        this(tools, settings, requestState, clock, ToolCallObserver.NONE);
    }

    /** @param observer told of every tool call in either lane, for metrics and traces */
    public McpEndpoint(
            Tools tools,
            McpEndpointSettings settings,
            RequestStateSettings requestState,
            Clock clock,
            ToolCallObserver observer) {
        Objects.requireNonNull(tools, "tools");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.stateful = new StatefulLane(tools, settings, SERVER_NAME, observer);
        List<String> versions = new ArrayList<>(SessionlessLane.VERSIONS);
        stateful.protocolVersions().stream()
                .sorted(Comparator.reverseOrder())
                .filter(version -> !versions.contains(version))
                .forEach(versions::add);
        this.protocolVersions = List.copyOf(versions);
        this.sessionless =
                new SessionlessLane(tools, settings, requestState, SERVER_NAME, protocolVersions, clock, observer);
        this.lanes = new ProtocolLanes(stateful.servlet(), sessionless.servlet(), SessionlessLane.VERSIONS);
    }

    /** The servlet to register at {@link #path()}, with async support on. */
    public HttpServlet servlet() {
        return lanes;
    }

    public String path() {
        return settings.path();
    }

    public McpEndpointSettings settings() {
        return settings;
    }

    /** The MCP protocol versions this server speaks, in either lane, newest first. */
    public List<String> protocolVersions() {
        return protocolVersions;
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
            sessionless.close();
            stateful.close();
        }
    }
}
