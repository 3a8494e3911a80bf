package io.kmcp.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A bad setting stops start-up with one line that names it")
class InvalidConfigurationReporterTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final InvalidConfigurationReporter reporter =
            new InvalidConfigurationReporter(new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void a_setting_wrapped_by_the_beans_that_needed_it_is_said_in_one_line() {
        Throwable failure = new IllegalStateException(
                "Unable to start web server",
                new RuntimeException(
                        "Error creating bean 'mcpEndpoint'",
                        new InvalidConfigurationException("the request-state key file k holds 2 bytes")));

        assertThat(reporter.reportException(failure)).isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("k-mcp: the request-state key file k holds 2 bytes" + System.lineSeparator());
    }

    @Test
    void any_other_failure_is_left_to_spring_boots_report() {
        assertThat(reporter.reportException(new IllegalStateException("port 8080 is in use")))
                .isFalse();
        assertThat(err.size()).isZero();
    }
}
