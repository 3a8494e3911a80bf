package io.kmcp.adapters.mcp.tool;

/** A tool argument of the wrong JSON type, too long, missing or unknown; the message names it. */
final class InvalidArgumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidArgumentException(String message) {
        super(message);
    }
}
