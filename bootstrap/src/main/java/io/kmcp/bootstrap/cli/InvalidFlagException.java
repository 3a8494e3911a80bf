package io.kmcp.bootstrap.cli;

/** A flag k-mcp cannot start with; the message is the one line the operator sees. */
public class InvalidFlagException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidFlagException(String message) {
        super(message);
    }
}
