package io.kmcp.bootstrap.config;

import java.io.PrintStream;
import org.springframework.boot.SpringBootExceptionReporter;

/**
 * Start-up that stops on a bad setting says so in one line on standard error, {@code k-mcp: <what to
 * set>}, as a bad flag does: an operator reading a pod's log or a terminal sees the setting to fix, not a
 * report block or a stack trace. Other failures go on to Spring Boot's own reporting.
 */
public final class InvalidConfigurationReporter implements SpringBootExceptionReporter {

    private final PrintStream err;

    public InvalidConfigurationReporter() {
        this(System.err);
    }

    InvalidConfigurationReporter(PrintStream err) {
        this.err = err;
    }

    @Override
    public boolean reportException(Throwable failure) {
        InvalidConfigurationException invalid = InvalidConfigurationException.in(failure);
        if (invalid == null) {
            return false;
        }
        err.println("k-mcp: " + invalid.getMessage());
        err.flush();
        return true;
    }
}
