package io.kmcp.adapters.mcp.stateful;

import io.kmcp.adapters.mcp.tool.Conversation;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.ClientCapabilities;
import io.modelcontextprotocol.spec.McpSchema.ElicitRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import java.util.Objects;

/**
 * The conversation of a 2025-11-25 session: the question is an elicitation request on the session's
 * stream, and the call waits for its answer (as long as the server's request timeout allows).
 */
final class ExchangeConversation implements Conversation {

    private final McpSyncServerExchange exchange;

    ExchangeConversation(McpSyncServerExchange exchange) {
        this.exchange = Objects.requireNonNull(exchange, "exchange");
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
