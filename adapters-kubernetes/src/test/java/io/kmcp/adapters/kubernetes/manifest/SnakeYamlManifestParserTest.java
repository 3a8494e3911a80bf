package io.kmcp.adapters.kubernetes.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.application.Problem;
import io.kmcp.application.RequestFailedException;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The manifest parser reads YAML and JSON streams with a real parser, within limits")
class SnakeYamlManifestParserTest {

    private final SnakeYamlManifestParser parser = new SnakeYamlManifestParser();

    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(SnakeYamlManifestParser parser, String text) {
        return assertThatThrownBy(() -> parser.parse(text))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Problem.Reason.INVALID_ARGUMENT));
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String text) {
        return assertRefused(parser, text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> map, String key) {
        return (Map<String, Object>) map.get(key);
    }

    @Nested
    @DisplayName("documents")
    class Documents {

        @Test
        @DisplayName("several documents come back in order; empty ones and comment-only ones are skipped")
        void multiDocument() {
            List<Map<String, Object>> documents = parser.parse("""
                    ---
                    ---
                    apiVersion: v1
                    kind: Namespace
                    metadata:
                      name: shop
                    ---
                    # only a comment
                    ---
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: settings, namespace: shop}
                    data:
                      mode: fast
                    ---
                    """);

            assertThat(documents).extracting(d -> d.get("kind")).containsExactly("Namespace", "ConfigMap");
            assertThat(child(documents.get(1), "data")).containsEntry("mode", "fast");
        }

        @Test
        @DisplayName("a --- inside a block scalar (a PEM certificate) is content, not a separator")
        void separatorInBlockScalar() {
            String pem = "-----BEGIN CERTIFICATE-----\nMIIB\n---\nAbCd\n-----END CERTIFICATE-----\n";
            List<Map<String, Object>> documents = parser.parse("""
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: ca
                    data:
                      ca.crt: |
                        -----BEGIN CERTIFICATE-----
                        MIIB
                        ---
                        AbCd
                        -----END CERTIFICATE-----
                    """);

            assertThat(documents).hasSize(1);
            assertThat(child(documents.get(0), "data")).containsEntry("ca.crt", pem);
        }

        @Test
        @DisplayName("a --- inside quoted strings survives, on one line or on an indented continuation line")
        void separatorInQuotedString() {
            List<Map<String, Object>> documents = parser.parse("""
                    kind: ConfigMap
                    data:
                      inline: "--- not a separator ---"
                      escaped: "a\\n---\\nb"
                      folded: 'x
                        ---
                        y'
                    """);

            assertThat(documents).hasSize(1);
            assertThat(child(documents.get(0), "data"))
                    .containsEntry("inline", "--- not a separator ---")
                    .containsEntry("escaped", "a\n---\nb")
                    .containsEntry("folded", "x --- y");
        }

        @Test
        @DisplayName("a document that is a list or a plain value is refused with its index and line")
        void nonMappingRefused() {
            assertRefused("kind: A\n---\n- a\n- b\n")
                    .hasMessageContaining("Document 2 (line 3, column 1)")
                    .hasMessageContaining("is a list, not a mapping");
            assertRefused("just text\n").hasMessageContaining("Document 1").hasMessageContaining("plain value");
        }

        @Test
        @DisplayName("the maps are unmodifiable, with string keys")
        void immutableResult() {
            Map<String, Object> document =
                    parser.parse("kind: A\n1: one\ntrue: yes\n").get(0);

            assertThat(document).containsEntry("1", "one").containsEntry("true", true);
            assertThatThrownBy(() -> document.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    @DisplayName("scalars follow Kubernetes' YAML decoder")
    class Scalars {

        @Test
        @DisplayName("0644 is octal (420), dates and 12:30 stay text, 1.20 is a number, quoted values are text")
        void kubernetesScalars() {
            Map<String, Object> document = parser.parse("""
                            kind: A
                            mode: 0644
                            hex: 0x1F
                            created: 2024-01-02
                            stamp: !!timestamp 2024-01-02T03:04:05Z
                            time: 12:30
                            version: 1.20
                            quoted: "0644"
                            flag: on
                            nothing: ~
                            """).get(0);

            assertThat(document)
                    .containsEntry("mode", 420)
                    .containsEntry("hex", 31)
                    .containsEntry("created", "2024-01-02")
                    .containsEntry("stamp", "2024-01-02T03:04:05Z")
                    .containsEntry("time", "12:30")
                    .containsEntry("version", 1.2)
                    .containsEntry("quoted", "0644")
                    .containsEntry("flag", true)
                    .containsEntry("nothing", null);
        }

        @Test
        @DisplayName("binary values become base64 text; anchors and merge keys are expanded")
        void binaryAndAliases() {
            Map<String, Object> document = parser.parse("""
                            kind: A
                            bytes: !!binary aGVsbG8=
                            base: &base {cpu: 100m}
                            copy: *base
                            merged:
                              <<: *base
                              memory: 1Gi
                            """).get(0);

            assertThat(document.get("bytes")).isEqualTo("aGVsbG8=");
            assertThat(child(document, "copy")).containsEntry("cpu", "100m");
            assertThat(child(document, "merged")).containsEntry("cpu", "100m").containsEntry("memory", "1Gi");
        }

        @Test
        @DisplayName(".inf and .nan are refused: JSON cannot carry them")
        void nonFinite() {
            assertRefused("kind: A\nratio: .inf\n").hasMessageContaining(".inf or .nan");
        }
    }

    @Nested
    @DisplayName("JSON")
    class Json {

        @Test
        @DisplayName("a JSON object, even indented with tabs, is read as JSON")
        void singleObject() {
            List<Map<String, Object>> documents = parser.parse(
                    "{\n\t\"apiVersion\": \"v1\",\n\t\"kind\": \"ConfigMap\",\n\t\"data\": {\"a\": \"x\\/y\"}\n}");

            assertThat(documents).hasSize(1);
            assertThat(child(documents.get(0), "data")).containsEntry("a", "x/y");
        }

        @Test
        @DisplayName("a stream of JSON objects gives one document each")
        void stream() {
            List<Map<String, Object>> documents =
                    parser.parse("{\"kind\":\"A\",\"n\":1}\n{\"kind\":\"B\",\"list\":[1,2.5,true,null]}");

            assertThat(documents).extracting(d -> d.get("kind")).containsExactly("A", "B");
            assertThat(documents.get(1).get("list")).isEqualTo(java.util.Arrays.asList(1, 2.5, true, null));
        }

        @Test
        @DisplayName("malformed JSON names the document, line and column and says it was read as JSON")
        void malformed() {
            assertRefused("{\"kind\": \"A\"}\n{\"kind\": }")
                    .hasMessageContaining("Document 2 (line 2")
                    .hasMessageContaining("read as JSON");
        }

        @Test
        @DisplayName("duplicate keys and non-object documents are refused")
        void duplicatesAndArrays() {
            assertRefused("{\"kind\": \"A\", \"kind\": \"B\"}").hasMessageContaining("kind");
            assertRefused("{\"kind\": \"A\"} [1, 2]")
                    .hasMessageContaining("Document 2")
                    .hasMessageContaining("array");
        }
    }

    @Nested
    @DisplayName("hostile and malformed input")
    class Hostile {

        @Test
        @DisplayName("a syntax error names the document index and line and column")
        void syntaxError() {
            assertRefused("""
                            kind: A
                            ---
                            kind: B
                            metadata:
                              name: x
                               labels: {}
                            """)
                    .hasMessageContaining("Document 2 (line 6, column")
                    .hasMessageContaining("mapping values are not allowed here")
                    .hasMessageContaining("indentation");
        }

        @Test
        @DisplayName("duplicate keys are refused with their line")
        void duplicateKeys() {
            assertRefused("kind: A\nmetadata:\n  name: a\n  name: b\n")
                    .hasMessageContaining("Document 1 (line 4")
                    .hasMessageContaining("duplicate key name");
        }

        @Test
        @DisplayName("custom tags that would construct objects are refused")
        void customTags() {
            assertRefused("kind: A\nx: !!javax.script.ScriptEngineManager [!!java.net.URL [\"http://evil\"]]\n")
                    .hasMessageContaining("Document 1");
            assertRefused("kind: A\nx: !custom value\n").hasMessageContaining("tag");
        }

        @Test
        @DisplayName("input over the size limit is refused before parsing")
        void tooLarge() {
            SnakeYamlManifestParser small = new SnakeYamlManifestParser(new ManifestLimits(100, 10, 64, 50));

            assertRefused(small, "kind: A\ndata: " + "x".repeat(200) + "\n")
                    .hasMessageContaining("at most 100 are accepted");
            assertRefused(small, "kind: A\ndata: " + "é".repeat(60) + "\n").hasMessageContaining("bytes long");
        }

        @Test
        @DisplayName("more documents than the limit are refused")
        void tooManyDocuments() {
            SnakeYamlManifestParser three = new SnakeYamlManifestParser(new ManifestLimits(1 << 20, 3, 64, 50));

            assertThat(three.parse("kind: A\n---\nkind: B\n---\n---\nkind: C\n"))
                    .hasSize(3);
            assertRefused(three, "kind: A\n---\nkind: B\n---\nkind: C\n---\nkind: D\n")
                    .hasMessageContaining("more than 3 documents");
        }

        @Test
        @DisplayName("nesting deeper than the limit is refused, in YAML and in JSON")
        void tooDeep() {
            String deepYaml = "kind: A\nx: " + "[".repeat(100) + "]".repeat(100) + "\n";
            String deepJson = "{\"kind\": \"A\", \"x\": " + "[".repeat(100) + "]".repeat(100) + "}";

            assertRefused(deepYaml).hasMessageContaining("deeper than 64 levels");
            assertRefused(deepJson).hasMessageContaining("deeper than 64 levels");
            assertThat(parser.parse("kind: A\nx: " + "[".repeat(60) + "]".repeat(60) + "\n"))
                    .hasSize(1);
        }

        @Test
        @DisplayName("billion laughs: aliases that expand exponentially are refused quickly")
        void billionLaughs() {
            StringBuilder yaml = new StringBuilder("kind: A\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
            for (int i = 1; i <= 9; i++) {
                String previous = "*a" + (i - 1);
                yaml.append("a")
                        .append(i)
                        .append(": &a")
                        .append(i)
                        .append(" [")
                        .append(String.join(", ", java.util.Collections.nCopies(9, previous)))
                        .append("]\n");
            }

            long started = System.nanoTime();
            assertRefused(yaml.toString()).hasMessageContaining("Document 1");
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
        }

        @Test
        @DisplayName("a modest fan-out within the alias limit still hits the value budget")
        void aliasExpansionBudget() {
            SnakeYamlManifestParser parser = new SnakeYamlManifestParser(new ManifestLimits(1 << 20, 100, 64, 50));
            StringBuilder yaml = new StringBuilder("kind: A\na0: &a0 [" + "x, ".repeat(99) + "x]\n");
            for (int i = 1; i <= 4; i++) {
                yaml.append("a")
                        .append(i)
                        .append(": &a")
                        .append(i)
                        .append(" [")
                        .append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1))))
                        .append("]\n");
            }

            assertRefused(parser, yaml.toString()).hasMessageContaining("expands to more than");
        }

        @Test
        @DisplayName("a self-referencing alias is refused, not followed forever")
        void recursiveAlias() {
            assertRefused("kind: A\nloop: &loop [*loop]\n")
                    .hasMessageContaining("Document 1")
                    .hasMessageContaining("contains itself");
        }

        @Test
        @DisplayName("tabs used for indentation are refused with a hint")
        void tabs() {
            assertRefused("kind: A\nmetadata:\n\tname: x\n")
                    .hasMessageContaining("line 3")
                    .hasMessageContaining("indentation");
        }
    }
}
