package io.kmcp.adapters.mcp.tool;

/**
 * The answer a client sent back does not answer the question asked now: it is for other arguments,
 * another question, or what the question showed has changed since. Nothing was done; the lane
 * refuses the request with a protocol error that says why.
 */
public final class AnswerRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AnswerRefused(String why) {
        super(why, null, false, false);
    }
}
