package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.Problem;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;

/** The two shapes of a tool's answer. */
final class Results {

    /** Where a failure's stable reason code goes, for clients that branch on it. */
    static final String REASON_META_KEY = "io.kmcp/reason";

    private Results() {}

    static CallToolResult success(String text, Map<String, Object> structuredContent) {
        return CallToolResult.builder()
                .addTextContent(text)
                .structuredContent(structuredContent)
                .isError(false)
                .build();
    }

    static CallToolResult failure(String text) {
        return CallToolResult.builder().addTextContent(text).isError(true).build();
    }

    /** A failure that still has the tool's structured answer, such as a report of what was and was not done. */
    static CallToolResult failure(String text, Map<String, Object> structuredContent) {
        return CallToolResult.builder()
                .addTextContent(text)
                .structuredContent(structuredContent)
                .isError(true)
                .build();
    }

    static CallToolResult failure(Problem problem) {
        return CallToolResult.builder()
                .addTextContent(problem.message())
                .isError(true)
                .meta(Map.of(REASON_META_KEY, problem.reason().name()))
                .build();
    }
}
