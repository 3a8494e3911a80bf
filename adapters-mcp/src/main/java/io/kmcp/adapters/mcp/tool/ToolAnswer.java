package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.Problem;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a tool answers, before a protocol lane puts it into its SDK's result: the text an agent reads,
 * the structured content its output schema describes, whether it is an error, and for a failure the
 * stable reason code clients may branch on.
 */
public record ToolAnswer(
        String text, Optional<Map<String, Object>> structured, boolean error, Optional<String> reason) {

    /** Where a failure's stable reason code goes in the result's {@code _meta}. */
    public static final String REASON_META_KEY = "io.kmcp/reason";

    public ToolAnswer {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(structured, "structured");
        Objects.requireNonNull(reason, "reason");
    }

    static ToolAnswer success(String text, Map<String, Object> structured) {
        return new ToolAnswer(text, Optional.of(structured), false, Optional.empty());
    }

    static ToolAnswer failure(String text) {
        return new ToolAnswer(text, Optional.empty(), true, Optional.empty());
    }

    /** A failure that still has the tool's structured answer, such as a report of what was and was not done. */
    static ToolAnswer failure(String text, Map<String, Object> structured) {
        return new ToolAnswer(text, Optional.of(structured), true, Optional.empty());
    }

    static ToolAnswer failure(Problem problem) {
        return new ToolAnswer(
                ProblemWords.of(problem),
                Optional.empty(),
                true,
                Optional.of(problem.reason().name()));
    }

    /** The result's {@code _meta}: the reason code of a failure, nothing otherwise. */
    public Map<String, Object> meta() {
        return reason.<Map<String, Object>>map(code -> Map.of(REASON_META_KEY, code))
                .orElse(Map.of());
    }
}
