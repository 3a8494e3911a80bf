package io.kmcp.adapters.mcp.tool;

import java.util.Locale;

/**
 * What the tools tell the server's metrics and traces, in words of their own: which tool a call runs
 * on which cluster, how it ended, and how an apply's confirmation went. It knows no metrics or
 * tracing library, so that a tool stays a plain declaration; the wiring supplies an implementation.
 *
 * <p>Nothing here carries the caller's subject or token, and every value is one of a small fixed set
 * (a tool name, a configured cluster, an outcome), so that an implementation may use them as labels.
 */
public interface ToolCallObserver {

    /** Observes nothing. */
    ToolCallObserver NONE = (tool, cluster) -> outcome -> {};

    /**
     * A call starts, on the thread that runs it; the API requests it makes on that thread belong to
     * it.
     */
    Call started(String tool, String cluster);

    /** How the confirmation of an apply plan went. */
    default void confirmation(Confirmation confirmation) {}

    /** One running call. */
    @FunctionalInterface
    interface Call {
        /**
         * The call ended, on the thread that started it.
         *
         * @param outcome {@code ok}, {@code error}, {@code invalid-argument}, {@code input-required},
         *     {@code answer-refused}, {@code internal-error} or the reason of a failed request ({@code
         *     forbidden}, {@code not-found}, …)
         */
        void ended(String outcome);
    }

    /** The confirmation of an apply plan, as {@link ApplyConfirmation} decides it. */
    enum Confirmation {
        /** The plan was put to a person: a question went to the client. */
        ASKED,
        /** The person approved the plan. */
        APPROVED,
        /** The person refused the plan. */
        DECLINED,
        /** The person dismissed the question, or no answer came. */
        CANCELLED,
        /** A client that cannot ask its user passed {@code confirm: true}. */
        CONFIRMED_BY_ARGUMENT,
        /** A client that cannot ask its user did not pass {@code confirm: true}: nothing was applied. */
        REQUIRED;

        /** {@code confirmed-by-argument}: the form used in metrics and logs. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
