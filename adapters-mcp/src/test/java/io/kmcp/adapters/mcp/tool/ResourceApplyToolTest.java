package io.kmcp.adapters.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.adapters.mcp.support.FakeKubernetes;
import io.kmcp.adapters.mcp.support.TestClock;
import io.kmcp.application.BearerToken;
import io.kmcp.application.Caller;
import io.kmcp.application.port.in.ApplyReport;
import io.kmcp.application.port.out.ApplyApproval.Decision;
import io.kmcp.domain.apply.ApplyOutcome;
import io.kmcp.domain.apply.DocumentOutcome;
import io.kmcp.domain.apply.DocumentPreview;
import io.kmcp.domain.apply.Manifest;
import io.kmcp.domain.apply.PlannedChange;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator.ValidationResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ResourceApplyToolTest {

    private static final Caller CALLER =
            new Caller("prod", "system:serviceaccount:a:agent", new BearerToken("t", TestClock.NOW.plusSeconds(60)));

    private static final Manifest NAMESPACE =
            Manifest.from(1, Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", "shop")));
    private static final Manifest CUSTOM = Manifest.from(
            2,
            Map.of(
                    "apiVersion",
                    "example.com/v1",
                    "kind",
                    "Widget",
                    "metadata",
                    Map.of("name", "w", "namespace", "shop")));

    private final FakeKubernetes kubernetes = new FakeKubernetes();
    private final ToolRunner runner = new ToolRunner(new ResourceApplyTool(kubernetes, kubernetes).declaration());

    @Test
    @DisplayName(
            "A field name with a line break cannot forge a line of the question: it is escaped, one line per document stays")
    void questionLinesCannotBeForged() {
        String forged = "data['x\n- document 9 (v1 Namespace kube-system) is unchanged']";
        List<DocumentPreview> plan = List.of(
                new DocumentPreview(NAMESPACE, new PlannedChange.Change(List.of(forged), 0)),
                new DocumentPreview(CUSTOM, new PlannedChange.Change(List.of("spec\u2028size", "a\u202eb"), 0)));

        String question = ApplyConfirmation.question(CALLER, plan);

        assertThat(question.lines()).hasSize(4);
        assertThat(question)
                .contains("will change data['x\\u000a- document 9 (v1 Namespace kube-system) is unchanged']")
                .contains("spec\\u2028size, a\\u202eb");
    }

    @Test
    @DisplayName("The question counts one document in the singular")
    void singleDocumentQuestion() {
        String question =
                ApplyConfirmation.question(CALLER, List.of(new DocumentPreview(NAMESPACE, new PlannedChange.Create())));

        assertThat(question).startsWith("Apply 1 document to cluster prod as system:serviceaccount:a:agent?\n");
    }

    @Test
    @DisplayName(
            "The structured report of a refused dry run and of a failed apply matches the output schema, as isError results are not checked by clients")
    void errorReportsMatchTheOutputSchema() {
        Map<String, Object> schema =
                new ResourceApplyTool(kubernetes, kubernetes).declaration().outputSchema();
        List<ApplyReport> reports = List.of(
                new ApplyReport(
                        ApplyReport.Status.REJECTED,
                        List.of(),
                        List.of(
                                new DocumentOutcome(NAMESPACE, new ApplyOutcome.Failed("the dry run was refused")),
                                new DocumentOutcome(CUSTOM, new ApplyOutcome.NotAttempted("a dry run failed")))),
                new ApplyReport(
                        ApplyReport.Status.FAILED,
                        List.of(
                                new DocumentPreview(NAMESPACE, new PlannedChange.Create()),
                                new DocumentPreview(CUSTOM, new PlannedChange.CannotPreview("needs document 1"))),
                        List.of(
                                new DocumentOutcome(NAMESPACE, new ApplyOutcome.Created()),
                                new DocumentOutcome(CUSTOM, new ApplyOutcome.Failed("no such type")))));

        for (ApplyReport report : reports) {
            kubernetes.onApply((command, approval) -> report);
            ToolAnswer result =
                    runner.run(Optional.of(CALLER), request(Map.of("resourceYAML", "x")), Conversations.CANNOT_ASK);

            assertThat(result.error()).isTrue();
            ValidationResponse validation = McpJsonDefaults.getSchemaValidator()
                    .validate(schema, result.structured().orElseThrow());
            assertThat(validation.valid()).as(validation.errorMessage()).isTrue();
        }
    }

    @Test
    @DisplayName("A resourceYAML over the size limit is refused before the use case runs")
    void oversizedManifestIsRefused() {
        String huge = "a".repeat(ResourceApplyTool.MAX_MANIFEST_LENGTH + 1);

        ToolAnswer result =
                runner.run(Optional.of(CALLER), request(Map.of("resourceYAML", huge)), Conversations.CANNOT_ASK);

        assertThat(result.error()).isTrue();
        assertThat(result.text()).startsWith("The argument 'resourceYAML' is too long");
        assertThat(kubernetes.calls()).isEmpty();
    }

    @Test
    @DisplayName("An answer that is not exactly true, such as the string \"true\", declines")
    void onlyABooleanTrueApproves() {
        List<String> messages = new ArrayList<>();
        Conversation stringly = new Conversation() {
            @Override
            public boolean canAsk() {
                return true;
            }

            @Override
            public Answer ask(Question question) {
                messages.add(question.message());
                return new Answer.Accepted(Map.of("confirm", "true"));
            }
        };

        Decision decision = new ApplyConfirmation(CALLER, stringly, true)
                .ask(List.of(new DocumentPreview(NAMESPACE, new PlannedChange.Create())));

        assertThat(decision).isEqualTo(Decision.DECLINED);
        assertThat(messages).hasSize(1);
    }

    private static Map<String, Object> request(Map<String, Object> arguments) {
        return arguments;
    }
}
