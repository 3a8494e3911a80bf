package io.kmcp.adapters.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.adapters.mcp.support.FakeKubernetes;
import io.kmcp.adapters.mcp.support.TestClock;
import io.kmcp.domain.policy.AccessPolicy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ToolsTest {

    private static final FakeKubernetes KUBERNETES = new FakeKubernetes();
    private static final Tools ALL = Tools.of(
            new ResourceListTool(KUBERNETES, TestClock.CLOCK).declaration(),
            new WorkloadDiagnoseTool(KUBERNETES).declaration(),
            new ResourceApplyTool(KUBERNETES, KUBERNETES).declaration());

    @Test
    @DisplayName("Read-only serves every tool but those that change the cluster, and says nothing of applying")
    void readOnly() {
        Tools readOnly = ALL.selected(Set.of(), Set.of(), true);

        assertThat(readOnly.declarations())
                .extracting(ToolDeclaration::name)
                .containsExactly("resource_list", "workload_diagnose");
        assertThat(readOnly.instructions()).doesNotContain("resource_apply");
        assertThat(ALL.instructions()).contains("resource_apply");
    }

    @Test
    @DisplayName("An allow-list keeps only its tools, a deny-list drops its tools, in the declared order")
    void allowAndDeny() {
        assertThat(ALL.selected(Set.of("resource_apply", "resource_list"), Set.of(), false)
                        .declarations())
                .extracting(ToolDeclaration::name)
                .containsExactly("resource_list", "resource_apply");
        assertThat(ALL.selected(Set.of(), Set.of("workload_diagnose"), false).declarations())
                .extracting(ToolDeclaration::name)
                .containsExactly("resource_list", "resource_apply");
    }

    @Test
    @DisplayName("A prompt is served only with every tool its text names, so read-only keeps it")
    void promptsFollowTheirTools() {
        Tools withPrompt = Tools.of(
                        new ResourceGetTool(KUBERNETES).declaration(),
                        new WorkloadDiagnoseTool(KUBERNETES).declaration(),
                        new EventsListTool(KUBERNETES, TestClock.CLOCK).declaration(),
                        new ResourceApplyTool(KUBERNETES, KUBERNETES).declaration())
                .withPrompts(List.of(new InspectPrompt(KUBERNETES, AccessPolicy.builtIn()).declaration()));

        assertThat(withPrompt.selected(Set.of(), Set.of(), true).prompts())
                .extracting(PromptDeclaration::name)
                .containsExactly("inspect");
        assertThat(withPrompt
                        .selected(Set.of("resource_get", "workload_diagnose"), Set.of(), false)
                        .prompts())
                .isEmpty();
        assertThat(withPrompt.selected(Set.of(), Set.of("events_list"), false).prompts())
                .isEmpty();
        assertThat(ALL.prompts()).isEmpty();
    }

    @Test
    @DisplayName("A tool name that does not exist is refused with the names that do")
    void unknownName() {
        assertThatThrownBy(() -> ALL.selected(Set.of("resource_delete"), Set.of(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no tool resource_delete; k-mcp serves resource_list, workload_diagnose,"
                        + " resource_apply");
    }

    @Test
    @DisplayName("The descriptions and instructions name what the configured policy restricts, extras included")
    void restrictionsFromThePolicy() {
        AccessPolicy policy = AccessPolicy.withExtraRestrictions(List.of("configmaps"));
        Tools tools = Tools.of(
                policy,
                List.of(
                        new ResourceListTool(KUBERNETES, TestClock.CLOCK, policy).declaration(),
                        new ResourceGetTool(KUBERNETES, policy).declaration(),
                        new ResourceTypesTool(KUBERNETES, policy).declaration(),
                        new ResourceApplyTool(KUBERNETES, KUBERNETES, policy).declaration()));

        assertThat(tools.declarations())
                .allSatisfy(tool -> assertThat(tool.description())
                        .as(tool.name())
                        .contains("secrets, service accounts and RBAC objects (rbac.authorization.k8s.io), and also"
                                + " configmaps"));
        assertThat(tools.instructions()).contains("and also configmaps");
    }

    @Test
    @DisplayName("Two tools of one name are refused")
    void duplicateNames() {
        assertThatThrownBy(() -> Tools.of(
                        new ResourceListTool(KUBERNETES, TestClock.CLOCK).declaration(),
                        new ResourceListTool(KUBERNETES, TestClock.CLOCK).declaration()))
                .hasMessageContaining("two tools are named resource_list");
    }
}
