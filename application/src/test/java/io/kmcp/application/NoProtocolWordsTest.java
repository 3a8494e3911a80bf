package io.kmcp.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The use cases state facts and remedies; the inbound adapter words them as its tools and arguments.
 * A tool name (snake_case, as MCP tools are named) or an argument in backticks in the application's
 * sources would tie the core to one protocol's vocabulary.
 */
class NoProtocolWordsTest {

    private static final Pattern TOOL_OR_ARGUMENT =
            Pattern.compile("\"[^\"]*(\\b[a-z]+_[a-z]+\\b|`[a-zA-Z]+`)[^\"]*\"");

    @Test
    @DisplayName("No message of the application names an MCP tool or argument")
    void noToolOrArgumentNames() throws IOException {
        Path sources = Path.of(System.getProperty("kmcp.projectRoot", "..")).resolve("application/src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> offenders = files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(NoProtocolWordsTest::lines)
                    .filter(line -> TOOL_OR_ARGUMENT.matcher(line).find())
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    @Test
    @DisplayName("The check recognises a tool name and an argument in a message")
    void theCheckCanFail() {
        assertThat(TOOL_OR_ARGUMENT
                        .matcher("\"read it with resource_get instead\"")
                        .find())
                .isTrue();
        assertThat(TOOL_OR_ARGUMENT.matcher("\"give the `namespace` argument\"").find())
                .isTrue();
        assertThat(TOOL_OR_ARGUMENT
                        .matcher("\"No pod named \\\"web\\\" in namespace shop\"")
                        .find())
                .isFalse();
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(line -> file.getFileName() + ": " + line.strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
