package io.kmcp.adapters.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.adapters.mcp.support.FakeKubernetes;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ResourceApplyDefinitionTest {

    @Test
    @DisplayName("resource_apply keeps the original's name and argument, and is declared as applying, not reading")
    void definition() {
        ToolDeclaration tool = new ResourceApplyTool(new FakeKubernetes(), new FakeKubernetes()).declaration();

        assertThat(tool.name()).isEqualTo("resource_apply");
        assertThat(tool.inputSchema())
                .containsEntry("additionalProperties", false)
                .containsEntry("required", List.of("resourceYAML"));
        assertThat(tool.argumentNames())
                .containsExactly("resourceYAML", "dryRun", "confirm", "wait", "timeoutSeconds", "maxChars");
        assertThat(tool.effect()).isEqualTo(ToolDeclaration.Effect.APPLIES);
        assertThat(tool.readOnly()).isFalse();
    }
}
