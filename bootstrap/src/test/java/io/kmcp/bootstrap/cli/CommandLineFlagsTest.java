package io.kmcp.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Command-line flags")
class CommandLineFlagsTest {

    @Test
    @DisplayName("the original's flags work with a space or an equals sign")
    void originalFlags(@TempDir Path dir) throws IOException {
        String ca = Files.writeString(dir.resolve("ca.crt"), "-----BEGIN CERTIFICATE-----\n")
                .toString();
        assertThat(CommandLineFlags.toSpringArguments(
                        "--port", "9090", "--audience=my-mcp", "--certificate-authority", ca, "--log-level=DEBUG"))
                .containsExactly(
                        "--server.port=9090",
                        "--kmcp.audience=my-mcp",
                        "--kmcp.certificate-authority=" + ca,
                        "--logging.level.io.kmcp=debug");
    }

    @Test
    @DisplayName("--redact chooses the redaction mode in any case, and refuses another with the three choices")
    void redact() {
        assertThat(CommandLineFlags.toSpringArguments("--redact", "OFF")).containsExactly("--kmcp.redact.mode=off");
        assertThat(CommandLineFlags.toSpringArguments("--redact=strict")).containsExactly("--kmcp.redact.mode=strict");
        assertThatThrownBy(() -> CommandLineFlags.toSpringArguments("--redact=none"))
                .isInstanceOf(InvalidFlagException.class)
                .hasMessage("--redact must be credentials, strict or off; got \"none\"");
        assertThatThrownBy(() -> CommandLineFlags.toSpringArguments("--redact"))
                .isInstanceOf(InvalidFlagException.class)
                .hasMessage("--redact needs a value, e.g. --redact=strict");
    }

    @Test
    @DisplayName("new flags: API server, bind address")
    void newFlags() {
        assertThat(CommandLineFlags.toSpringArguments(
                        "--api-server", "https://10.0.0.1:6443", "--bind-address=0.0.0.0"))
                .containsExactly("--kmcp.api-server=https://10.0.0.1:6443", "--server.address=0.0.0.0");
    }

    @Test
    @DisplayName("--management-port moves the actuator to its own port, listening where the server listens")
    void managementPort() {
        assertThat(CommandLineFlags.toSpringArguments("--management-port", "9090", "--bind-address=0.0.0.0"))
                .containsExactly(
                        "--management.server.port=9090",
                        "--server.address=0.0.0.0",
                        "--management.server.address=${server.address}");
        assertThat(CommandLineFlags.toSpringArguments("--port=8080")).noneMatch(arg -> arg.startsWith("--management"));
        assertThatThrownBy(() -> CommandLineFlags.toSpringArguments("--management-port=http"))
                .isInstanceOf(InvalidFlagException.class)
                .hasMessage("--management-port must be a number from 0 to 65535, got \"http\"");
    }

    @Test
    @DisplayName("--log-format json turns on Spring Boot's structured console logs; text keeps the default")
    void logFormat() {
        assertThat(CommandLineFlags.toSpringArguments("--log-format", "json"))
                .containsExactly("--logging.structured.format.console=ecs");
        assertThat(CommandLineFlags.toSpringArguments("--log-format=TEXT")).isEmpty();
        assertThatThrownBy(() -> CommandLineFlags.toSpringArguments("--log-format=xml"))
                .isInstanceOf(InvalidFlagException.class)
                .hasMessage("--log-format must be text or json; got \"xml\"");
    }

    @Test
    @DisplayName(
            "--request-state-key-file may be repeated for rotation: the files make one list, the signing one first")
    void requestStateKeys(@TempDir Path dir) throws IOException {
        String current =
                Files.writeString(dir.resolve("current"), "k".repeat(32)).toString();
        String previous =
                Files.writeString(dir.resolve("previous"), "p".repeat(32)).toString();

        assertThat(CommandLineFlags.toSpringArguments(
                        "--request-state-key-file", current, "--request-state-key-file=" + previous))
                .containsExactly("--kmcp.request-state.key-file=" + current + "," + previous);
    }

    @Test
    @DisplayName("--read-only, --tools and --disabled-tools choose the tools served")
    void toolSelection() {
        assertThat(CommandLineFlags.toSpringArguments(
                        "--read-only", "--tools", "workload_diagnose,resource_list", "--disabled-tools=pod_logs"))
                .containsExactlyInAnyOrder(
                        "--kmcp.read-only=true",
                        "--kmcp.tools=workload_diagnose,resource_list",
                        "--kmcp.disabled-tools=pod_logs");
    }

    @Test
    @DisplayName("a request-state key file that is not there is refused before start-up")
    void missingRequestStateKey(@TempDir Path dir) {
        assertThatThrownBy(() -> CommandLineFlags.toSpringArguments(
                        "--request-state-key-file", dir.resolve("absent").toString()))
                .isInstanceOf(InvalidFlagException.class)
                .hasMessageContaining("--request-state-key-file")
                .hasMessageContaining("is not a readable file");
    }

    @Test
    @DisplayName("a certificate authority file without a PEM certificate is refused")
    void caWithoutCertificate(@TempDir Path dir) throws IOException {
        Path notPem = Files.writeString(dir.resolve("ca.crt"), "hello");

        assertThatThrownBy(() -> CommandLineFlags.toSpringArguments("--certificate-authority", notPem.toString()))
                .isInstanceOf(InvalidFlagException.class)
                .hasMessageContaining("holds no PEM certificate");
    }

    @Test
    @DisplayName("--tls-cert and --tls-key turn on HTTPS, together")
    void tls(@TempDir Path dir) throws IOException {
        String cert = Files.writeString(dir.resolve("tls.crt"), "-----BEGIN CERTIFICATE-----")
                .toString();
        String key = Files.writeString(dir.resolve("tls.key"), "-----BEGIN PRIVATE KEY-----")
                .toString();
        assertThat(CommandLineFlags.toSpringArguments("--tls-cert", cert, "--tls-key", key))
                .containsExactly(
                        "--server.ssl.certificate=" + cert,
                        "--server.ssl.certificate-private-key=" + key,
                        "--server.ssl.enabled=true");
        assertThatThrownBy(() -> CommandLineFlags.toSpringArguments("--tls-cert", cert))
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
                "--audience=|--audience needs a value",
                "--api-server=http://10.0.0.1:6443|--api-server must be an https URL",
                "--api-server=not a url|--api-server must be an https URL",
                "--certificate-authority=/no/such/ca.crt|is not a readable file",
                "--tls-cert=/no/such/tls.crt|is not a readable file"
            })
    @DisplayName("a bad flag is refused with one line that says what to do")
    void badFlags(String flag, String message) {
        assertThatThrownBy(() -> CommandLineFlags.toSpringArguments(flag))
                .isInstanceOf(InvalidFlagException.class)
                .hasMessageContaining(message)
                .hasMessageNotContaining("\n");
    }
}
