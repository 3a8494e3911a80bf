package io.kmcp.adapters.mcp.tool;

/** Conversations for tool tests that do not exercise asking. */
final class Conversations {

    /** A client that declared no elicitation: nothing can be asked, and an attempt is left unanswered. */
    static final Conversation CANNOT_ASK = new Conversation() {
        @Override
        public boolean canAsk() {
            return false;
        }

        @Override
        public Answer ask(Question question) {
            return new Answer.Unanswered("not supported");
        }
    };

    private Conversations() {}
}
