package io.kmcp.adapters.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.application.port.in.AccessReport;
import io.kmcp.application.port.in.AccessReport.Check;
import io.kmcp.application.port.in.AccessReport.Grant;
import io.kmcp.domain.budget.CharBudget;
import io.kmcp.domain.budget.Rendered;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("access_review's answer")
class AccessReviewRenderingTest {

    private static final CharBudget DEFAULT = new CharBudget(CharBudget.DEFAULT);
    private static final String AGENT = "system:serviceaccount:shop:agent";
    private static final List<String> GROUPS = List.of("system:serviceaccounts", "system:authenticated");

    private static AccessReport rules(List<Grant> grants, boolean incomplete) {
        return new AccessReport(AGENT, GROUPS, Optional.of("shop"), grants, incomplete, Optional.empty());
    }

    private static AccessReport check(Check check) {
        return new AccessReport(AGENT, GROUPS, Optional.of("shop"), List.of(), false, Optional.of(check));
    }

    private static Grant grant(String resource, List<String> verbs, List<String> never, Optional<String> restricted) {
        return new Grant(resource, verbs, never, restricted, List.of());
    }

    @Test
    @DisplayName("identity alone: the user and groups, and how to ask for more")
    void identity() {
        AccessReport report = new AccessReport(AGENT, GROUPS, Optional.empty(), List.of(), false, Optional.empty());

        String text = AccessReviewTool.text(report, DEFAULT).text();

        assertThat(text)
                .isEqualTo(
                        "You are system:serviceaccount:shop:agent (groups: system:serviceaccounts,"
                                + " system:authenticated).\n"
                                + "Give `namespace` to see what you may do there, or `verb` and `resource` to check one action.");
        assertThat(AccessReviewTool.structured(report, false))
                .containsEntry("username", AGENT)
                .containsEntry("groups", GROUPS)
                .doesNotContainKeys("namespace", "check");
    }

    @Test
    @DisplayName("rules: one line per resource, restricted kinds and deletion marked")
    void rulesMarked() {
        AccessReport report = rules(
                List.of(
                        grant("pods", List.of("get", "list"), List.of("delete"), Optional.empty()),
                        grant("secrets", List.of("get"), List.of(), Optional.of("secrets is restricted")),
                        grant("*.*", List.of("*"), List.of("delete", "deletecollection"), Optional.empty())),
                false);

        String text = AccessReviewTool.text(report, DEFAULT).text();

        assertThat(text)
                .contains("RBAC grants in namespace shop (resource: verbs)")
                .contains("pods: get, list; delete never offered by k-mcp\n")
                .contains("secrets: get — restricted by k-mcp, whatever RBAC grants")
                .contains("*.*: *; delete, deletecollection never offered by k-mcp (except the kinds k-mcp restricts)")
                .doesNotContain("grants nothing");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> structuredRules = (List<Map<String, Object>>)
                AccessReviewTool.structured(report, false).get("rules");
        assertThat(structuredRules.get(1))
                .containsEntry("resource", "secrets")
                .containsEntry("restricted", true)
                .containsEntry("restrictedReason", "secrets is restricted");
        assertThat(structuredRules.get(0)).containsEntry("neverOffered", List.of("delete"));
    }

    @Test
    @DisplayName("a namespace where only the self-reviews are granted is said to grant nothing, with what to do")
    void nothingGranted() {
        AccessReport report = rules(
                List.of(grant(
                        "selfsubjectreviews.authentication.k8s.io", List.of("create"), List.of(), Optional.empty())),
                true);

        String text = AccessReviewTool.text(report, DEFAULT).text();

        assertThat(text)
                .contains("RBAC grants nothing in namespace shop")
                .contains("resource_list with resource=namespaces")
                .contains("more may be granted");
    }

    @Test
    @DisplayName("a check: yes or no with RBAC's reason; a deletion is no whatever RBAC says")
    void checks() {
        Check allowed = new Check(
                "get", "deployments.apps", Optional.of(true), "RBAC: allowed by RoleBinding", Optional.empty());
        Check denied = new Check("create", "pods", Optional.of(false), "", Optional.empty());
        Check deletion = new Check("delete", "pods", Optional.of(true), "", Optional.of("k-mcp never deletes"));

        assertThat(AccessReviewTool.text(check(allowed), DEFAULT).text())
                .endsWith(
                        "Yes: get deployments.apps in namespace shop: RBAC allows it (RBAC: allowed by RoleBinding).");
        assertThat(AccessReviewTool.text(check(denied), DEFAULT).text())
                .endsWith("No: create pods in namespace shop: RBAC denies it.");
        assertThat(AccessReviewTool.text(check(deletion), DEFAULT).text())
                .endsWith(
                        "No: delete pods in namespace shop is never done by k-mcp: k-mcp never deletes. RBAC allows it.");
        assertThat(AccessReviewTool.structured(check(deletion), false).get("check"))
                .isEqualTo(Map.of(
                        "verb", "delete",
                        "resource", "pods",
                        "allowed", false,
                        "rbacAllows", true,
                        "rbacReason", "",
                        "refusedByKmcp", "k-mcp never deletes"));
    }

    @Test
    @DisplayName("many rules fit maxChars: the identity stays, the rules are cut with a hint")
    void budgeted() {
        List<Grant> many = java.util.stream.IntStream.range(0, 200)
                .mapToObj(
                        i -> grant("widgets" + i + ".example.com", List.of("get", "list"), List.of(), Optional.empty()))
                .toList();

        Rendered rendered = AccessReviewTool.text(rules(many, false), new CharBudget(600));

        assertThat(rendered.truncated()).isTrue();
        assertThat(rendered.text()).startsWith("You are " + AGENT).hasSizeLessThanOrEqualTo(600);
    }
}
