package io.kmcp.adapters.mcp.tool;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.ClientCapabilities;
import io.modelcontextprotocol.spec.McpSchema.ElicitRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import java.util.Map;
import java.util.Objects;

/**
 * The client on the other end of a tool call, for tools that need to ask its user something
 * (a missing namespace now, the confirmation of an apply plan later) through MCP elicitation.
 */
interface Conversation {

    /** True when the client declared form elicitation, so that {@link #ask} can be used. */
    boolean canAsk();

    /**
     * Asks the user to fill a form and waits for the answer (as long as the server's request timeout
     * allows).
     *
     * @param requestedSchema a flat JSON schema of primitive properties, as elicitation requires
     */
    Answer ask(String message, Map<String, Object> requestedSchema);

    /** What the user did with the form. */
    sealed interface Answer {
        /** The user submitted the form. */
        record Accepted(Map<String, Object> content) implements Answer {
            public Accepted {
                content = content == null ? Map.of() : content;
            }
        }

        /** The user explicitly refused. */
        record Declined() implements Answer {}

        /** The user dismissed the form without choosing. */
        record Cancelled() implements Answer {}

        /** No answer came: the client failed or the time ran out. */
        record Unanswered(String reason) implements Answer {}
    }

    /** The conversation of an MCP exchange. */
    static Conversation of(McpSyncServerExchange exchange) {
        return new ExchangeConversation(exchange);
    }

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
        public Answer ask(String message, Map<String, Object> requestedSchema) {
            if (!canAsk()) {
                return new Answer.Unanswered("the client does not support elicitation");
            }
            ElicitResult result;
            try {
                result = exchange.createElicitation(
                        ElicitRequest.builder(message, requestedSchema).build());
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
}
