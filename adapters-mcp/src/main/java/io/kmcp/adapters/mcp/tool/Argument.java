package io.kmcp.adapters.mcp.tool;

import io.kmcp.domain.budget.CharBudget;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One argument of a tool, written once: its name, its JSON schema (type, bounds, description) and
 * how its value is read. The input schema a client sees, the names a call may use and the typed
 * value a tool receives all come from here, so they cannot disagree.
 *
 * @param <T> what the tool receives: the value itself for a required argument, an {@link Optional}
 *     for an optional one
 */
public final class Argument<T> {

    /** {@code maxChars}, the bound on the text answer every tool takes. */
    static final Argument<CharBudget> MAX_CHARS = new Argument<>(
            Budgets.ARGUMENT,
            false,
            schema(
                    "integer",
                    "minimum",
                    CharBudget.MIN,
                    "maximum",
                    CharBudget.MAX,
                    "description",
                    "Upper bound on the length of the text answer, " + CharBudget.DEFAULT
                            + " characters when left out. A longer answer keeps its most important lines (headline,"
                            + " problems) and ends the cut parts with a line saying what was left out and which call"
                            + " gets it."),
            arguments -> CharBudget.of(arguments.optionalInteger(Budgets.ARGUMENT, CharBudget.MIN, CharBudget.MAX)));

    private final String name;
    private final boolean required;
    private final Map<String, Object> schema;
    private final Function<Arguments, T> reader;

    private Argument(String name, boolean required, Map<String, Object> schema, Function<Arguments, T> reader) {
        this.name = Objects.requireNonNull(name, "name");
        this.required = required;
        this.schema = Collections.unmodifiableMap(new LinkedHashMap<>(schema));
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** A string that must be present and not blank. */
    static Argument<String> requiredText(String name, int maxLength, String description) {
        return new Argument<>(
                name,
                true,
                schema("string", "minLength", 1, "maxLength", maxLength, "description", description),
                arguments -> arguments.requiredString(name, maxLength));
    }

    /** A string that may be left out; blank counts as left out. */
    static Argument<Optional<String>> text(String name, int maxLength, String description) {
        return new Argument<>(
                name,
                false,
                schema("string", "maxLength", maxLength, "description", description),
                arguments -> arguments.optionalString(name, maxLength));
    }

    /** An integer within bounds that may be left out. */
    static Argument<Optional<Integer>> integer(String name, int minimum, int maximum, String description) {
        return new Argument<>(
                name,
                false,
                schema("integer", "minimum", minimum, "maximum", maximum, "description", description),
                arguments -> arguments.optionalInteger(name, minimum, maximum));
    }

    /** {@code true} or {@code false}, or left out. */
    static Argument<Optional<Boolean>> flag(String name, String description) {
        return new Argument<>(
                name,
                false,
                schema("boolean", "description", description),
                arguments -> arguments.optionalBoolean(name));
    }

    /** One of a few words, any case, answered as the schema spells it; or left out. */
    static Argument<Optional<String>> choice(String name, List<String> choices, String description) {
        return new Argument<>(
                name,
                false,
                schema("string", "enum", List.copyOf(choices), "description", description),
                arguments -> arguments.optionalChoice(name, choices));
    }

    public String name() {
        return name;
    }

    public boolean required() {
        return required;
    }

    /** This argument's entry in the input schema's {@code properties}. */
    public Map<String, Object> schema() {
        return schema;
    }

    /** The value of this argument in a call, checked as the schema says; refusals name the argument. */
    T read(Arguments arguments) {
        return reader.apply(arguments);
    }

    private static Map<String, Object> schema(String type, Object... keysAndValues) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            schema.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return schema;
    }

    @Override
    public String toString() {
        return name;
    }
}
