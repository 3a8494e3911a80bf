package io.kmcp.domain.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.domain.InvalidInputException;
import io.kmcp.domain.resource.JsonTree;
import io.kmcp.domain.resource.KubernetesObjects;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Redacting credentials")
class RedactorTest {

    private static final String PEM =
            "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
    private static final String MARKER_OF_DB_PASSWORD =
            "<redacted by k-mcp: the name DB_PASSWORD suggests a credential>";

    private final Redactor redactor = Redactor.of(RedactionMode.CREDENTIALS);

    private static Map<String, String> env(String name, String value) {
        return Map.of("name", name, "value", value);
    }

    private static Map<String, Object> podSpecWith(String containers, Map<String, ?> container) {
        return Map.of(containers, List.of(container));
    }

    @Nested
    @DisplayName("in objects")
    class InObjects {

        @Test
        @DisplayName("replace an env value under a credential name by a marker that says why, and say where")
        void envValue() {
            Map<String, Object> deployment = CredentialHoles.deployment(
                    Map.of(), List.of(env("DB_PASSWORD", "hunter2"), env("LOG_LEVEL", "info")), List.of());

            Redacted<Map<String, Object>> redacted = redactor.object(deployment);

            JsonTree env = JsonTree.of(redacted.value())
                    .at("spec.template.spec")
                    .at("containers")
                    .list()
                    .get(0)
                    .at("env");
            assertThat(env.list().get(0).at("value").string()).contains(MARKER_OF_DB_PASSWORD);
            assertThat(env.list().get(1).at("value").string()).contains("info");
            assertThat(redacted.redactions())
                    .containsExactly(new Redaction(
                            "spec.template.spec.containers[0].env[0].value",
                            Redaction.Rule.KEY_NAME,
                            "the name DB_PASSWORD suggests a credential"));
        }

        @Test
        @DisplayName("leave valueFrom references alone: they are no credentials")
        void valueFrom() {
            Map<String, Object> reference = Map.of(
                    "name",
                    "DB_PASSWORD",
                    "valueFrom",
                    Map.of("secretKeyRef", Map.of("name", "db", "key", "password")));
            Map<String, Object> deployment = CredentialHoles.deployment(Map.of(), List.of(), List.of());
            Map<String, Object> pod =
                    Map.of("kind", "Pod", "spec", podSpecWith("containers", Map.of("env", List.of(reference))));

            assertThat(redactor.object(deployment).value()).isSameAs(deployment);
            assertThat(redactor.object(pod).value()).isSameAs(pod);
            assertThat(redactor.object(pod).changed()).isFalse();
        }

        @Test
        @DisplayName("reach init and ephemeral containers and a CronJob's job template")
        void everyContainerList() {
            Map<String, Object> cronJob = Map.of(
                    "kind",
                    "CronJob",
                    "spec",
                    Map.of(
                            "jobTemplate",
                            Map.of(
                                    "spec",
                                    Map.of(
                                            "template",
                                            Map.of(
                                                    "spec",
                                                    Map.of(
                                                            "initContainers",
                                                            List.of(Map.of("env", List.of(env("API_TOKEN", "t0k3n")))),
                                                            "ephemeralContainers",
                                                            List.of(Map.of(
                                                                    "env", List.of(env("REDIS_PASS", "r3dis"))))))))));

            Redacted<Map<String, Object>> redacted = redactor.object(cronJob);

            assertThat(redacted.value().toString()).doesNotContain("t0k3n", "r3dis");
            assertThat(redacted.redactions())
                    .extracting(Redaction::path)
                    .containsExactlyInAnyOrder(
                            "spec.jobTemplate.spec.template.spec.initContainers[0].env[0].value",
                            "spec.jobTemplate.spec.template.spec.ephemeralContainers[0].env[0].value");
        }

        @Test
        @DisplayName("hide only the password of a URL, so the agent still sees where it points")
        void urlPassword() {
            Map<String, Object> deployment = CredentialHoles.deployment(
                    Map.of(), List.of(env("DATABASE_URL", "postgres://shop:s3cret@db:5432/shop")), List.of());

            assertThat(redactor.object(deployment).value().toString())
                    .contains("postgres://shop:<redacted by k-mcp: a password in a URL>@db:5432/shop");
        }

        @Test
        @DisplayName("judge config map data by key and content, and base64 binary data by key and decoded content")
        void configMap() {
            String pem64 = Base64.getEncoder().encodeToString(PEM.getBytes(StandardCharsets.US_ASCII));
            String plain64 = Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.US_ASCII));
            Map<String, Object> configMap = Map.of(
                    "kind",
                    "ConfigMap",
                    "data",
                    Map.of("api_token", "abc123", "tls.key", PEM, "mode", "fast"),
                    "binaryData",
                    Map.of("key.pem", pem64, "greeting", plain64, "db-password", plain64, "odd", "not base64!"));

            Redacted<Map<String, Object>> redacted = redactor.object(configMap);

            JsonTree tree = JsonTree.of(redacted.value());
            assertThat(tree.at("data").strings())
                    .containsEntry("api_token", "<redacted by k-mcp: the name api_token suggests a credential>")
                    .containsEntry("tls.key", "<redacted by k-mcp: a PEM private key>")
                    .containsEntry("mode", "fast");
            assertThat(tree.at("binaryData").strings())
                    .containsEntry("key.pem", "<redacted by k-mcp: base64 of a PEM private key>")
                    .containsEntry("greeting", plain64)
                    .containsEntry("db-password", "<redacted by k-mcp: the name db-password suggests a credential>")
                    .containsEntry("odd", "not base64!");
        }

        @Test
        @DisplayName(
                "judge annotations by key and value, and drop the last-applied configuration that repeats the object")
        void annotations() {
            Map<String, Object> deployment = CredentialHoles.deployment(
                    Map.of(
                            "example.com/api-token",
                            "abc",
                            "example.com/owner",
                            "team-a",
                            KubernetesObjects.LAST_APPLIED_ANNOTATION,
                            "{\"env\":[{\"name\":\"X\",\"value\":\"y\"}]}"),
                    List.of(),
                    List.of());

            Map<String, String> annotations = JsonTree.of(
                            redactor.object(deployment).value())
                    .at("metadata.annotations")
                    .strings();

            assertThat(annotations)
                    .containsOnlyKeys("example.com/api-token", "example.com/owner")
                    .containsEntry(
                            "example.com/api-token",
                            "<redacted by k-mcp: the name example.com/api-token suggests a credential>")
                    .containsEntry("example.com/owner", "team-a");
        }

        @Test
        @DisplayName("hide the argument after a credential flag, and the value of a credential flag's assignment")
        void arguments() {
            Map<String, Object> deployment = CredentialHoles.deployment(
                    Map.of(),
                    List.of(),
                    List.of("--password", "p4ss", "--verbose", "--token=t0k", "--secret-name", "tls"));

            Redacted<Map<String, Object>> redacted = redactor.object(deployment);

            assertThat(JsonTree.of(redacted.value())
                            .at("spec.template.spec")
                            .at("containers")
                            .list()
                            .get(0)
                            .at("args")
                            .list())
                    .extracting(item -> item.string("").replace("<redacted by k-mcp: ", "<"))
                    .containsExactly(
                            "--password",
                            "<the name --password suggests a credential>",
                            "--verbose",
                            "--token=<the name --token suggests a credential>",
                            "--secret-name",
                            "tls");
        }

        @Test
        @DisplayName("hide a value format anywhere, even in a field with a harmless name or a list of strings")
        void formatsAnywhere() {
            Map<String, Object> object = Map.of(
                    "kind", "Widget", "spec", Map.of("note", "key AKIAIOSFODNN7EXAMPLE", "items", List.of(PEM, 3)));

            Redacted<Map<String, Object>> redacted = redactor.object(object);

            assertThat(redacted.value().toString()).doesNotContain("AKIAIOSFODNN7EXAMPLE", "MIIEvQ");
            assertThat(redacted.redactions())
                    .extracting(Redaction::path)
                    .containsExactlyInAnyOrder("spec.note", "spec.items[0]");
        }

        @Test
        @DisplayName("return the very object when redaction is off")
        void off() {
            Map<String, Object> deployment =
                    CredentialHoles.deployment(Map.of(), List.of(env("DB_PASSWORD", "hunter2")), List.of());

            Redacted<Map<String, Object>> redacted =
                    Redactor.of(RedactionMode.OFF).object(deployment);

            assertThat(redacted.value()).isSameAs(deployment);
            assertThat(redacted.redactions()).isEmpty();
        }

        @Test
        @DisplayName("do not hide a marker twice, so redacting again changes nothing")
        void idempotent() {
            Map<String, Object> once = redactor.object(
                            CredentialHoles.deployment(Map.of(), List.of(env("DB_PASSWORD", "hunter2")), List.of()))
                    .value();

            assertThat(redactor.object(once).changed()).isFalse();
            assertThat(Redactor.of(RedactionMode.STRICT).object(once).changed()).isFalse();
        }
    }

    @Nested
    @DisplayName("in strict mode")
    class Strict {

        private final Redactor strict = Redactor.of(RedactionMode.STRICT);

        @Test
        @DisplayName("hide every value under a credential word, whatever its qualifier or shape")
        void qualifiers() {
            Map<String, Object> deployment = CredentialHoles.deployment(
                    Map.of(),
                    List.of(env("PASSWORD_FILE", "/etc/pw"), env("TOKEN_TTL", "3600"), env("API_KEY", "")),
                    List.of());

            assertThat(strict.object(deployment).redactions())
                    .extracting(Redaction::path)
                    .containsExactly(
                            "spec.template.spec.containers[0].env[0].value",
                            "spec.template.spec.containers[0].env[1].value");
            assertThat(redactor.object(deployment).changed()).isFalse();
        }

        @Test
        @DisplayName("hide random-looking values under any name, but not digests, UUIDs or names")
        void entropy() {
            Map<String, Object> deployment = CredentialHoles.deployment(
                    Map.of(),
                    List.of(
                            env("SEED", "q8Zr3Lm9Tx2Vb7Nc4Kd1Wf6H"),
                            env("DIGEST", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                            env("ID", "123e4567-e89b-12d3-a456-426614174000"),
                            env("HOST", "Postgres1.Shop.svc.cluster.local"),
                            env("REPEATED", "aaaaaaaaaaaaaaaaaaaaaaaA1")),
                    List.of());

            assertThat(strict.object(deployment).redactions())
                    .containsExactly(new Redaction(
                            "spec.template.spec.containers[0].env[0].value",
                            Redaction.Rule.HIGH_ENTROPY,
                            "a random-looking value (strict mode)"));
            assertThat(redactor.object(deployment).changed()).isFalse();
        }
    }

    @Nested
    @DisplayName("in text")
    class InText {

        @Test
        @DisplayName("hide value formats and credential assignments in a log line, nothing else")
        void logLine() {
            Redacted<String> redacted = redactor.text(
                    "user=admin password=hunter2 token=3600 url=https://app:pw@db key=AKIAIOSFODNN7EXAMPLE done");

            assertThat(redacted.value())
                    .isEqualTo("user=admin password=<redacted by k-mcp: the name password suggests a credential>"
                            + " token=3600 url=https://app:<redacted by k-mcp: a password in a URL>@db"
                            + " key=<redacted by k-mcp: an AWS access key id> done");
            assertThat(redacted.redactions())
                    .extracting(Redaction::rule)
                    .containsExactlyInAnyOrder(
                            Redaction.Rule.KEY_NAME, Redaction.Rule.VALUE_FORMAT, Redaction.Rule.VALUE_FORMAT);
        }

        @Test
        @DisplayName("keep placeholders and quoted harmless values, and hide quoted secrets without their quotes")
        void quotes() {
            assertThat(redactor.text("password: \"${DB_PASSWORD}\" url: postgres://u:$(PW)@db")
                            .changed())
                    .isFalse();
            assertThat(redactor.text("\"password\": \"s3cret\"").value())
                    .isEqualTo("\"password\": <redacted by k-mcp: the name password suggests a credential>");
            assertThat(redactor.text("secret: '' pass='true'").changed()).isFalse();
        }

        @Test
        @DisplayName("search a megabyte of name-like text in linear time")
        void boundedSearch() {
            String names = "a_".repeat(500_000) + " http://" + "u.".repeat(100_000);

            Redacted<String> redacted = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(5), () -> redactor.text(names));

            assertThat(redacted.changed()).isFalse();
        }

        @Test
        @DisplayName("return the very text when nothing is hidden or redaction is off")
        void unchanged() {
            String line = "GET /healthz 200";
            String secret = "password=hunter2";

            assertThat(redactor.text(line).value()).isSameAs(line);
            assertThat(Redactor.of(RedactionMode.OFF).text(secret).value()).isSameAs(secret);
        }
    }

    @Nested
    @DisplayName("with the operator's patterns")
    class Configured {

        @Test
        @DisplayName("hide values under matching names and the first group of matching values")
        void patterns() {
            Redactor configured = Redactor.configured(
                    RedactionMode.CREDENTIALS,
                    List.of("(?i)^license$"),
                    List.of("acme-([0-9a-f]{8})", "INTERNAL-\\d+"));
            Map<String, Object> deployment = CredentialHoles.deployment(
                    Map.of(), List.of(env("LICENSE", "L-1"), env("NOTE", "acme-0badc0de and INTERNAL-42")), List.of());

            Redacted<Map<String, Object>> redacted = configured.object(deployment);

            assertThat(redacted.value().toString())
                    .contains("<redacted by k-mcp: the name LICENSE matches a configured name pattern>")
                    .contains("acme-<redacted by k-mcp: matches configured value pattern 1>"
                            + " and <redacted by k-mcp: matches configured value pattern 2>");
            assertThat(redacted.redactions()).extracting(Redaction::rule).containsOnly(Redaction.Rule.CONFIGURED);
            assertThat(Redactor.of(RedactionMode.CREDENTIALS).object(deployment).changed())
                    .isFalse();
        }

        @Test
        @DisplayName("refuse a pattern that is no regular expression, or is empty, saying which")
        void badPatterns() {
            assertThatThrownBy(
                            () -> Redactor.configured(RedactionMode.CREDENTIALS, List.of("ok", "(unclosed"), List.of()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("name pattern 2 \"(unclosed\" is not a valid regular expression: ");
            assertThatThrownBy(() -> Redactor.configured(RedactionMode.CREDENTIALS, List.of(), List.of(" ")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("value pattern 1 is empty; give a regular expression or remove it");
        }
    }

    @Nested
    @DisplayName("at the edges of its rules")
    class Edges {

        @Test
        @DisplayName("a flag hides only the next argument that is a value, and only in args and command")
        void flagsOnlyInArguments() {
            Map<String, Object> deployment = CredentialHoles.deployment(
                    Map.of(), List.of(), List.of("--token", "--verbose", "--password", "./pw", "--secret", "~/s"));
            Map<String, Object> elsewhere =
                    Map.of("kind", "Widget", "spec", Map.of("flags", List.of("--password", "p4ss")));

            assertThat(redactor.object(deployment).changed()).isFalse();
            assertThat(redactor.object(elsewhere).value()).isSameAs(elsewhere);
        }

        @Test
        @DisplayName("references, files and masks under a credential name stay")
        void notSecrets() {
            Map<String, Object> deployment = CredentialHoles.deployment(
                    Map.of(),
                    List.of(
                            env("DB_PASSWORD", "./secrets/db"),
                            env("API_TOKEN", "~/token"),
                            env("CLIENT_SECRET", "file:/run/secret"),
                            env("ADMIN_PASSWORD", "'yes'"),
                            env("SMTP_PASSWORD", "30s"),
                            env("REDIS_PASSWORD", "xxxx")),
                    List.of());

            assertThat(redactor.object(deployment).redactions()).isEmpty();
        }

        @Test
        @DisplayName("only annotations lose the last-applied configuration, and a blank configured name hides nothing")
        void lastAppliedOnlyInAnnotations() {
            Map<String, Object> configMap = Map.of(
                    "kind",
                    "ConfigMap",
                    "data",
                    Map.of(KubernetesObjects.LAST_APPLIED_ANNOTATION, "{}", "license", " "));
            Redactor configured = Redactor.configured(RedactionMode.CREDENTIALS, List.of("license"), List.of());

            assertThat(configured.object(configMap).value()).isSameAs(configMap);
        }

        @Test
        @DisplayName("strict mode judges randomness only where credentials are kept, and only whole values")
        void entropyWhereCredentialsAre() {
            Redactor strict = Redactor.of(RedactionMode.STRICT);
            Map<String, Object> widget = Map.of("kind", "Widget", "spec", Map.of("seed", "q8Zr3Lm9Tx2Vb7Nc4Kd1Wf6H"));
            Map<String, Object> deployment = CredentialHoles.deployment(
                    Map.of(),
                    List.of(
                            env("NO_DIGITS", "AbCdEfGhIjKlMnOpQrStUvWx"),
                            env("NO_LOWER", "ABCDEFGH12345678IJKLMNOP"),
                            env("SHORT", "q8Zr3Lm9Tx2Vb7N"),
                            env("URL", "https://q8Zr3Lm9Tx2Vb7Nc4Kd1Wf6H:pw@example.com/")),
                    List.of());

            assertThat(strict.object(widget).changed()).isFalse();
            assertThat(strict.object(deployment).redactions())
                    .extracting(Redaction::rule)
                    .containsExactly(Redaction.Rule.VALUE_FORMAT);
            assertThat(Redactor.looksRandom("q8Zr3Lm9Tx2Vb7Nc4Kd1Wf6H")).isTrue();
        }

        @Test
        @DisplayName("a pattern never hides a part of a marker")
        void markersStay() {
            Redactor configured = Redactor.configured(RedactionMode.CREDENTIALS, List.of(), List.of("suggests"));
            String marked = redactor.text("password=hunter2").value();

            assertThat(configured.text(marked).value()).isSameAs(marked);
            assertThat(configured.text("it suggests").value())
                    .isEqualTo("it <redacted by k-mcp: matches configured value pattern 1>");
        }

        @Test
        @DisplayName("paths quote keys that are not plain names, escaping quotes and backslashes")
        void quotedPaths() {
            Map<String, Object> object = Map.of("data", Map.of("it's\\x", "AKIAIOSFODNN7EXAMPLE"));

            assertThat(redactor.object(object).redactions())
                    .extracting(Redaction::path)
                    .containsExactly("data['it\\'s\\\\x']");
        }

        @Test
        @DisplayName("a format refuses a negative group")
        void negativeGroup() {
            assertThatThrownBy(() ->
                            new ValueFormat("x", java.util.regex.Pattern.compile("a"), -1, Redaction.Rule.CONFIGURED))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("its parts")
    class Parts {

        @Test
        @DisplayName("names are split into words whatever their case and separators")
        void words() {
            assertThat(CredentialNames.words("dbPassword_FILE2")).containsExactly("db", "password", "file");
            assertThat(CredentialNames.words("APIKey")).containsExactly("api", "key");
            assertThat(CredentialNames.words("example.com/private-key"))
                    .containsExactly("example", "com", "private", "key");
        }

        @Test
        @DisplayName("a key word counts only after a word that owns a secret key")
        void keys() {
            CredentialNames names = CredentialNames.builtIn();

            assertThat(names.suggestsCredential("SIGNING_KEY", RedactionMode.CREDENTIALS))
                    .isTrue();
            assertThat(names.suggestsCredential("ROUTING_KEY", RedactionMode.CREDENTIALS))
                    .isFalse();
            assertThat(names.suggestsCredential("KEY", RedactionMode.CREDENTIALS))
                    .isFalse();
            assertThat(names.suggestsCredential("TOKEN_TTL", RedactionMode.STRICT))
                    .isTrue();
            assertThat(names.suggestsCredential("CACHE_TTL", RedactionMode.STRICT))
                    .isFalse();
        }

        @Test
        @DisplayName("the mode is read from its name in any case, and an unknown one is refused with the choices")
        void modes() {
            assertThat(RedactionMode.parse(" Strict ")).isEqualTo(RedactionMode.STRICT);
            assertThat(RedactionMode.parse("off")).isEqualTo(RedactionMode.OFF);
            assertThat(RedactionMode.CREDENTIALS).hasToString("credentials");
            assertThatThrownBy(() -> RedactionMode.parse("all"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("unknown redaction mode \"all\"; use one of credentials, strict, off");
            assertThatThrownBy(() -> RedactionMode.parse(null)).isInstanceOf(InvalidInputException.class);
        }

        @Test
        @DisplayName("a format hides a group that exists")
        void formatGroups() {
            assertThatThrownBy(() ->
                            new ValueFormat("x", java.util.regex.Pattern.compile("a(b)"), 2, Redaction.Rule.CONFIGURED))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(ValueFormat.configured(1, "a(b)").group()).isEqualTo(1);
            assertThat(ValueFormat.configured(1, "ab").group()).isZero();
        }
    }
}
