package io.kmcp.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.kmcp.domain.redaction.RedactionMode;
import io.kmcp.domain.redaction.Redactor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("k-mcp's own log lines")
class RedactingLogFilterTest {

    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> written = new ListAppender<>();
    private final Logger logger = context.getLogger("io.kmcp.test");
    private final RedactingLogFilter filter =
            RedactingLogFilter.installIn(context, Redactor.of(RedactionMode.CREDENTIALS));

    RedactingLogFilterTest() {
        written.setContext(context);
        written.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(written);
        root.setLevel(Level.INFO);
    }

    @AfterEach
    void closeFilter() {
        filter.close();
    }

    @Test
    @DisplayName("never print a credential of a recognisable format, in the message or its arguments")
    void message() {
        logger.warn("apply of {} refused: {}", "shop/web", "invalid value postgres://app:hunter2@db/shop");
        logger.info("nothing to hide in {}", "shop/web");

        assertThat(written.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly(
                        "apply of shop/web refused: invalid value postgres://app:<redacted by k-mcp: a password in a"
                                + " URL>@db/shop",
                        "nothing to hide in shop/web");
        assertThat(written.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
        assertThat(written.list.get(0).getLoggerName()).isEqualTo("io.kmcp.test");
    }

    @Test
    @DisplayName("never print one in an exception's message or its causes', and keep the stack")
    void exception() {
        IllegalStateException cause = new IllegalStateException("token ghp_R8t2mK9xQ4vL7pN3wZ6yB1cF5hJ0sD2eG8aT");
        RuntimeException thrown = new RuntimeException("request failed", cause);

        logger.error("call failed", thrown);

        ILoggingEvent event = written.list.get(0);
        assertThat(event.getThrowableProxy().getMessage()).isEqualTo("java.lang.RuntimeException: request failed");
        assertThat(event.getThrowableProxy().getCause().getMessage())
                .isEqualTo("java.lang.IllegalStateException: token <redacted by k-mcp: a GitHub token>");
        assertThat(event.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
        assertThat(written.list).hasSize(1);
    }

    @Test
    @DisplayName("leave an event below the logger's level unwritten, and write nothing once removed")
    void levels() {
        logger.debug("password=hunter2");
        filter.close();
        logger.info("password=hunter2");

        assertThat(written.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("password=hunter2");
    }
}
