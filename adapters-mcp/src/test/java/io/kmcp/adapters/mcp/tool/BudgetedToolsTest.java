package io.kmcp.adapters.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.adapters.mcp.support.FakeKubernetes;
import io.kmcp.adapters.mcp.support.TestClock;
import io.kmcp.adapters.mcp.support.Types;
import io.kmcp.application.BearerToken;
import io.kmcp.application.Caller;
import io.kmcp.application.port.in.ApplyReport;
import io.kmcp.application.port.in.ResourceDetail;
import io.kmcp.domain.apply.ApplyOutcome;
import io.kmcp.domain.apply.DocumentOutcome;
import io.kmcp.domain.apply.DocumentPreview;
import io.kmcp.domain.apply.Manifest;
import io.kmcp.domain.apply.PlannedChange;
import io.kmcp.domain.budget.CharBudget;
import io.kmcp.domain.type.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** maxChars on the tools that came before the budget: resource_get, resource_types, resource_apply. */
class BudgetedToolsTest {

    private static final Caller CALLER =
            new Caller("prod", "system:serviceaccount:a:agent", new BearerToken("t", TestClock.NOW.plusSeconds(60)));

    private final FakeKubernetes kubernetes = new FakeKubernetes();

    private static Map<String, Object> bigConfigMap() {
        Map<String, Object> data = new LinkedHashMap<>();
        IntStream.range(0, 400).forEach(i -> data.put("key-" + i, "value number " + i));
        Map<String, Object> configMap = new LinkedHashMap<>();
        configMap.put("apiVersion", "v1");
        configMap.put("kind", "ConfigMap");
        configMap.put("metadata", Map.of("name", "big", "namespace", "a"));
        configMap.put("data", data);
        return configMap;
    }

    @Test
    @DisplayName("resource_get cuts a large object at maxChars and names the maxChars that shows all of it")
    void getIsCut() {
        kubernetes.onGet((caller, query) -> new ResourceDetail(Types.PODS, bigConfigMap()));
        ToolRunner runner = new ToolRunner(new ResourceGetTool(kubernetes).declaration());

        ToolAnswer result = runner.run(
                Optional.of(CALLER),
                Map.of("resource", "cm", "name", "big", "namespace", "a", "maxChars", 1000),
                Conversations.CANNOT_ASK);

        String text = text(result);
        int whole = Yaml.of(bigConfigMap()).length();
        assertThat(result.error()).isFalse();
        assertThat(text.length()).isLessThanOrEqualTo(1000);
        assertThat(text)
                .startsWith("apiVersion: v1\n")
                .containsPattern("… \\d+ more lines omitted: call resource_get again with the same arguments and"
                        + " maxChars=" + (whole + 200) + " for the whole object");
        assertThat(result.structured().orElseThrow())
                .isEqualTo(Map.of("resource", "pods.v1", "object", bigConfigMap()));
    }

    @Test
    @DisplayName("resource_get without maxChars answers up to the default budget; a small object is whole")
    void getDefault() {
        kubernetes.onGet((caller, query) -> new ResourceDetail(Types.PODS, bigConfigMap()));
        ToolRunner runner = new ToolRunner(new ResourceGetTool(kubernetes).declaration());

        String text = text(runner.run(
                Optional.of(CALLER),
                Map.of("resource", "cm", "name", "big", "namespace", "a"),
                Conversations.CANNOT_ASK));

        assertThat(text.length()).isLessThanOrEqualTo(CharBudget.DEFAULT).isGreaterThan(CharBudget.DEFAULT - 400);
        assertThat(ResourceGetTool.text("kind: Pod\n", new CharBudget(CharBudget.MIN))
                        .text())
                .isEqualTo("kind: Pod");
    }

    @Test
    @DisplayName("resource_types in a small budget keeps the count and the header and says how to narrow")
    void typesAreCut() {
        List<ResourceType> types = IntStream.range(0, 100)
                .mapToObj(i -> new ResourceType(
                        "example.com",
                        "v1",
                        "Widget" + i,
                        "widgets" + i,
                        "widget" + i,
                        List.of(),
                        true,
                        java.util.EnumSet.of(io.kmcp.domain.type.Verb.GET)))
                .toList();

        String text = ResourceTypesTool.text(types, new CharBudget(800)).text();

        assertThat(text.length()).isLessThanOrEqualTo(800);
        assertThat(text)
                .startsWith("100 resource types\nNAME ")
                .contains("more lines omitted: narrow with group or namespaced, or call again with the same arguments"
                        + " and maxChars=8000");
    }

    @Test
    @DisplayName(
            "A failed apply in a small budget keeps the failure's reason and the next step before the other documents")
    void applyKeepsFailuresFirst() {
        List<DocumentOutcome> outcomes = new ArrayList<>();
        List<DocumentPreview> plan = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            Manifest manifest = Manifest.from(
                    i,
                    Map.of(
                            "apiVersion",
                            "v1",
                            "kind",
                            "ConfigMap",
                            "metadata",
                            Map.of("name", "settings-" + i, "namespace", "shop")));
            plan.add(new DocumentPreview(manifest, new PlannedChange.Create()));
            outcomes.add(new DocumentOutcome(
                    manifest,
                    i < 30
                            ? new ApplyOutcome.Created()
                            : new ApplyOutcome.Failed("admission webhook \"policy.example.com\" denied the request:"
                                    + " label team is required")));
        }
        ApplyReport report = new ApplyReport(ApplyReport.Status.FAILED, plan, outcomes);
        ApplyConfirmation confirmation = new ApplyConfirmation(CALLER, Conversations.CANNOT_ASK, true);

        String whole = ResourceApplyTool.text(report, CALLER, confirmation, new CharBudget(CharBudget.MAX));
        String cut = ResourceApplyTool.text(report, CALLER, confirmation, new CharBudget(900));

        assertThat(whole)
                .endsWith("\n")
                .contains("- document 30 (v1 ConfigMap shop/settings-30) will be created → failed:");
        assertThat(cut.length()).isLessThanOrEqualTo(900);
        assertThat(cut)
                .startsWith("Failed: applying stopped at a document that failed;")
                .contains("## Failed\n- document 30 (v1 ConfigMap shop/settings-30) will be created → failed: admission"
                        + " webhook \"policy.example.com\" denied the request: label team is required")
                .contains("more lines omitted: structuredContent.documents lists every document")
                .endsWith("Fix the failed document and send the whole request again: the documents already applied"
                        + " come out unchanged.");
    }

    private static String text(ToolAnswer result) {
        return result.text();
    }
}
