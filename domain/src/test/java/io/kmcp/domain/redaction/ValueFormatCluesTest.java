package io.kmcp.domain.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The clues let a string skip a format's regular expression; they must never let a credential through:
 * every text a format's expression matches holds one of its clues.
 */
@DisplayName("Value formats' clues")
class ValueFormatCluesTest {

    @Test
    @DisplayName("every value of the corpus a built-in format matches holds one of that format's clues")
    void cluesNeverHideAMatch() throws IOException {
        int matched = 0;
        for (RedactionCorpusTest.Sample sample : RedactionCorpusTest.corpus()) {
            for (String text : List.of(sample.value(), sample.name() + "=" + sample.value())) {
                for (ValueFormat format : ValueFormat.BUILT_IN) {
                    if (format.pattern().matcher(text).find()) {
                        matched++;
                        assertThat(format.mayOccurIn(text))
                                .as(format.description() + " in " + text)
                                .isTrue();
                    }
                }
            }
        }
        assertThat(matched).as("corpus values a built-in format matches").isGreaterThan(20);
    }

    @Test
    @DisplayName("a text without any clue is not searched; a clue in any case, anywhere, is")
    void clues() {
        ValueFormat bearer = format("a bearer token");
        assertThat(bearer.mayOccurIn("app.kubernetes.io/name")).isFalse();
        assertThat(bearer.mayOccurIn("")).isFalse();
        assertThat(bearer.mayOccurIn("Authorization: BeArEr abc")).isTrue();
        assertThat(bearer.mayOccurIn("bearer")).isTrue();
        assertThat(bearer.mayOccurIn("x bearer")).isTrue();
        assertThat(bearer.mayOccurIn("beare")).isFalse();

        ValueFormat aws = format("an AWS access key id");
        assertThat(aws.mayOccurIn("ASIAY34FZKBOKMUTVV7A")).isTrue();
        assertThat(aws.mayOccurIn("ACCAY34FZKBOKMUTVV7A")).isTrue();
        assertThat(aws.mayOccurIn("2026-12-06T10:00:00Z")).isFalse();
    }

    @Test
    @DisplayName("an operator's pattern has no clue: every text is searched")
    void configuredFormatsSearchEverything() {
        ValueFormat configured = ValueFormat.configured(1, "acme-[0-9]+");
        assertThat(configured.clues()).isEmpty();
        assertThat(configured.mayOccurIn("anything at all")).isTrue();
        assertThat(new ValueFormat("x", Pattern.compile("a"), 0, Redaction.Rule.CONFIGURED).mayOccurIn(""))
                .isTrue();
    }

    @Test
    @DisplayName("the ASSIGNMENT check is skipped only for texts without '=' or ':'")
    void assignmentsNeedTheirSign() {
        Redactor redactor = Redactor.of(RedactionMode.CREDENTIALS);
        assertThat(redactor.text("password=hunter2hunter2").changed()).isTrue();
        assertThat(redactor.text("password: hunter2hunter2").changed()).isTrue();
        assertThat(redactor.text("password hunter2hunter2").changed()).isFalse();
    }

    @Test
    @DisplayName("a plain key is letters, digits, '_' and '-' only, and not empty")
    void plainKeys() {
        assertThat(Paths.plain("DB_PASSWORD-2")).isTrue();
        assertThat(Paths.plain("azAZ09")).isTrue();
        assertThat(Paths.plain("")).isFalse();
        assertThat(Paths.plain("example.com/token")).isFalse();
        assertThat(Paths.plain("a b")).isFalse();
        assertThat(Paths.plain("`")).isFalse();
        assertThat(Paths.plain("{")).isFalse();
        assertThat(Paths.plain("@")).isFalse();
        assertThat(Paths.plain("[")).isFalse();
        assertThat(Paths.plain("/")).isFalse();
        assertThat(Paths.plain(":")).isFalse();
        assertThat(Paths.child("", "example.com/token")).isEqualTo("['example.com/token']");
        assertThat(Paths.child("metadata", "name")).isEqualTo("metadata.name");
    }

    @Test
    @DisplayName("a key name's words are the same when asked again")
    void wordsRemembered() {
        List<String> first = CredentialNames.words("dbPassword_FILE2");
        assertThat(CredentialNames.words("dbPassword_FILE2"))
                .isEqualTo(first)
                .containsExactly("db", "password", "file");
    }

    private static ValueFormat format(String description) {
        return ValueFormat.BUILT_IN.stream()
                .filter(format -> format.description().equals(description))
                .findFirst()
                .orElseThrow();
    }
}
