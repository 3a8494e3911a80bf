package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.Caller;
import io.kmcp.application.port.out.ApplyApproval;
import io.kmcp.domain.apply.DocumentPreview;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The approval of one {@code resource_apply} call. A client that can ask its user always does, with
 * one question showing the whole plan, and the {@code confirm} argument counts for nothing then:
 * otherwise an agent could approve its own changes. Only a client that cannot ask confirms with
 * {@code confirm: true}, which the agent should pass after its user approved the plan.
 */
final class ApplyConfirmation implements ApplyApproval {

    private static final Logger log = LoggerFactory.getLogger(ApplyConfirmation.class);

    static final String FIELD = "confirm";

    /** The steps of an apply that progress notifications count: dry run, confirmation, apply. */
    static final int STEPS = 3;

    /** The form of the question: one yes-or-no field. */
    static final Map<String, Object> FORM = Map.of(
            "type", "object",
            "properties",
                    Map.of(
                            FIELD,
                            Map.of(
                                    "type", "boolean",
                                    "title", "Apply these changes",
                                    "description", "true to apply the plan shown; false to apply nothing",
                                    "default", false)),
            "required", List.of(FIELD));

    private final Caller caller;
    private final Conversation conversation;
    private final boolean confirmedByArgument;
    private final ToolCallObserver observer;
    private Optional<String> unanswered = Optional.empty();

    ApplyConfirmation(Caller caller, Conversation conversation, boolean confirmedByArgument) {
        this(caller, conversation, confirmedByArgument, ToolCallObserver.NONE);
    }

    /** @param observer told how the confirmation went: asked, approved, declined … */
    ApplyConfirmation(
            Caller caller, Conversation conversation, boolean confirmedByArgument, ToolCallObserver observer) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.conversation = Objects.requireNonNull(conversation, "conversation");
        this.confirmedByArgument = confirmedByArgument;
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    @Override
    public Decision ask(List<DocumentPreview> preview) {
        Decision decision = decide(preview);
        if (decision == Decision.APPROVED) {
            conversation.progress(
                    3, STEPS, "applying " + preview.size() + (preview.size() == 1 ? " document" : " documents"));
        }
        return decision;
    }

    private Decision decide(List<DocumentPreview> preview) {
        if (!conversation.canAsk()) {
            observer.confirmation(
                    confirmedByArgument
                            ? ToolCallObserver.Confirmation.CONFIRMED_BY_ARGUMENT
                            : ToolCallObserver.Confirmation.REQUIRED);
            return confirmedByArgument ? Decision.APPROVED : Decision.UNAVAILABLE;
        }
        conversation.progress(2, STEPS, "dry run done: asking the user to confirm the plan");
        if (!conversation.answersAnEarlierCall()) {
            observer.confirmation(ToolCallObserver.Confirmation.ASKED);
        }
        Decision decision =
                decision(conversation.ask(new Conversation.Question(FIELD, question(caller, preview), FORM)));
        observer.confirmation(
                switch (decision) {
                    case APPROVED -> ToolCallObserver.Confirmation.APPROVED;
                    case DECLINED -> ToolCallObserver.Confirmation.DECLINED;
                    case CANCELLED, UNAVAILABLE -> ToolCallObserver.Confirmation.CANCELLED;
                });
        return decision;
    }

    private Decision decision(Conversation.Answer answer) {
        if (answer instanceof Conversation.Answer.Accepted accepted) {
            return Boolean.TRUE.equals(accepted.content().get(FIELD)) ? Decision.APPROVED : Decision.DECLINED;
        }
        if (answer instanceof Conversation.Answer.Declined) {
            return Decision.DECLINED;
        }
        if (answer instanceof Conversation.Answer.Unanswered none) {
            log.info("no answer to the apply confirmation: {}", none.reason());
            unanswered = Optional.of(none.reason());
        }
        return Decision.CANCELLED;
    }

    /** Why no answer came, when the question went unanswered rather than dismissed by the user. */
    Optional<String> unanswered() {
        return unanswered;
    }

    /** True when the client can ask its user, so that {@code confirm: true} is not how to confirm. */
    boolean canAsk() {
        return conversation.canAsk();
    }

    /**
     * The question a person answers: who applies where, then one line per document. Each line is made
     * a single line, so that a field name in the plan cannot forge lines of its own.
     */
    static String question(Caller caller, List<DocumentPreview> preview) {
        StringBuilder question = new StringBuilder("Apply ")
                .append(preview.size())
                .append(preview.size() == 1 ? " document" : " documents")
                .append(" to cluster ")
                .append(OneLine.of(caller.cluster()))
                .append(" as ")
                .append(OneLine.of(caller.subject()))
                .append('?');
        preview.forEach(document -> question.append("\n- ").append(OneLine.of(document.describe())));
        return question.append(
                        "\nServer-side apply as field manager k-mcp: conflicts are not forced, nothing is deleted.")
                .toString();
    }
}
