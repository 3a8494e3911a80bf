package io.kmcp.acceptance.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading the tool calls a k-mcp log records")
class ToolAuditLineTest {

    private static final String LOG = """
            2026-12-06T04:40:03.918Z  INFO 6143 --- [k-mcp] [           main] io.kmcp.bootstrap.KmcpApplication        : Starting KmcpApplication
            2026-12-06T04:41:00.001Z  INFO 6143 --- [k-mcp] [nio-8080-exec-1] io.kmcp.adapters.mcp.tool.ToolRunner     : tool=resource_apply cluster=default subject=system:serviceaccount:agents-x:agent outcome=input-required millis=41
            2026-12-06T05:41:00.002+01:00  INFO 6143 --- [k-mcp] [nio-8080-exec-2] io.kmcp.adapters.mcp.tool.ToolRunner     : tool=resource_list cluster=default subject=system:serviceaccount:agents-x:agent outcome=internal-error reference=0a1b2c millis=3
            2026-12-06T04:41:00.003Z  WARN 6143 --- [k-mcp] [nio-8080-exec-3] io.kmcp.adapters.mcp.tool.ToolRunner     : tool=resource_list outcome=refused reason=no-caller
            """;

    @Test
    @DisplayName("each audit line gives its time, tool, subject and outcome; other lines are left out")
    void readsAuditLines() {
        assertThat(ToolAuditLine.in(LOG))
                .containsExactly(
                        new ToolAuditLine(
                                Instant.parse("2026-12-06T04:41:00.001Z"),
                                "resource_apply",
                                "system:serviceaccount:agents-x:agent",
                                "input-required"),
                        new ToolAuditLine(
                                Instant.parse("2026-12-06T04:41:00.002Z"),
                                "resource_list",
                                "system:serviceaccount:agents-x:agent",
                                "internal-error"));
    }
}
