package io.kmcp.adapters.mcp.tool;

import java.util.Objects;

/**
 * Ends a sessionless tool call with a question for the user: the lane answers {@code input_required}
 * with the question and a signed request state, and the client repeats the call with the answer.
 * Thrown by a {@link Conversation} before anything is changed, so that nothing the first call did
 * needs undoing.
 */
public final class QuestionPending extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Conversation.Question question;

    public QuestionPending(Conversation.Question question) {
        super("input required: " + question.key(), null, false, false);
        this.question = Objects.requireNonNull(question, "question");
    }

    public Conversation.Question question() {
        return question;
    }
}
