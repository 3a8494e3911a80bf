package io.kmcp.domain.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.domain.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Values of a read")
class ValuesTest {

    @Nested
    @DisplayName("a namespace name")
    class Namespaces {

        @Test
        @DisplayName("is a DNS-1123 label")
        void accepts() {
            assertThat(new NamespaceName("team-a")).hasToString("team-a");
            assertThat(new NamespaceName("a".repeat(63)).value()).hasSize(63);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Team", "team_a", "-a", "a.b", ""})
        @DisplayName("refuses anything else, saying what a namespace name looks like")
        void rejects(String text) {
            assertThatThrownBy(() -> new NamespaceName(text))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("The namespace '" + text + "' is not a valid namespace name: use at most 63 lower-case"
                            + " letters, digits and '-', starting and ending with a letter or digit (e.g. team-a).");
        }

        @Test
        @DisplayName("refuses 64 characters")
        void rejectsLong() {
            assertThatThrownBy(() -> new NamespaceName("a".repeat(64))).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> new NamespaceName(null)).isInstanceOf(InvalidInputException.class);
        }

        @Test
        @DisplayName("left out or blank means none; surrounding spaces are dropped")
        void optional() {
            assertThat(NamespaceName.ofNullable(null)).isEmpty();
            assertThat(NamespaceName.ofNullable("  ")).isEmpty();
            assertThat(NamespaceName.ofNullable(" shop ")).contains(new NamespaceName("shop"));
        }
    }

    @Nested
    @DisplayName("an object name")
    class ObjectNames {

        @Test
        @DisplayName("is a DNS-1123 subdomain of up to 253 characters")
        void accepts() {
            assertThat(new ObjectName("web-0.shop")).hasToString("web-0.shop");
            assertThat(new ObjectName("a".repeat(253)).value()).hasSize(253);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Web", "web_0", "web/0", "web.", "system:admin"})
        @DisplayName("refuses anything else, saying what a name looks like")
        void rejects(String text) {
            assertThatThrownBy(() -> new ObjectName(text))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("The object name '" + text + "' is not a valid Kubernetes name: use at most 253"
                            + " lower-case letters, digits, '-' and '.', starting and ending with a letter or digit"
                            + " (e.g. web-0).");
            assertThatThrownBy(() -> new ObjectName("a".repeat(254))).isInstanceOf(InvalidInputException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " "})
        @DisplayName("refuses an empty name, asking for one")
        void rejectsEmpty(String text) {
            assertThatThrownBy(() -> new ObjectName(text))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("The object name is empty; give the name of the object, e.g. web-0.");
            assertThatThrownBy(() -> new ObjectName(null)).isInstanceOf(InvalidInputException.class);
        }
    }

    @Nested
    @DisplayName("a selector")
    class Selectors {

        @Test
        @DisplayName("is kept as written, without surrounding spaces, for the API server to check")
        void keeps() {
            assertThat(new LabelSelector(" app=web,tier in (a, b) ")).hasToString("app=web,tier in (a, b)");
            assertThat(new FieldSelector("status.phase=Running")).hasToString("status.phase=Running");
        }

        @Test
        @DisplayName("left out or blank means none")
        void optional() {
            assertThat(LabelSelector.ofNullable(null)).isEmpty();
            assertThat(LabelSelector.ofNullable(" ")).isEmpty();
            assertThat(LabelSelector.ofNullable("app=web")).contains(new LabelSelector("app=web"));
            assertThat(FieldSelector.ofNullable(null)).isEmpty();
            assertThat(FieldSelector.ofNullable("")).isEmpty();
            assertThat(FieldSelector.ofNullable("a=b")).contains(new FieldSelector("a=b"));
        }

        @Test
        @DisplayName("has at most 1024 characters")
        void bounded() {
            assertThat(new LabelSelector("a".repeat(1024)).value()).hasSize(1024);
            assertThatThrownBy(() -> new LabelSelector("a".repeat(1025)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("The label selector is 1025 characters long; at most 1024 are accepted. Select with"
                            + " fewer terms.");
        }

        @Test
        @DisplayName("has no control characters")
        void noControlCharacters() {
            assertThatThrownBy(() -> new FieldSelector("status.phase=Running\nx"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("The field selector 'status.phase=Running\\u000ax' contains a control character"
                            + " (newline, tab …); write it on one line, e.g. status.phase=Running.");
        }

        @Test
        @DisplayName("is not empty when given")
        void notEmpty() {
            assertThatThrownBy(() -> new LabelSelector(" "))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("The label selector is empty; leave it out to select everything");
            assertThatThrownBy(() -> new FieldSelector(null)).isInstanceOf(InvalidInputException.class);
        }
    }

    @Nested
    @DisplayName("a page limit")
    class Limits {

        @Test
        @DisplayName("is 50 unless given")
        void defaults() {
            assertThat(PageLimit.ofNullable(null)).isEqualTo(new PageLimit(50));
            assertThat(PageLimit.defaultLimit().value()).isEqualTo(PageLimit.DEFAULT);
            assertThat(PageLimit.ofNullable(7)).isEqualTo(new PageLimit(7));
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 500})
        @DisplayName("a caller may ask for 1 to 500")
        void inRange(int value) {
            assertThat(PageLimit.ofNullable(value).value()).isEqualTo(value);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 501, Integer.MAX_VALUE})
        @DisplayName("out of range for a caller is refused, never silently clamped, naming the maximum")
        void outOfRange(int value) {
            assertThatThrownBy(() -> PageLimit.ofNullable(value))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("The limit " + value + " is out of range; ask for 1 to 500 objects per page (default"
                            + " 50) and follow the continue token for more.");
        }

        @Test
        @DisplayName("k-mcp's own reads take larger pages, but never an empty one")
        void ownReads() {
            assertThat(new PageLimit(2000).value()).isEqualTo(2000);
            assertThatThrownBy(() -> new PageLimit(0))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("The limit 0 is out of range");
        }
    }

    @Nested
    @DisplayName("a look-back in seconds")
    class LookBack {

        @ParameterizedTest
        @ValueSource(ints = {1, 30 * 24 * 3600})
        @DisplayName("is one second to thirty days")
        void inRange(int seconds) {
            assertThat(new SinceSeconds(seconds).value()).isEqualTo(seconds);
            assertThat(new SinceSeconds(seconds)).hasToString(Integer.toString(seconds));
            assertThat(SinceSeconds.MAX).isEqualTo(2_592_000);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -5, 30 * 24 * 3600 + 1})
        @DisplayName("anything else is refused, naming the range")
        void outOfRange(int seconds) {
            assertThatThrownBy(() -> new SinceSeconds(seconds))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("sinceSeconds must be between 1 and 2592000 (30 days), was " + seconds + ".");
        }
    }

    @Nested
    @DisplayName("a continue token")
    class ContinueTokens {

        @Test
        @DisplayName("is passed on as the server issued it")
        void keeps() {
            assertThat(new ContinueToken("eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MTIzfQ=="))
                    .hasToString("eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MTIzfQ==");
            assertThat(new ContinueToken("a".repeat(4096)).value()).hasSize(4096);
        }

        @Test
        @DisplayName("left out or blank means the first page")
        void optional() {
            assertThat(ContinueToken.ofNullable(null)).isEmpty();
            assertThat(ContinueToken.ofNullable(" ")).isEmpty();
            assertThat(ContinueToken.ofNullable("abc")).contains(new ContinueToken("abc"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc\n", " abc", "abc ", "a\u0000b"})
        @DisplayName("refuses a token no server issued")
        void rejectsMalformed(String token) {
            assertThatThrownBy(() -> new ContinueToken(token))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("The continue token is malformed; pass the token the previous page returned,"
                            + " unchanged, or leave it out to start again from the first page.");
            assertThatThrownBy(() -> new ContinueToken("a".repeat(4097))).isInstanceOf(InvalidInputException.class);
        }

        @Test
        @DisplayName("refuses an empty token")
        void rejectsEmpty() {
            assertThatThrownBy(() -> new ContinueToken(""))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("The continue token is empty");
            assertThatThrownBy(() -> new ContinueToken(null)).isInstanceOf(InvalidInputException.class);
        }
    }
}
