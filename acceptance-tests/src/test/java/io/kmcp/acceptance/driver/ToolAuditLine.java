package io.kmcp.acceptance.driver;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line k-mcp logs for each tool call it ran ({@code tool=… cluster=… subject=… outcome=… millis=…}),
 * which is how the tests tell which replica answered a call: the client cannot see it.
 */
public record ToolAuditLine(Instant at, String tool, String subject, String outcome) {

    private static final Pattern LINE =
            Pattern.compile("^(\\S+)\\s.*\\stool=(\\S+) cluster=\\S+ subject=(\\S+) outcome=(\\S+)", Pattern.MULTILINE);

    /** Every tool call a k-mcp log records, in order. */
    public static List<ToolAuditLine> in(String log) {
        Matcher matcher = LINE.matcher(log);
        List<ToolAuditLine> lines = new ArrayList<>();
        while (matcher.find()) {
            lines.add(new ToolAuditLine(
                    OffsetDateTime.parse(matcher.group(1)).toInstant(),
                    matcher.group(2),
                    matcher.group(3),
                    matcher.group(4)));
        }
        return List.copyOf(lines);
    }
}
