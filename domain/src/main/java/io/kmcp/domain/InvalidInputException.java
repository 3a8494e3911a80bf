package io.kmcp.domain;

/**
 * A value from outside (an agent's argument, a manifest, an operator's setting) breaks a rule of the
 * domain. The message is written for whoever sent the value: what was wrong and what to send instead.
 * Adapters may show it verbatim; it never contains a stack trace or internal detail.
 */
public class InvalidInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
