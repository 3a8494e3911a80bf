package io.kmcp.adapters.mcp.tool;

import io.kmcp.domain.Texts;
import io.kmcp.domain.budget.CharBudget;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The JSON arguments of one tool call, read with the checks the input schema declares: no unknown
 * argument, the right JSON type, a bounded length. Each refusal names the argument and what to send
 * instead. JSON {@code null} counts as absent, and so does an empty optional string, as in the
 * original server ({@code namespace: ""} means all namespaces).
 */
public final class Arguments {

    private final String tool;
    private final Map<String, Object> values;

    private Arguments(String tool, Map<String, Object> values) {
        this.tool = tool;
        this.values = values;
    }

    static Arguments of(String tool, Map<String, Object> raw, List<String> accepted) {
        Map<String, Object> values = raw == null ? Map.of() : raw;
        TreeSet<String> unknown = new TreeSet<>(values.keySet());
        accepted.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new InvalidArgumentException((unknown.size() == 1 ? "Unknown argument " : "Unknown arguments ")
                    + String.join(", ", unknown.stream().map(Texts::quote).toList()) + "; " + tool + " accepts "
                    + String.join(", ", accepted) + ".");
        }
        return new Arguments(tool, values);
    }

    /** The value of a declared argument, checked as its schema says. */
    <T> T get(Argument<T> argument) {
        return argument.read(this);
    }

    String requiredString(String name, int maxLength) {
        return optionalString(name, maxLength)
                .orElseThrow(() ->
                        new InvalidArgumentException("The argument '" + name + "' is required and cannot be empty."));
    }

    Optional<String> optionalString(String name, int maxLength) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw wrongType(name, "a string", value);
        }
        if (text.length() > maxLength) {
            throw new InvalidArgumentException("The argument '" + name + "' is too long (" + text.length()
                    + " characters); at most " + maxLength + " are accepted.");
        }
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    Optional<Integer> optionalInteger(String name, int min, int max) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        BigInteger integer = integerValue(value).orElseThrow(() -> wrongType(name, "an integer", value));
        if (integer.compareTo(BigInteger.valueOf(min)) < 0 || integer.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new InvalidArgumentException(
                    "The argument '" + name + "' must be between " + min + " and " + max + ", was " + integer + ".");
        }
        return Optional.of(integer.intValueExact());
    }

    Optional<Boolean> optionalBoolean(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Boolean flag)) {
            throw wrongType(name, "true or false", value);
        }
        return Optional.of(flag);
    }

    /**
     * The {@code maxChars} budget of the text answer: the default when left out, refused with its
     * bounds when out of range.
     */
    CharBudget budget() {
        return get(Argument.MAX_CHARS);
    }

    /** One of a few fixed words, matched without regard to case, returned as the schema spells it. */
    Optional<String> optionalChoice(String name, List<String> choices) {
        Optional<String> value = optionalString(name, 64);
        if (value.isEmpty()) {
            return value;
        }
        return Optional.of(choices.stream()
                .filter(choice -> choice.equalsIgnoreCase(value.get().strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidArgumentException("The argument '" + name + "' must be one of "
                        + String.join(", ", choices) + ", was " + Texts.quote(value.get()) + ".")));
    }

    String tool() {
        return tool;
    }

    private static Optional<BigInteger> integerValue(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Optional.of(BigInteger.valueOf(((Number) value).longValue()));
        }
        if (value instanceof BigInteger big) {
            return Optional.of(big);
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            try {
                return Optional.of(new BigDecimal(value.toString()).toBigIntegerExact());
            } catch (ArithmeticException | NumberFormatException notWhole) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static InvalidArgumentException wrongType(String name, String expected, Object value) {
        return new InvalidArgumentException(
                "The argument '" + name + "' must be " + expected + ", but " + describe(value) + " was given.");
    }

    private static String describe(Object value) {
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        return "a " + value.getClass().getSimpleName();
    }
}
