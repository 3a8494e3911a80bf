package io.kmcp.bootstrap.config;

/** A setting the server cannot start with; the message names the setting and what it accepts. */
public class InvalidConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidConfigurationException(String message) {
        super(message);
    }

    public InvalidConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The first of these in {@code failure}'s chain of causes, or null: Spring wraps what a bean throws. */
    public static InvalidConfigurationException in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidConfigurationException invalid) {
                return invalid;
            }
        }
        return null;
    }
}
