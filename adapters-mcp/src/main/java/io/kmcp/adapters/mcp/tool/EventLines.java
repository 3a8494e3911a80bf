package io.kmcp.adapters.mcp.tool;

import io.kmcp.domain.diagnosis.EventGroup;
import io.kmcp.domain.diagnosis.ObjectRef;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Grouped events as one line each, the way every tool shows them. */
final class EventLines {

    /** An event message beyond this is noise for an agent; the whole one is in the object. */
    static final int MAX_MESSAGE_LENGTH = 300;

    private EventLines() {}

    /**
     * {@code Warning BackOff ×12 (last 30s ago) Pod web-abc: Back-off restarting failed container}.
     *
     * @param namespace the namespace the answer is about, "" for none: objects in it are named
     *     without it
     */
    static String line(EventGroup group, Instant now, String namespace) {
        StringBuilder line = new StringBuilder()
                .append(OneLine.bounded(group.type(), 20))
                .append(' ')
                .append(OneLine.bounded(group.reason(), 100));
        if (group.count() > 1) {
            line.append(" ×").append(group.count());
        }
        group.lastSeen()
                .ifPresent(seen -> line.append(" (last ")
                        .append(Age.format(Duration.between(seen, now)))
                        .append(" ago)"));
        return line.append(' ')
                .append(object(group.involved(), namespace))
                .append(": ")
                .append(OneLine.bounded(group.message(), MAX_MESSAGE_LENGTH))
                .toString();
    }

    /** {@code Pod web-abc} inside the namespace, {@code Pod shop/web-abc} outside it, {@code Node n1}. */
    static String object(ObjectRef ref, String namespace) {
        String name = ref.namespace().isEmpty() || ref.namespace().equals(namespace)
                ? ref.name()
                : ref.namespace() + "/" + ref.name();
        return OneLine.bounded(ref.kind().isEmpty() ? name : ref.kind() + " " + name, 200);
    }

    /** The structured form of a group. */
    static Map<String, Object> structured(EventGroup group) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", group.type());
        event.put("reason", group.reason());
        event.put("object", reference(group.involved()));
        event.put("count", group.count());
        group.firstSeen().ifPresent(seen -> event.put("firstSeen", seen.toString()));
        group.lastSeen().ifPresent(seen -> event.put("lastSeen", seen.toString()));
        event.put("message", group.message());
        return event;
    }

    /** {@code {"kind": "Pod", "namespace": "shop", "name": "web-abc"}}, the namespace absent when cluster-scoped. */
    static Map<String, Object> reference(ObjectRef ref) {
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("kind", ref.kind());
        if (!ref.namespace().isEmpty()) {
            reference.put("namespace", ref.namespace());
        }
        reference.put("name", ref.name());
        return reference;
    }

    /** The output schema of {@link #reference}. */
    static final String REFERENCE_SCHEMA = """
            {"type": "object", "properties": {"kind": {"type": "string"}, "namespace": {"type": "string"}, "name": {"type": "string"}}, "required": ["kind", "name"], "additionalProperties": false}""";

    /** The output schema of {@link #structured}. */
    static final String GROUP_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "type": {"type": "string", "description": "Normal or Warning."},
                "reason": {"type": "string"},
                "object": %s,
                "count": {"type": "integer", "description": "How many times it happened, summed over the grouped events."},
                "firstSeen": {"type": "string"},
                "lastSeen": {"type": "string"},
                "message": {"type": "string"}
              },
              "required": ["type", "reason", "object", "count", "message"],
              "additionalProperties": false
            }""".formatted(REFERENCE_SCHEMA);
}
