package io.kmcp.adapters.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    private static final List<String> ACCEPTED = List.of("name", "limit", "flag");

    @Test
    @DisplayName("JSON null and an empty optional string count as absent")
    void nullAndBlankAreAbsent() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("name", "  ");
        raw.put("limit", null);
        Arguments arguments = Arguments.of("tool", raw, ACCEPTED);

        assertThat(arguments.optionalString("name", 10)).isEmpty();
        assertThat(arguments.optionalInteger("limit", 1, 5)).isEmpty();
        assertThatThrownBy(() -> arguments.requiredString("name", 10))
                .hasMessage("The argument 'name' is required and cannot be empty.");
    }

    @Test
    @DisplayName("An integer may arrive as a whole JSON number in any form, never as a fraction or a string")
    void integers() {
        assertThat(Arguments.of("tool", Map.of("limit", 10.0), ACCEPTED).optionalInteger("limit", 1, 50))
                .contains(10);
        assertThat(Arguments.of("tool", Map.of("limit", 7L), ACCEPTED).optionalInteger("limit", 1, 50))
                .contains(7);
        assertThatThrownBy(() ->
                        Arguments.of("tool", Map.of("limit", 1.5), ACCEPTED).optionalInteger("limit", 1, 50))
                .hasMessage("The argument 'limit' must be an integer, but a number was given.");
        assertThatThrownBy(() ->
                        Arguments.of("tool", Map.of("limit", 1e300), ACCEPTED).optionalInteger("limit", 1, 50))
                .hasMessageContaining("must be between 1 and 50");
        assertThatThrownBy(() ->
                        Arguments.of("tool", Map.of("limit", "5"), ACCEPTED).optionalInteger("limit", 1, 50))
                .hasMessage("The argument 'limit' must be an integer, but a string was given.");
    }

    @Test
    @DisplayName("Booleans must be JSON booleans and strings JSON strings")
    void types() {
        assertThat(Arguments.of("tool", Map.of("flag", true), ACCEPTED).optionalBoolean("flag"))
                .contains(true);
        assertThatThrownBy(() ->
                        Arguments.of("tool", Map.of("flag", "true"), ACCEPTED).optionalBoolean("flag"))
                .hasMessage("The argument 'flag' must be true or false, but a string was given.");
        assertThatThrownBy(() -> Arguments.of("tool", Map.of("name", List.of("a")), ACCEPTED)
                        .optionalString("name", 10))
                .hasMessage("The argument 'name' must be a string, but an array was given.");
    }

    @Test
    @DisplayName("Unknown arguments are refused, named and quoted safely, with the accepted ones listed")
    void unknownArguments() {
        assertThatThrownBy(() -> Arguments.of("tool", Map.of("nmae", "x", "evil\nline", 1), ACCEPTED))
                .hasMessage("Unknown arguments 'evil\\u000aline', 'nmae'; tool accepts name, limit, flag.");
    }
}
