package io.kmcp.domain.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.domain.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The log filter")
class LogFilterTest {

    private static final String LOG = """
            2026-11-23T09:58:10Z INFO  starting web 1.4.2
            2026-11-23T09:58:11Z WARN  config: DB_POOL not set, using 10
            2026-11-23T09:58:11Z INFO  connecting to db:5432
            2026-11-23T09:58:12Z ERROR dial tcp 10.96.0.12:5432: connect: connection refused
            2026-11-23T09:58:12Z FATAL panic: cannot connect to database at db:5432
            """;

    private static LogFilter filter(String grep, int tail, int limit) {
        return LogFilter.of(Optional.ofNullable(grep), Optional.of(tail), Optional.of(limit));
    }

    private static int utf8(List<String> lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8).length;
    }

    @Nested
    @DisplayName("built from what a caller sent")
    class Building {

        @Test
        @DisplayName("defaults for what was left out; an empty grep is no grep")
        void defaults() {
            LogFilter filter = LogFilter.of(Optional.of(""), Optional.empty(), Optional.empty());

            assertThat(filter)
                    .isEqualTo(new LogFilter(
                            Optional.empty(), LogFilter.DEFAULT_TAIL_LINES, LogFilter.DEFAULT_LIMIT_BYTES));
            assertThat(LogFilter.DEFAULT_TAIL_LINES).isEqualTo(100);
            assertThat(LogFilter.MAX_TAIL_LINES).isEqualTo(5000);
            assertThat(LogFilter.DEFAULT_LIMIT_BYTES).isEqualTo(16_384);
            assertThat(LogFilter.MAX_LIMIT_BYTES).isEqualTo(1_048_576);
        }

        @Test
        @DisplayName("the bounds are inclusive")
        void bounds() {
            assertThat(filter("x", 1, 1).tailLines()).isEqualTo(1);
            assertThat(filter("x", LogFilter.MAX_TAIL_LINES, LogFilter.MAX_LIMIT_BYTES)
                            .limitBytes())
                    .isEqualTo(LogFilter.MAX_LIMIT_BYTES);
            assertThat(filter("x".repeat(LogFilter.MAX_GREP_LENGTH), 1, 1).grep())
                    .isPresent();
        }

        @Test
        @DisplayName("tailLines out of range is refused, naming the bounds and the default")
        void tailOutOfRange() {
            assertThatThrownBy(() -> filter(null, 0, 100))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("tailLines must be between 1 and 5000, was 0; leave it out for 100.");
            assertThatThrownBy(() -> filter(null, 5001, 100))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("was 5001");
        }

        @Test
        @DisplayName("limitBytes out of range is refused, naming the bounds and the default")
        void limitOutOfRange() {
            assertThatThrownBy(() -> filter(null, 10, 0))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("limitBytes must be between 1 and 1048576, was 0; leave it out for 16384.");
            assertThatThrownBy(() -> filter(null, 10, 1_048_577))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("was 1048577");
        }

        @Test
        @DisplayName("a grep too long is refused, with what to do instead")
        void grepTooLong() {
            assertThatThrownBy(() -> filter("x".repeat(201), 10, 100))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("grep is 201 characters long; at most 200 are allowed. Search for a shorter,"
                            + " distinctive part of the line.");
        }

        @Test
        @DisplayName("a grep with a control character is refused, quoted safely")
        void grepControlCharacter() {
            assertThatThrownBy(() -> filter("panic\nerror", 10, 100))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("grep 'panic\\u000aerror' holds a control character; logs are matched one line at a"
                            + " time, on plain text.");
        }

        @Test
        @DisplayName("a grep of nothing but bars searches for nothing and is refused")
        void grepOfBars() {
            assertThatThrownBy(() -> filter("||", 10, 100))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("grep '||' has nothing to search for; give text, or a|b for either.");
        }

        @Test
        @DisplayName("the grep must be an Optional")
        void grepRequired() {
            assertThatNullPointerException().isThrownBy(() -> new LogFilter(null, 10, 100));
        }
    }

    @Nested
    @DisplayName("applied to a log")
    class Applying {

        @Test
        @DisplayName("without grep: every line, the trailing newline ends the last one")
        void everything() {
            LogLines lines = filter(null, 100, 16_384).apply(LOG);

            assertThat(lines.lines()).hasSize(5).last().asString().endsWith("database at db:5432");
            assertThat(lines.matched()).isEqualTo(5);
            assertThat(lines.omitted()).isZero();
            assertThat(lines.scanned()).isEqualTo(5);
        }

        @Test
        @DisplayName("grep is literal and case-insensitive; a|b matches either")
        void grep() {
            LogLines lines = filter("error|FATAL", 100, 16_384).apply(LOG);

            assertThat(lines.lines())
                    .containsExactly(
                            "2026-11-23T09:58:12Z ERROR dial tcp 10.96.0.12:5432: connect: connection refused",
                            "2026-11-23T09:58:12Z FATAL panic: cannot connect to database at db:5432");
            assertThat(lines.matched()).isEqualTo(2);
            assertThat(lines.scanned()).isEqualTo(5);
        }

        @Test
        @DisplayName("regular expression characters mean themselves, so no pattern can run away")
        void literal() {
            LogLines lines = filter("10.96.0.12:5432|(a+)+$", 100, 16_384).apply(LOG + "10x96x0x12:5432\n");

            assertThat(lines.lines()).singleElement().asString().contains("dial tcp");
        }

        @Test
        @DisplayName("empty alternatives are ignored")
        void emptyAlternative() {
            assertThat(filter("|panic|", 100, 16_384).apply(LOG).lines()).hasSize(1);
        }

        @Test
        @DisplayName("the last tailLines of the matching lines, the rest counted as omitted")
        void tail() {
            LogLines lines = filter("Z", 2, 16_384).apply(LOG);

            assertThat(lines.lines()).hasSize(2).first().asString().contains("ERROR");
            assertThat(lines.matched()).isEqualTo(5);
            assertThat(lines.omitted()).isEqualTo(3);
        }

        @Test
        @DisplayName("Windows line ends lose their \\r; a log without final newline keeps its last line")
        void lineEnds() {
            LogLines lines = filter(null, 100, 1000).apply("one\r\ntwo\r\n\r\nthree");

            assertThat(lines.lines()).containsExactly("one", "two", "", "three");
            assertThat(lines.scanned()).isEqualTo(4);
        }

        @Test
        @DisplayName("an empty log has no lines")
        void emptyLog() {
            assertThat(filter(null, 100, 1000).apply("")).isEqualTo(new LogLines(List.of(), 0, 0, 0));
            assertThat(filter(null, 100, 1000).apply("\n").lines()).containsExactly("");
        }

        @Test
        @DisplayName("the newest lines that fit in limitBytes, counting the newlines between them")
        void byteLimit() {
            String log = "aaaa\nbbbb\ncccc\n";

            assertThat(filter(null, 100, 14).apply(log).lines()).containsExactly("aaaa", "bbbb", "cccc");
            assertThat(filter(null, 100, 13).apply(log).lines()).containsExactly("bbbb", "cccc");
            assertThat(filter(null, 100, 9).apply(log).lines()).containsExactly("bbbb", "cccc");
            assertThat(filter(null, 100, 8).apply(log)).isEqualTo(new LogLines(List.of("cccc"), 3, 2, 3));
        }

        @Test
        @DisplayName("multi-byte characters are counted in UTF-8 bytes")
        void multiByte() {
            String log = "é\n日本\n🙂\n";

            // é = 2 bytes, 日本 = 6, 🙂 = 4: 2 + 1 + 6 + 1 + 4 = 14
            assertThat(filter(null, 100, 14).apply(log).lines()).containsExactly("é", "日本", "🙂");
            assertThat(filter(null, 100, 13).apply(log).lines()).containsExactly("日本", "🙂");
            assertThat(filter(null, 100, 11).apply(log).lines()).containsExactly("日本", "🙂");
            assertThat(filter(null, 100, 10).apply(log).lines()).containsExactly("🙂");
        }

        @Test
        @DisplayName("a single line longer than the limit keeps its end after a mark, never splitting a character")
        void longLine() {
            String line = "start " + "日".repeat(10) + " 🙂end";

            LogLines lines = filter(null, 100, 20).apply("older\n" + line + "\n");

            assertThat(lines.lines()).containsExactly("…日日日 🙂end");
            assertThat(utf8(lines.lines())).isLessThanOrEqualTo(20);
            assertThat(lines.matched()).isEqualTo(2);
            assertThat(lines.omitted()).isEqualTo(1);
        }

        @Test
        @DisplayName("a surrogate pair is never split, whatever room is left")
        void surrogatePair() {
            assertThat(filter(null, 100, 7).apply("a🙂🙂").lines()).containsExactly("…🙂");
            assertThat(filter(null, 100, 6).apply("a🙂🙂").lines()).containsExactly("…");
            assertThat(filter(null, 100, 8).apply("a🙂🙂").lines()).containsExactly("…🙂");
        }

        @Test
        @DisplayName("a limit too small for the mark keeps what fits without it")
        void tinyLimit() {
            assertThat(filter(null, 100, 1).apply("hello").lines()).containsExactly("o");
            assertThat(filter(null, 100, 3).apply("hello").lines()).containsExactly("llo");
            assertThat(filter(null, 100, 4).apply("hello").lines()).containsExactly("…o");
            assertThat(filter(null, 100, 2).apply("hé").lines()).containsExactly("é");
            assertThat(filter(null, 100, 1).apply("hé").lines()).containsExactly("");
        }

        @Test
        @DisplayName("unpaired surrogates count as three bytes, so a size is never underestimated")
        void unpairedSurrogate() {
            assertThat(LogFilter.utf8("\ud800")).isEqualTo(3);
            assertThat(LogFilter.utf8("a\u07ff\u0800\uffff")).isEqualTo(1 + 2 + 3 + 3);
            assertThat(LogFilter.utf8("\u007f\u0080")).isEqualTo(1 + 2);
            assertThat(LogFilter.utf8("🙂")).isEqualTo(4);
            assertThat(LogFilter.utf8("\uD800\uDC00"))
                    .as("U+10000, the first beyond 16 bits")
                    .isEqualTo(4);
        }
    }
}
