package io.kmcp.adapters.mcp.stateful;

import io.kmcp.adapters.mcp.CallerContext;
import io.kmcp.adapters.mcp.McpEndpointSettings;
import io.kmcp.adapters.mcp.tool.ToolAnswer;
import io.kmcp.adapters.mcp.tool.ToolCallObserver;
import io.kmcp.adapters.mcp.tool.ToolDeclaration;
import io.kmcp.adapters.mcp.tool.ToolRunner;
import io.kmcp.adapters.mcp.tool.Tools;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import jakarta.servlet.http.HttpServlet;
import java.util.List;
import java.util.Objects;

/**
 * The 2025-11-25 lane (and the revisions before it): the SDK's stateful Streamable HTTP server with
 * sessions, initialization and elicitation over the session's stream. It serves the same tool
 * declarations as the sessionless lane.
 *
 * <p>Tool handlers run on the request thread of the call (the SDK's immediate execution), so a
 * handler waiting for a person's answer holds a container thread, not one of a small shared pool.
 */
public final class StatefulLane implements AutoCloseable {

    private final HttpServletStreamableServerTransportProvider transport;
    private final McpSyncServer server;

    /** @param observer told of every tool call */
    public StatefulLane(Tools tools, McpEndpointSettings settings, String serverName, ToolCallObserver observer) {
        Objects.requireNonNull(tools, "tools");
        Objects.requireNonNull(observer, "observer");
        Objects.requireNonNull(settings, "settings");
        this.transport = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint(settings.path())
                .contextExtractor(new CallerContext())
                .keepAliveInterval(settings.keepAliveInterval())
                .sessionSweepInterval(settings.sessionIdleTimeout())
                .maxRequestSize(settings.maxRequestBytes())
                .build();
        this.server = McpServer.sync(transport)
                .serverInfo(serverName, settings.serverVersion())
                .instructions(tools.instructions())
                .capabilities(ServerCapabilities.builder().tools(false).build())
                .requestTimeout(settings.requestTimeout())
                .validateToolInputs(false)
                .immediateExecution(true)
                .tools(tools.declarations().stream()
                        .map(declaration -> specification(declaration, observer))
                        .toList())
                .build();
    }

    /** The servlet that serves this lane's requests, with async support on. */
    public HttpServlet servlet() {
        return transport;
    }

    /** The protocol revisions this lane speaks. */
    public List<String> protocolVersions() {
        return List.copyOf(transport.protocolVersions());
    }

    /** Ends every session and its open streams; new requests are answered 503 from then on. */
    @Override
    public void close() {
        server.closeGracefully();
    }

    static SyncToolSpecification specification(ToolDeclaration declaration, ToolCallObserver observer) {
        ToolRunner runner = new ToolRunner(declaration, observer);
        return SyncToolSpecification.builder()
                .tool(tool(declaration))
                .callHandler((exchange, request) -> result(runner.run(
                        CallerContext.callerOf(exchange.transportContext()),
                        request.arguments(),
                        new ExchangeConversation(exchange, ExchangeConversation.progressTokenOf(request.meta())))))
                .build();
    }

    static Tool tool(ToolDeclaration declaration) {
        boolean reads = declaration.readOnly();
        return Tool.builder()
                .name(declaration.name())
                .title(declaration.title())
                .description(declaration.description())
                .inputSchema(declaration.inputSchema())
                .outputSchema(declaration.outputSchema())
                // Every tool is idempotent (reads, or server-side apply) and open-world (a live cluster).
                .annotations(new ToolAnnotations(declaration.title(), reads, !reads, true, true, null))
                .build();
    }

    static CallToolResult result(ToolAnswer answer) {
        CallToolResult.Builder result =
                CallToolResult.builder().addTextContent(answer.text()).isError(answer.error());
        answer.structured().ifPresent(result::structuredContent);
        if (!answer.meta().isEmpty()) {
            result.meta(answer.meta());
        }
        return result.build();
    }
}
