package io.kmcp.adapters.mcp.sessionless;

import io.kmcp.adapters.mcp.tool.AnswerRefused;
import io.kmcp.adapters.mcp.tool.Conversation;
import io.kmcp.adapters.mcp.tool.QuestionPending;
import io.kmcp.domain.Texts;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The conversation of a sessionless call (MCP 2026-07-28). Nothing waits: the first call ends with
 * the question ({@link QuestionPending}, answered {@code input_required}), and the client sends the
 * same call again with the user's answer in {@code inputResponses} and the signed {@code
 * requestState}. The retry runs the tool from the start, and {@link #ask} returns the answer only
 * when it answers the very question asked now, for the very same arguments.
 */
final class RetryConversation implements Conversation {

    private static final String AGAIN =
            " Nothing was done. Call the tool again without requestState and inputResponses to be asked again.";

    private final boolean canAsk;
    private final Map<String, Object> responses;
    private final Optional<AskedQuestion> asked;
    private final String arguments;
    private final Consumer<Progress> progress;

    /** One step of a long call, for the client's progress notifications. */
    record Progress(int done, int total, String message) {}

    /**
     * @param responses the call's {@code inputResponses}, empty on a first call
     * @param state the opened {@code requestState}: verified (signature, expiry, caller, tool) by the
     *     codec before the tool runs
     */
    RetryConversation(
            boolean canAsk,
            Map<String, Object> responses,
            Optional<String> state,
            Map<String, Object> arguments,
            Consumer<Progress> progress) {
        this.canAsk = canAsk;
        this.responses = responses == null ? Map.of() : responses;
        this.asked = Objects.requireNonNull(state, "state").map(AskedQuestion::fromState);
        this.arguments = AskedQuestion.digestOf(arguments);
        this.progress = Objects.requireNonNull(progress, "progress");
        checkRetry();
    }

    /** A retry must answer exactly what was asked, for the arguments it was asked about, or nothing runs. */
    private void checkRetry() {
        if (asked.isEmpty()) {
            if (!responses.isEmpty()) {
                throw new AnswerRefused("inputResponses came without the requestState of the question they answer;"
                        + " send back the requestState the server gave with the question." + AGAIN);
            }
            return;
        }
        AskedQuestion question = asked.get();
        if (!question.arguments().equals(arguments)) {
            throw new AnswerRefused("The requestState was issued for a call with other arguments; a retry must"
                    + " send exactly the arguments of the call that was answered." + AGAIN);
        }
        if (!responses.keySet().equals(Set.of(question.key()))) {
            throw new AnswerRefused("inputResponses must answer exactly the question " + Texts.quote(question.key())
                    + " that was asked, but "
                    + (responses.isEmpty() ? "it is empty" : "it answers " + responses.keySet())
                    + "." + AGAIN);
        }
    }

    @Override
    public boolean canAsk() {
        return canAsk;
    }

    @Override
    public Answer ask(Question question) {
        if (!canAsk) {
            return new Answer.Unanswered("the client does not support elicitation");
        }
        if (asked.isEmpty()) {
            throw new QuestionPending(question);
        }
        AskedQuestion answered = asked.get();
        if (!answered.key().equals(question.key())) {
            throw new AnswerRefused("The answer is to the question " + Texts.quote(answered.key())
                    + ", but this call asks " + Texts.quote(question.key()) + "." + AGAIN);
        }
        if (!answered.asked().equals(AskedQuestion.digest(question.message()))) {
            throw new AnswerRefused("What the user answered is no longer what would be asked now: what the question"
                    + " showed changed since (for resource_apply, the objects changed after the plan was shown)."
                    + AGAIN);
        }
        return answer(question.key(), responses.get(question.key()));
    }

    @Override
    public boolean answersAnEarlierCall() {
        return asked.isPresent();
    }

    @Override
    public void progress(int done, int total, String message) {
        progress.accept(new Progress(done, total, message));
    }

    /** An elicitation result: {@code {action: accept|decline|cancel, content?: {...}}}. */
    private static Answer answer(String key, Object response) {
        String expected = "inputResponses[" + Texts.quote(key) + "] must be an elicitation result such as {\"action\":"
                + " \"accept\", \"content\": {...}}, with action accept, decline or cancel." + AGAIN;
        if (!(response instanceof Map<?, ?> result) || !(result.get("action") instanceof String action)) {
            throw new AnswerRefused(expected);
        }
        Object content = result.get("content");
        if (content != null && !(content instanceof Map<?, ?>)) {
            throw new AnswerRefused(expected);
        }
        return switch (action) {
            case "accept" -> new Answer.Accepted(contentOf(content));
            case "decline" -> new Answer.Declined();
            case "cancel" -> new Answer.Cancelled();
            default -> throw new AnswerRefused(expected);
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> contentOf(Object content) {
        return content == null ? Map.of() : (Map<String, Object>) content;
    }
}
