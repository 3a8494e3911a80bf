package io.kmcp.adapters.mcp;

import io.kmcp.adapters.mcp.stateful.StatefulLane;
import io.kmcp.adapters.mcp.tool.Tools;
import jakarta.servlet.http.HttpServlet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.SmartLifecycle;

/**
 * The MCP server of k-mcp over Streamable HTTP: the tools, served by one servlet. The wiring
 * registers {@link #servlet()} at {@link #path()} with async support, puts the requests through
 * {@link McpHttpSecurity} first. As a bean it is a {@link SmartLifecycle} that stops in the last
 * phase, before the web server's graceful shutdown waits for open requests: it ends every session, so
 * that listening streams do not hold the shutdown up.
 */
public final class McpEndpoint implements SmartLifecycle, AutoCloseable {

    static final String SERVER_NAME = "k-mcp";

    private final McpEndpointSettings settings;
    private final StatefulLane stateful;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    public McpEndpoint(Tools tools, McpEndpointSettings settings) {
        Objects.requireNonNull(tools, "tools");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.stateful = new StatefulLane(tools, settings, SERVER_NAME);
    }

    /** The servlet to register at {@link #path()}, with async support on. */
    public HttpServlet servlet() {
        return stateful.servlet();
    }

    public String path() {
        return settings.path();
    }

    public McpEndpointSettings settings() {
        return settings;
    }

    /** The MCP protocol versions this server speaks, newest last. */
    public List<String> protocolVersions() {
        return stateful.protocolVersions();
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
            stateful.close();
        }
    }
}
