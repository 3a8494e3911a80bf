package io.kmcp.adapters.mcp.stateful;

import io.kmcp.adapters.mcp.tool.Conversation;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.ClientCapabilities;
import io.modelcontextprotocol.spec.McpSchema.ElicitRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The conversation of a 2025-11-25 session: the question is an elicitation request on the session's
 * stream, and the call waits for its answer (as long as the server's request timeout allows).
 */
final class ExchangeConversation implements Conversation {

    private final McpSyncServerExchange exchange;
    private final Optional<Object> progressToken;

    /** @param progressToken the call's {@code _meta.progressToken}, when the client wants progress */
    ExchangeConversation(McpSyncServerExchange exchange, Optional<Object> progressToken) {
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.progressToken = Objects.requireNonNull(progressToken, "progressToken");
    }

    static Optional<Object> progressTokenOf(Map<String, Object> meta) {
        return meta == null ? Optional.empty() : Optional.ofNullable(meta.get("progressToken"));
    }

    @Override
    public void progress(int done, int total, String message) {
        progressToken.ifPresent(token -> {
            try {
                exchange.progressNotification(new ProgressNotification(token, done, (double) total, message));
            } catch (RuntimeException gone) {
                // Progress is a courtesy: a client that went away must not fail the call.
            }
        });
    }

    @Override
    public boolean canAsk() {
        ClientCapabilities capabilities = exchange.getClientCapabilities();
        if (capabilities == null || capabilities.elicitation() == null) {
            return false;
        }
        ClientCapabilities.Elicitation elicitation = capabilities.elicitation();
        // An empty elicitation capability means form mode (the specification before URL mode).
        return elicitation.form() != null || elicitation.url() == null;
    }

    @Override
    public Answer ask(Question question) {
        if (!canAsk()) {
            return new Answer.Unanswered("the client does not support elicitation");
        }
        ElicitResult result;
        try {
            result = exchange.createElicitation(
                    ElicitRequest.builder(question.message(), question.form()).build());
        } catch (RuntimeException failed) {
            return new Answer.Unanswered(
                    failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage());
        }
        if (result == null || result.action() == null) {
            return new Answer.Unanswered("the client sent no answer");
        }
        return switch (result.action()) {
            case ACCEPT -> new Answer.Accepted(result.content());
            case DECLINE -> new Answer.Declined();
            case CANCEL -> new Answer.Cancelled();
        };
    }
}
