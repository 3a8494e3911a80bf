package io.kmcp.adapters.mcp.sessionless;

import io.kmcp.adapters.mcp.CallerContext;
import io.kmcp.adapters.mcp.McpEndpointSettings;
import io.kmcp.adapters.mcp.RequestStateSettings;
import io.kmcp.adapters.mcp.tool.AnswerRefused;
import io.kmcp.adapters.mcp.tool.PromptDeclaration;
import io.kmcp.adapters.mcp.tool.PromptRefused;
import io.kmcp.adapters.mcp.tool.QuestionPending;
import io.kmcp.adapters.mcp.tool.ToolAnswer;
import io.kmcp.adapters.mcp.tool.ToolCallObserver;
import io.kmcp.adapters.mcp.tool.ToolDeclaration;
import io.kmcp.adapters.mcp.tool.ToolRunner;
import io.kmcp.adapters.mcp.tool.Tools;
import io.kmcp.application.port.in.Completion;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.McpServer;
import io.modelcontextprotocol.modern.server.McpSyncNotifier;
import io.modelcontextprotocol.modern.server.McpSyncResponse;
import io.modelcontextprotocol.modern.server.feature.McpSyncPrompt;
import io.modelcontextprotocol.modern.server.feature.McpSyncPromptRepository;
import io.modelcontextprotocol.modern.server.feature.McpSyncTool;
import io.modelcontextprotocol.modern.server.feature.McpSyncToolRepository;
import io.modelcontextprotocol.modern.server.feature.PromptsFeature;
import io.modelcontextprotocol.modern.server.feature.PromptsPage;
import io.modelcontextprotocol.modern.server.feature.ToolsFeature;
import io.modelcontextprotocol.modern.server.feature.ToolsPage;
import io.modelcontextprotocol.modern.server.transport.HttpServletMcpTransport;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The sessionless lane, MCP 2026-07-28: the SDK's {@code modern} server. There is no session and no
 * initialization: every request carries its protocol version and the client's capabilities, and is
 * authenticated on its own. Nothing a later request needs is kept in this process: a question (an
 * apply's confirmation) travels to the client and back in a signed {@code requestState}, so any
 * replica answers any request.
 *
 * <p>The tools are the same declarations the 2025-11-25 lane serves, run by the same {@link
 * ToolRunner}: the same arguments, errors, budgets and audit line. So are the prompts and their
 * completions.
 */
public final class SessionlessLane implements AutoCloseable {

    /** The protocol revisions this lane answers. */
    public static final List<String> VERSIONS = List.of(McpSchema.LATEST_PROTOCOL_VERSION);

    /**
     * k-mcp checks arguments itself, with messages that name the argument and what it accepts, the
     * same in both lanes; the SDK's schema check would answer differently, so it is left out.
     */
    private static final JsonSchemaValidator ARGUMENTS_CHECKED_BY_THE_TOOLS =
            (schema, value) -> JsonSchemaValidator.ValidationResponse.asValid(null);

    private final HttpServletMcpTransport transport;

    /**
     * @param allVersions every protocol revision k-mcp speaks, in either lane, which {@code
     *     server/discover} reports
     * @param observer told of every tool call
     */
    public SessionlessLane(
            Tools tools,
            McpEndpointSettings settings,
            RequestStateSettings requestState,
            String serverName,
            List<String> allVersions,
            Clock clock,
            ToolCallObserver observer) {
        Objects.requireNonNull(tools, "tools");
        Objects.requireNonNull(observer, "observer");
        List<McpSyncTool> served = tools.declarations().stream()
                .map(declaration -> tool(declaration, observer))
                .toList();
        McpServer.Builder builder = McpServer.builder()
                .serverInfo(McpSchema.Implementation.builder(serverName, settings.serverVersion())
                        .build())
                .instructions(tools.instructions())
                .supportedVersions(allVersions)
                .requestStateCodec(new SignedRequestState(requestState, clock))
                .feature(ToolsFeature.ofSync(
                        new Repository(served),
                        McpJsonDefaults.getMapper(),
                        ARGUMENTS_CHECKED_BY_THE_TOOLS,
                        0,
                        McpSchema.CacheScope.PRIVATE));
        if (!tools.prompts().isEmpty()) {
            builder.feature(PromptsFeature.ofSync(
                    new Prompts(tools.prompts().stream()
                            .map(SessionlessLane::prompt)
                            .toList()),
                    McpJsonDefaults.getMapper(),
                    0,
                    McpSchema.CacheScope.PRIVATE));
        }
        McpServer server = builder.build();
        this.transport = HttpServletMcpTransport.builder(server)
                .endpoint(settings.path())
                .contextExtractor(new CallerContext())
                .maxRequestSize(settings.maxRequestBytes())
                // The endpoint's Origin filter has already checked the Origin against the allowed list.
                .httpHeaderValidator(ServerHttpHeaderValidator.NOOP)
                .keepAliveInterval(settings.keepAliveInterval())
                .build();
    }

    /** The servlet that serves this lane's requests. */
    public HttpServlet servlet() {
        return transport;
    }

    /** New requests are answered 503 from then on. */
    @Override
    public void close() {
        transport.closeGracefully();
    }

    static McpSyncTool tool(ToolDeclaration declaration, ToolCallObserver observer) {
        ToolRunner runner = new ToolRunner(declaration, observer);
        return McpSyncTool.of(definition(declaration), (context, request) -> call(runner, context, request));
    }

    static McpSchema.Tool definition(ToolDeclaration declaration) {
        boolean reads = declaration.readOnly();
        return McpSchema.Tool.builder(declaration.name(), declaration.inputSchema())
                .title(declaration.title())
                .description(declaration.description())
                .outputSchema(declaration.outputSchema())
                // Every tool is idempotent (reads, or server-side apply) and open-world (a live cluster).
                .annotations(new McpSchema.ToolAnnotations(declaration.title(), reads, !reads, true, true))
                .build();
    }

    /** A call answers at once, or streams its progress first when the client sent a progress token. */
    private static McpSyncResponse<McpSchema.CallToolOutcome> call(
            ToolRunner runner, McpRequestContext context, McpSchema.CallToolRequest request) {
        if (context.progressToken() == null) {
            return McpSyncResponse.result(outcome(runner, context, request, progress -> {}));
        }
        return McpSyncResponse.streaming((McpSyncNotifier notifier) -> outcome(
                runner,
                context,
                request,
                step -> notifier.progress(step.done(), (double) step.total(), step.message())));
    }

    private static McpSchema.CallToolOutcome outcome(
            ToolRunner runner,
            McpRequestContext context,
            McpSchema.CallToolRequest request,
            Consumer<RetryConversation.Progress> progress) {
        Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
        try {
            RetryConversation conversation = new RetryConversation(
                    context.clientCapabilities() != null
                            && context.clientCapabilities().supportsElicitationForm(),
                    request.inputResponses(),
                    Optional.ofNullable(request.requestState()),
                    arguments,
                    progress);
            return result(runner.run(CallerContext.callerOf(context.transportContext()), arguments, conversation));
        } catch (QuestionPending pending) {
            AskedQuestion asked = new AskedQuestion(
                    pending.question().key(),
                    AskedQuestion.digest(pending.question().message()),
                    AskedQuestion.digestOf(arguments));
            return McpSchema.InputRequiredResult.builder()
                    .elicit(
                            pending.question().key(),
                            McpSchema.ElicitFormRequest.builder(
                                            pending.question().message(),
                                            new LinkedHashMap<>(
                                                    pending.question().form()))
                                    .build())
                    .requestState(asked.toState())
                    .build();
        } catch (AnswerRefused refused) {
            throw McpException.invalidParams(refused.getMessage());
        }
    }

    static McpSyncPrompt prompt(PromptDeclaration declaration) {
        McpSchema.Prompt definition = McpSchema.Prompt.builder(declaration.name())
                .title(declaration.title())
                .description(declaration.description())
                .arguments(declaration.arguments().stream()
                        .map(argument -> McpSchema.PromptArgument.builder(argument.name())
                                .description(argument.description())
                                .required(argument.required())
                                .build())
                        .toList())
                .build();
        return McpSyncPrompt.of(definition, (context, request) -> {
                    String text = refusedAsInvalidParams(() -> declaration.render(request.arguments()));
                    return McpSyncResponse.result(McpSchema.GetPromptResult.builder(
                                    List.of(McpSchema.PromptMessage.builder(
                                                    McpSchema.Role.USER,
                                                    McpSchema.TextContent.builder(text)
                                                            .build())
                                            .build()))
                            .description(declaration.title())
                            .build());
                })
                .withCompletionHandler((context, request) -> {
                    Map<String, String> others =
                            request.context() == null || request.context().arguments() == null
                                    ? Map.of()
                                    : request.context().arguments();
                    Completion completion = refusedAsInvalidParams(() -> declaration.complete(
                            CallerContext.callerOf(context.transportContext()),
                            request.argument().name(),
                            request.argument().value(),
                            others));
                    return McpSchema.CompleteResult.of(new McpSchema.CompleteResult.Completion(
                            completion.values(), completion.total(), completion.hasMore()));
                });
    }

    private static <T> T refusedAsInvalidParams(Supplier<T> answer) {
        try {
            return answer.get();
        } catch (PromptRefused refused) {
            throw McpException.invalidParams(refused.getMessage());
        }
    }

    static McpSchema.CallToolResult result(ToolAnswer answer) {
        McpSchema.CallToolResult.Builder result = McpSchema.CallToolResult.builder()
                .addContent(McpSchema.TextContent.builder(answer.text()).build())
                .isError(answer.error());
        answer.structured().ifPresent(result::structuredContent);
        if (!answer.meta().isEmpty()) {
            result.meta(answer.meta());
        }
        return result.build();
    }

    /** The declared prompts, the same list for every caller, each with the completion of its arguments. */
    private record Prompts(List<McpSyncPrompt> prompts) implements McpSyncPromptRepository {

        @Override
        public PromptsPage list(McpRequestContext context, String cursor) {
            return PromptsPage.of(
                    prompts.stream().map(McpSyncPrompt::definition).toList());
        }

        @Override
        public McpSyncPrompt find(McpRequestContext context, String name) {
            return prompts.stream()
                    .filter(prompt -> prompt.definition().name().equals(name))
                    .findFirst()
                    .orElse(null);
        }

        @Override
        public boolean supportsCompletion() {
            return true;
        }
    }

    /** The declared tools, the same list for every caller. */
    private record Repository(List<McpSyncTool> tools) implements McpSyncToolRepository {

        @Override
        public ToolsPage list(McpRequestContext context, String cursor) {
            return ToolsPage.of(tools.stream().map(McpSyncTool::definition).toList());
        }

        @Override
        public McpSyncTool find(McpRequestContext context, String name) {
            return tools.stream()
                    .filter(tool -> tool.definition().name().equals(name))
                    .findFirst()
                    .orElse(null);
        }
    }
}
