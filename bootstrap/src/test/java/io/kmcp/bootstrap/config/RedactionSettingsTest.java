package io.kmcp.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.domain.redaction.RedactionMode;
import io.kmcp.domain.redaction.Redactor;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

@DisplayName("The redaction settings")
class RedactionSettingsTest {

    private static Redactor redactorFrom(Map<String, String> settings) {
        KmcpProperties properties =
                new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("kmcp", KmcpProperties.class);
        return new UseCaseConfiguration().redactor(properties);
    }

    @Test
    @DisplayName("hide credentials by default")
    void defaultMode() {
        assertThat(redactorFrom(Map.of()).mode()).isEqualTo(RedactionMode.CREDENTIALS);
    }

    @Test
    @DisplayName("take the mode and the operator's patterns")
    void configured() {
        Redactor redactor = redactorFrom(Map.of(
                "kmcp.redact.mode", "strict",
                "kmcp.redact.name-patterns[0]", "(?i)^licen[cs]e$",
                "kmcp.redact.value-patterns[0]", "acme-[0-9a-f]{8}"));

        assertThat(redactor.mode()).isEqualTo(RedactionMode.STRICT);
        assertThat(redactor.text("id acme-0badc0de").value())
                .isEqualTo("id <redacted by k-mcp: matches configured value pattern 1>");
    }

    @Test
    @DisplayName("stop start-up on a bad mode or pattern with one line that names the setting")
    void invalid() {
        assertThatThrownBy(() -> redactorFrom(Map.of("kmcp.redact.mode", "everything")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("kmcp.redact: unknown redaction mode \"everything\"; use one of credentials, strict, off");
        assertThatThrownBy(() -> redactorFrom(Map.of("kmcp.redact.value-patterns[0]", "([a-z]")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("kmcp.redact: value pattern 1 \"([a-z]\" is not a valid regular expression: ");
    }
}
