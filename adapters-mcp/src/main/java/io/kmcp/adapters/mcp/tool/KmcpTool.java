package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.Caller;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.List;

/**
 * One tool of k-mcp. Implementations read their arguments, call one use case with the caller and
 * render the answer; {@link ToolRunner} does the rest (the caller, errors, logging), so a new tool
 * (such as {@code resource_apply}) is one class and one line in {@link Tools}.
 */
interface KmcpTool {

    /** Name, description, input and output schemas and annotations, as {@code tools/list} shows them. */
    Tool definition();

    /** The argument names the input schema declares; any other is refused before {@link #call}. */
    List<String> argumentNames();

    /**
     * Carries out one call. Throws {@link io.kmcp.application.RequestFailedException} or {@link
     * InvalidArgumentException} for failures the caller can fix; they become {@code isError} results.
     */
    CallToolResult call(Caller caller, Arguments arguments, Conversation conversation);
}
