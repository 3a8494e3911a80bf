package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One tool, declared once and served by every protocol lane: its name, title and description, what
 * it does to a cluster (which gives its annotations), its arguments (which give the input schema, the
 * names a call may use and the typed reading), its output schema, and its call. A lane only adapts
 * this to its SDK's types; nothing about a tool is written twice.
 *
 * <p>Every tool takes {@code maxChars}: it is added after the tool's own arguments.
 */
public record ToolDeclaration(
        String name,
        String title,
        String description,
        Effect effect,
        List<Argument<?>> arguments,
        Map<String, Object> outputSchema,
        Handler handler) {

    /** What a call does to the cluster, as the tool annotations tell a client. */
    public enum Effect {
        /** Reads only: read-only, not destructive, idempotent. */
        READS,
        /** Writes by server-side apply: not read-only, may change objects, idempotent. */
        APPLIES
    }

    /** The call of the tool, with arguments already checked against the declared names. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Throws {@link io.kmcp.application.RequestFailedException}, {@link InvalidArgumentException}
         * or {@link io.kmcp.domain.InvalidInputException} for failures the caller can fix.
         */
        ToolAnswer call(Caller caller, Arguments arguments, Conversation conversation);
    }

    public ToolDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(outputSchema, "outputSchema");
        Objects.requireNonNull(handler, "handler");
        List<Argument<?>> all = new ArrayList<>(arguments);
        if (all.stream().noneMatch(argument -> argument.name().equals(Argument.MAX_CHARS.name()))) {
            all.add(Argument.MAX_CHARS);
        }
        if (all.stream().map(Argument::name).distinct().count() != all.size()) {
            throw new IllegalArgumentException("tool " + name + " declares an argument twice: " + all);
        }
        arguments = List.copyOf(all);
        outputSchema = Json.immutable(outputSchema);
    }

    /** The names a call may use; any other is refused before the handler runs. */
    public List<String> argumentNames() {
        return arguments.stream().map(Argument::name).toList();
    }

    /** The JSON schema of the arguments: an object of the declared properties, and no other. */
    public Map<String, Object> inputSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        arguments.forEach(argument -> properties.put(argument.name(), argument.schema()));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        List<String> required = arguments.stream()
                .filter(Argument::required)
                .map(Argument::name)
                .toList();
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        return Json.immutable(schema);
    }

    public boolean readOnly() {
        return effect == Effect.READS;
    }
}
