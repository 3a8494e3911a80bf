package io.kmcp.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.kmcp.domain.redaction.Redacted;
import io.kmcp.domain.redaction.Redactor;
import java.util.Objects;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * Keeps credentials of a recognisable format out of k-mcp's own logs, whatever the format (text or
 * JSON) they are written in: an event whose message, or the message of its exception or of one of its
 * causes, carries one is refused and logged again with the credential replaced by the marker. An error
 * an API server returns may quote the value of a field; this is where it would otherwise leak.
 */
public final class RedactingLogFilter extends TurboFilter implements AutoCloseable {

    /** Set while the redacted event is logged, so that it passes. */
    private static final ThreadLocal<Boolean> RELOGGING = ThreadLocal.withInitial(() -> false);

    private final Redactor redactor;
    private final LoggerContext context;

    private RedactingLogFilter(Redactor redactor, LoggerContext context) {
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.context = Objects.requireNonNull(context, "context");
    }

    /** Adds the filter to the context; {@link #close()} takes it away. */
    public static RedactingLogFilter installIn(LoggerContext context, Redactor redactor) {
        RedactingLogFilter filter = new RedactingLogFilter(redactor, context);
        filter.setName("k-mcp-redaction");
        filter.start();
        context.addTurboFilter(filter);
        return filter;
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (format == null || RELOGGING.get()) {
            return FilterReply.NEUTRAL;
        }
        Throwable thrown = t != null ? t : MessageFormatter.getThrowableCandidate(params);
        String message = params == null || params.length == 0
                ? format
                : MessageFormatter.arrayFormat(format, params).getMessage();
        Redacted<String> redacted = redactor.text(message);
        Throwable redactedThrown = thrown == null ? null : redacted(thrown);
        if (!redacted.changed() && redactedThrown == thrown) {
            return FilterReply.NEUTRAL;
        }
        RELOGGING.set(true);
        try {
            if (logger.isEnabledFor(level)) {
                logger.log(
                        marker,
                        Logger.class.getName(),
                        Level.toLocationAwareLoggerInteger(level),
                        redacted.value(),
                        null,
                        redactedThrown);
            }
        } finally {
            RELOGGING.set(false);
        }
        return FilterReply.DENY;
    }

    /** The throwable itself when no message of its chain carries a credential, else a redacted copy. */
    private Throwable redacted(Throwable thrown) {
        Throwable cause = thrown.getCause() == null || thrown.getCause() == thrown ? null : redacted(thrown.getCause());
        String message = thrown.getMessage();
        Redacted<String> text = message == null ? null : redactor.text(message);
        if ((text == null || !text.changed()) && cause == thrown.getCause()) {
            return thrown;
        }
        RedactedException copy =
                new RedactedException(thrown.getClass().getName() + (text == null ? "" : ": " + text.value()), cause);
        copy.setStackTrace(thrown.getStackTrace());
        return copy;
    }

    @Override
    public void close() {
        context.getTurboFilterList().remove(this);
        stop();
    }

    /** An exception whose message was redacted, standing in for it with its class name and stack. */
    static final class RedactedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        RedactedException(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
