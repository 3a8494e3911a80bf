package io.kmcp.domain.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The corpus of realistic values ({@code corpus.tsv}): credentials that must be hidden and look-alikes
 * that must stay. It measures both rates in the default mode and holds them to floors: at least {@value
 * #DETECTION_FLOOR} of the credentials hidden, at most {@value #FALSE_POSITIVE_CEILING} of the
 * look-alikes. A credential that is hidden must be hidden entirely: no part of it may remain.
 */
@DisplayName("The redaction corpus")
class RedactionCorpusTest {

    static final double DETECTION_FLOOR = 0.95;
    static final double FALSE_POSITIVE_CEILING = 0.05;

    private final Redactor redactor = Redactor.of(RedactionMode.CREDENTIALS);

    @Test
    @DisplayName("hides the credentials and leaves the look-alikes, within the floors, and hides whole what it hides")
    void rates() throws IOException {
        List<Sample> samples = corpus();
        List<String> missed = new ArrayList<>();
        List<String> falselyHidden = new ArrayList<>();
        List<String> leaked = new ArrayList<>();
        int credentials = 0;
        int hidden = 0;
        int lookAlikes = 0;
        int wronglyHidden = 0;
        for (Sample sample : samples) {
            Outcome outcome = sample.redactedBy(redactor);
            if (sample.hide()) {
                credentials++;
                if (outcome.hidden()) {
                    hidden++;
                    if (outcome.text().contains(sample.secret())) {
                        leaked.add(sample.toString());
                    }
                } else {
                    missed.add(sample.toString());
                }
            } else {
                lookAlikes++;
                if (outcome.hidden()) {
                    wronglyHidden++;
                    falselyHidden.add(sample.toString());
                }
            }
        }
        double detection = (double) hidden / credentials;
        double falsePositives = (double) wronglyHidden / lookAlikes;
        System.out.printf(
                "Redaction corpus: %d of %d credentials hidden (%.1f %%), %d of %d look-alikes hidden (%.1f %%)%n",
                hidden, credentials, 100 * detection, wronglyHidden, lookAlikes, 100 * falsePositives);
        missed.forEach(sample -> System.out.println("  missed: " + sample));
        falselyHidden.forEach(sample -> System.out.println("  falsely hidden: " + sample));

        assertThat(leaked).as("credentials hidden only in part").isEmpty();
        assertThat(credentials).as("credentials in the corpus").isGreaterThanOrEqualTo(60);
        assertThat(lookAlikes).as("look-alikes in the corpus").isGreaterThanOrEqualTo(60);
        assertThat(detection)
                .as("share of credentials hidden; missed: %s", missed)
                .isGreaterThanOrEqualTo(DETECTION_FLOOR);
        assertThat(falsePositives)
                .as("share of look-alikes hidden; falsely hidden: %s", falselyHidden)
                .isLessThanOrEqualTo(FALSE_POSITIVE_CEILING);
    }

    @Test
    @DisplayName("hides nothing at all when redaction is off")
    void off() throws IOException {
        Redactor off = Redactor.of(RedactionMode.OFF);

        assertThat(corpus())
                .allSatisfy(sample -> assertThat(sample.redactedBy(off).hidden())
                        .as(sample.toString())
                        .isFalse());
    }

    static List<Sample> corpus() throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(RedactionCorpusTest.class.getResourceAsStream("corpus.tsv"))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                samples.add(new Sample(
                        columns[0].equals("hide"),
                        columns[1],
                        unescaped(columns[2]),
                        unescaped(columns[3]),
                        unescaped(columns[4])));
            }
        }
        return samples;
    }

    private static String unescaped(String text) {
        return text.replace("\\n", "\n").replace("\\\"", "\"");
    }

    record Outcome(boolean hidden, String text) {}

    record Sample(boolean hide, String where, String name, String value, String part) {

        /** The part that must disappear: the value unless the corpus names a part of it. */
        String secret() {
            if (!part.isEmpty()) {
                return part;
            }
            return where.equals("args") && value.isEmpty() ? name : value;
        }

        Outcome redactedBy(Redactor redactor) {
            if (where.equals("text")) {
                Redacted<String> redacted = redactor.text(value);
                return new Outcome(redacted.changed(), redacted.value());
            }
            Redacted<Map<String, Object>> redacted = redactor.object(object());
            return new Outcome(redacted.changed(), redacted.value().toString());
        }

        private Map<String, Object> object() {
            return switch (where) {
                case "env" ->
                    CredentialHoles.deployment(Map.of(), List.of(Map.of("name", name, "value", value)), List.of());
                case "annotation" -> CredentialHoles.deployment(Map.of(name, value), List.of(), List.of());
                case "args" ->
                    CredentialHoles.deployment(
                            Map.of(), List.of(), value.isEmpty() ? List.of(name) : List.of(name, value));
                case "configmap" -> CredentialHoles.configMap(Map.of(name, value));
                default -> throw new IllegalStateException("unknown place " + where);
            };
        }

        @Override
        public String toString() {
            return where + " " + name + (value.length() > 40 ? "" : "=" + value.replace("\n", "\\n"));
        }
    }
}
