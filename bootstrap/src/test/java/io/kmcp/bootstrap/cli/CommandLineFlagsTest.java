package io.kmcp.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Command-line flags")
class CommandLineFlagsTest {

    @Test
    @DisplayName("the original's flags work with a space or an equals sign")
    void originalFlags() {
        assertThat(CommandLineFlags.toSpringArguments(
                        "--port",
                        "9090",
                        "--audience=my-mcp",
                        "--certificate-authority",
                        "ca.crt",
                        "--log-level=DEBUG"))
                .containsExactly(
                        "--server.port=9090",
                        "--kmcp.audience=my-mcp",
                        "--kmcp.certificate-authority=ca.crt",
                        "--logging.level.io.kmcp=debug");
    }

    @Test
    @DisplayName("new flags: API server, bind address")
    void newFlags() {
        assertThat(CommandLineFlags.toSpringArguments(
                        "--api-server", "https://10.0.0.1:6443", "--bind-address=0.0.0.0"))
                .containsExactly("--kmcp.api-server=https://10.0.0.1:6443", "--server.address=0.0.0.0");
    }

    @Test
    @DisplayName("--tls-cert and --tls-key turn on HTTPS, together")
    void tls() {
        assertThat(CommandLineFlags.toSpringArguments("--tls-cert", "tls.crt", "--tls-key", "tls.key"))
                .containsExactly(
                        "--server.ssl.certificate=tls.crt",
                        "--server.ssl.certificate-private-key=tls.key",
                        "--server.ssl.enabled=true");
        assertThatThrownBy(() -> CommandLineFlags.toSpringArguments("--tls-cert", "tls.crt"))
                .isInstanceOf(InvalidFlagException.class)
                .hasMessageContaining("go together");
    }

    @Test
    @DisplayName("a Spring property passes through for settings without a flag")
    void springProperty() {
        assertThat(CommandLineFlags.toSpringArguments("--kmcp.timeouts.request=5s"))
                .containsExactly("--kmcp.timeouts.request=5s");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--porty|unknown flag --porty",
                "--port=http|--port must be a number from 0 to 65535",
                "--port=70000|--port must be a number from 0 to 65535",
                "--port|--port needs a value",
                "--log-level=verbose|--log-level must be one of debug, info, warn, error",
                "--insecure|--insecure is not supported",
                "serve|unexpected argument \"serve\"",
                "--audience=|--audience needs a value"
            })
    @DisplayName("a bad flag is refused with one line that says what to do")
    void badFlags(String flag, String message) {
        assertThatThrownBy(() -> CommandLineFlags.toSpringArguments(flag))
                .isInstanceOf(InvalidFlagException.class)
                .hasMessageContaining(message)
                .hasMessageNotContaining("\n");
    }
}
