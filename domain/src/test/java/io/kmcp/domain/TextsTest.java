package io.kmcp.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Quoting what a caller sent")
class TextsTest {

    @Test
    @DisplayName("puts text in single quotes as it is")
    void quotesPlainText() {
        assertThat(Texts.quote("po ds")).isEqualTo("'po ds'");
    }

    @Test
    @DisplayName("escapes control characters so a quote cannot break a message's lines")
    void escapesControlCharacters() {
        assertThat(Texts.quote("a\nb\tc")).isEqualTo("'a\\u000ab\\u0009c'");
    }

    @Test
    @DisplayName("shows only the first 80 characters of long input, marked as cut")
    void shortensLongText() {
        String quoted = Texts.quote("x".repeat(81));

        assertThat(quoted).isEqualTo("'" + "x".repeat(80) + "…'");
        assertThat(Texts.quote("y".repeat(80))).isEqualTo("'" + "y".repeat(80) + "'");
    }

    @Test
    @DisplayName("says nothing was sent for null")
    void quotesNull() {
        assertThat(Texts.quote(null)).isEqualTo("(nothing)");
    }

    @Test
    @DisplayName("detects control characters anywhere")
    void detectsControlCharacters() {
        assertThat(Texts.hasControlCharacter("app=web\n")).isTrue();
        assertThat(Texts.hasControlCharacter("\u0000")).isTrue();
        assertThat(Texts.hasControlCharacter("app=web, tier in (a)")).isFalse();
    }
}
