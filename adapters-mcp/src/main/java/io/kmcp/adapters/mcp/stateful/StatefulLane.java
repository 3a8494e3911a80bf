package io.kmcp.adapters.mcp.stateful;

import io.kmcp.adapters.mcp.CallerContext;
import io.kmcp.adapters.mcp.McpEndpointSettings;
import io.kmcp.adapters.mcp.tool.PromptDeclaration;
import io.kmcp.adapters.mcp.tool.PromptRefused;
import io.kmcp.adapters.mcp.tool.ToolAnswer;
import io.kmcp.adapters.mcp.tool.ToolCallObserver;
import io.kmcp.adapters.mcp.tool.ToolDeclaration;
import io.kmcp.adapters.mcp.tool.ToolRunner;
import io.kmcp.adapters.mcp.tool.Tools;
import io.kmcp.application.port.in.Completion;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.PromptReference;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import jakarta.servlet.http.HttpServlet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The 2025-11-25 lane (and the revisions before it): the SDK's stateful Streamable HTTP server with
 * sessions, initialization and elicitation over the session's stream. It serves the same tool
 * declarations as the sessionless lane, and the same prompts with their completions.
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
                .capabilities(capabilities(tools))
                .requestTimeout(settings.requestTimeout())
                .validateToolInputs(false)
                .immediateExecution(true)
                .tools(tools.declarations().stream()
                        .map(declaration -> specification(declaration, observer))
                        .toList())
                .prompts(tools.prompts().stream().map(StatefulLane::prompt).toList())
                .completions(
                        tools.prompts().stream().map(StatefulLane::completion).toList())
                .build();
    }

    /** Prompts and their completions only when there is a prompt to serve. */
    private static ServerCapabilities capabilities(Tools tools) {
        ServerCapabilities.Builder capabilities = ServerCapabilities.builder().tools(false);
        if (!tools.prompts().isEmpty()) {
            capabilities.prompts(false).completions();
        }
        return capabilities.build();
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

    static SyncPromptSpecification prompt(PromptDeclaration declaration) {
        Prompt prompt = new Prompt(
                declaration.name(),
                declaration.title(),
                declaration.description(),
                declaration.arguments().stream()
                        .map(argument -> new McpSchema.PromptArgument(
                                argument.name(), argument.name(), argument.description(), argument.required()))
                        .toList());
        return new SyncPromptSpecification(prompt, (exchange, request) -> {
            String text = refusedAsInvalidParams(() -> declaration.render(request.arguments()));
            return new GetPromptResult(
                    declaration.title(), List.of(new PromptMessage(Role.USER, new TextContent(text))));
        });
    }

    /**
     * The SDK answers for a prompt it does not know, and with nothing for an argument the prompt does
     * not declare, before this handler runs; everything else is the declaration's.
     */
    static SyncCompletionSpecification completion(PromptDeclaration declaration) {
        return new SyncCompletionSpecification(new PromptReference(declaration.name()), (exchange, request) -> {
            Map<String, String> others =
                    request.context() == null || request.context().arguments() == null
                            ? Map.of()
                            : request.context().arguments();
            Completion completion = refusedAsInvalidParams(() -> declaration.complete(
                    CallerContext.callerOf(exchange.transportContext()),
                    request.argument().name(),
                    request.argument().value(),
                    others));
            return new CompleteResult(new CompleteResult.CompleteCompletion(
                    completion.values(), completion.total(), completion.hasMore()));
        });
    }

    private static <T> T refusedAsInvalidParams(Supplier<T> answer) {
        try {
            return answer.get();
        } catch (PromptRefused refused) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                    .message(refused.getMessage())
                    .build();
        }
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
