package io.kmcp.adapters.mcp.tool;

import java.util.Map;
import java.util.Objects;

/**
 * The person behind the client of a tool call, for tools that need to ask something (a missing
 * namespace, the confirmation of an apply plan). Each protocol lane implements it its own way: the
 * 2025-11-25 lane sends an elicitation request and waits for the answer; the sessionless 2026-07-28
 * lane ends the call with {@code input_required} and finds the answer in the call's retry.
 */
public interface Conversation {

    /** True when the client declared form elicitation, so that {@link #ask} can be used. */
    boolean canAsk();

    /**
     * Asks the user to fill a form and returns the answer. In the sessionless lane the first call
     * does not return: it ends with the question, and the retry that carries the answer returns it.
     */
    Answer ask(Question question);

    /**
     * True when {@link #ask} returns what the user answered in an earlier call (a sessionless retry)
     * rather than asking now; such an answer was counted as asked when its question went out.
     */
    default boolean answersAnEarlierCall() {
        return false;
    }

    /**
     * Tells the client how far a long call has got, when it asked to be told (a progress token);
     * otherwise nothing happens. {@code done} grows with every call.
     */
    default void progress(int done, int total, String message) {}

    /**
     * A question to the user.
     *
     * @param key names the question among the answers of a retry, e.g. {@code confirm}
     * @param message what the user reads
     * @param message what the user reads; an answer is taken only for the very message it was given
     *     to (a plan shown before the objects changed is not a plan confirmed now)
     * @param form a flat JSON schema of primitive properties, as elicitation requires
     */
    record Question(String key, String message, Map<String, Object> form) {
        public Question {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(form, "form");
        }
    }

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
}
