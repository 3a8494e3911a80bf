package io.kmcp.adapters.mcp.tool;

/**
 * A prompt was asked for, or completed, with arguments it does not take: an argument it does not
 * have, a required one missing, a value too long, a restricted type. Nothing was read; the lane
 * answers with a protocol error (invalid params) that says what to send instead.
 */
public final class PromptRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PromptRefused(String why) {
        super(why, null, false, false);
    }
}
