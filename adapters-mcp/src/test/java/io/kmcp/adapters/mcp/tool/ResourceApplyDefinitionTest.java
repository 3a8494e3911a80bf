package io.kmcp.adapters.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ResourceApplyDefinitionTest {

    @Test
    @DisplayName(
            "resource_apply keeps the original's name and argument, is neither read-only nor destructive-free, and is idempotent")
    void definition() {
        Tool tool = ResourceApplyDefinition.definition().build();

        assertThat(tool.name()).isEqualTo("resource_apply");
        assertThat(tool.inputSchema())
                .containsEntry("additionalProperties", false)
                .containsEntry("required", List.of("resourceYAML"));
        assertThat(tool.annotations().readOnlyHint()).isFalse();
        assertThat(tool.annotations().destructiveHint()).isTrue();
        assertThat(tool.annotations().idempotentHint()).isTrue();
        assertThat(tool.annotations().openWorldHint()).isTrue();
    }
}
