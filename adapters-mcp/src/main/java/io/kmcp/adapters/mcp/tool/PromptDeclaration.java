package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.Caller;
import io.kmcp.application.port.in.Completion;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One prompt, declared once and served by every protocol lane, as a tool is: its name, title and
 * description, its arguments, the tools its text tells the agent to call (it is served only with
 * them), the text it renders, and the completion of its arguments. The checks of what a client sends
 * are here, so both lanes refuse the same things with the same words.
 */
public record PromptDeclaration(
        String name,
        String title,
        String description,
        List<PromptArgument> arguments,
        Set<String> tools,
        Text text,
        Completer completer) {

    /** The prompt's text for checked arguments: each required one present, each within its length. */
    @FunctionalInterface
    public interface Text {
        String render(Map<String, String> arguments);
    }

    /** The values that complete one argument, given the values typed in the others. */
    @FunctionalInterface
    public interface Completer {
        Completion complete(Caller caller, String argument, String prefix, Map<String, String> others);
    }

    public PromptDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        arguments = List.copyOf(arguments);
        tools = Set.copyOf(tools);
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(completer, "completer");
        Set<String> names = new HashSet<>();
        for (PromptArgument argument : arguments) {
            if (!names.add(argument.name())) {
                throw new IllegalArgumentException("prompt " + name + " declares " + argument.name() + " twice");
            }
        }
    }

    /**
     * The prompt's text for what a client sent.
     *
     * @throws PromptRefused for an argument the prompt does not take, a required one missing or blank,
     *     or a value too long
     */
    public String render(Map<String, ?> sent) {
        Map<String, String> values = new LinkedHashMap<>();
        (sent == null ? Map.<String, Object>of() : sent).forEach((key, value) -> {
            PromptArgument argument = argument(key);
            String text = value == null ? "" : value.toString().strip();
            values.put(key, withinLength(argument, text));
        });
        for (PromptArgument argument : arguments) {
            if (argument.required() && values.getOrDefault(argument.name(), "").isEmpty()) {
                throw new PromptRefused(
                        "The prompt " + name + " needs `" + argument.name() + "`: " + argument.description()
                                + " Send it among the arguments; completion/complete offers the values you may use.");
            }
        }
        return text.render(Map.copyOf(values));
    }

    /**
     * The values that complete the argument, with the caller's own permissions; none, and nothing
     * read, for a request not authenticated as a caller (which the endpoint does not let through).
     *
     * @param others the values already typed in the other arguments; those the prompt does not take are
     *     ignored, as a form may send more than it shows
     * @throws PromptRefused for an argument the prompt does not take, or a value too long
     */
    public Completion complete(
            Optional<Caller> caller, String argumentName, String prefix, Map<String, String> others) {
        PromptArgument argument = argument(argumentName);
        String typed = withinLength(argument, prefix == null ? "" : prefix);
        Map<String, String> context = new LinkedHashMap<>();
        (others == null ? Map.<String, String>of() : others).forEach((key, value) -> {
            if (value != null
                    && arguments.stream().anyMatch(known -> known.name().equals(key))) {
                context.put(key, value);
            }
        });
        return caller.map(who -> completer.complete(who, argument.name(), typed, Map.copyOf(context)))
                .orElseGet(Completion::none);
    }

    private PromptArgument argument(String argumentName) {
        return arguments.stream()
                .filter(argument -> argument.name().equals(argumentName))
                .findFirst()
                .orElseThrow(() -> new PromptRefused("The prompt " + name + " has no argument `" + argumentName
                        + "`; its arguments are " + String.join(", ", argumentNames()) + "."));
    }

    private static String withinLength(PromptArgument argument, String value) {
        if (value.length() > argument.maxChars()) {
            throw new PromptRefused("`" + argument.name() + "` is " + value.length() + " characters long; at most "
                    + argument.maxChars() + " are accepted.");
        }
        return value;
    }

    public List<String> argumentNames() {
        return arguments.stream().map(PromptArgument::name).toList();
    }
}
