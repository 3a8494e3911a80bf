package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.Caller;
import io.kmcp.application.RequestFailedException;
import io.kmcp.domain.InvalidInputException;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link KmcpTool} for the SDK: finds the caller (no caller, no use case), reads the
 * arguments, and turns every failure into an {@code isError} result. Unexpected exceptions are logged
 * with a random reference the client sees, so an operator can find the stack trace without the client
 * seeing it. One log line per call records who did what and how it ended, never the arguments.
 */
final class ToolRunner {

    private static final Logger log = LoggerFactory.getLogger(ToolRunner.class);
    private static final SecureRandom REFERENCES = new SecureRandom();

    static final String UNAUTHENTICATED =
            "This request carries no authenticated caller; send the service-account token as a bearer token.";

    private final KmcpTool tool;

    ToolRunner(KmcpTool tool) {
        this.tool = Objects.requireNonNull(tool, "tool");
    }

    SyncToolSpecification specification() {
        return SyncToolSpecification.builder()
                .tool(tool.definition())
                .callHandler(this::handle)
                .build();
    }

    CallToolResult handle(McpSyncServerExchange exchange, CallToolRequest request) {
        return run(CallerContext.callerOf(exchange.transportContext()), request, Conversation.of(exchange));
    }

    CallToolResult run(Optional<Caller> caller, CallToolRequest request, Conversation conversation) {
        String name = tool.definition().name();
        if (caller.isEmpty()) {
            log.warn("tool={} outcome=refused reason=no-caller", name);
            return Results.failure(UNAUTHENTICATED);
        }
        long started = System.nanoTime();
        String outcome = "error";
        try {
            Arguments arguments = Arguments.of(name, request.arguments(), tool.argumentNames());
            CallToolResult result = tool.call(caller.get(), arguments, conversation);
            outcome = Boolean.TRUE.equals(result.isError()) ? "error" : "ok";
            return result;
        } catch (InvalidArgumentException | InvalidInputException invalid) {
            outcome = "invalid-argument";
            return Results.failure(invalid.getMessage());
        } catch (RequestFailedException failed) {
            outcome = failed.problem().reason().name();
            return Results.failure(failed.problem());
        } catch (RuntimeException unexpected) {
            String reference = HexFormat.of().formatHex(nextBytes());
            outcome = "internal-error reference=" + reference;
            log.error("tool={} failed unexpectedly; reference {}", name, reference, unexpected);
            return Results.failure("internal error; the server log has details (reference " + reference + ")");
        } finally {
            log.info(
                    "tool={} cluster={} subject={} outcome={} millis={}",
                    name,
                    caller.get().cluster(),
                    caller.get().subject(),
                    outcome,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static byte[] nextBytes() {
        byte[] bytes = new byte[6];
        REFERENCES.nextBytes(bytes);
        return bytes;
    }
}
