package io.kmcp.adapters.mcp;

import static io.kmcp.adapters.mcp.support.McpClients.call;
import static io.kmcp.adapters.mcp.support.McpClients.structured;
import static io.kmcp.adapters.mcp.support.McpClients.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.adapters.mcp.support.FakeKubernetes;
import io.kmcp.adapters.mcp.support.McpClients;
import io.kmcp.adapters.mcp.support.McpTestApplication;
import io.kmcp.adapters.mcp.support.TestTokens;
import io.kmcp.application.Problem;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.ApplyCommand;
import io.kmcp.application.port.in.ApplyReport;
import io.kmcp.application.port.out.ApplyApproval.Decision;
import io.kmcp.domain.apply.ApplyOutcome;
import io.kmcp.domain.apply.DocumentOutcome;
import io.kmcp.domain.apply.DocumentPreview;
import io.kmcp.domain.apply.Manifest;
import io.kmcp.domain.apply.PlannedChange;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ElicitFormRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code resource_apply} through the SDK client over real HTTP: how the confirmation is asked and
 * what each outcome of the use case looks like to the agent. The client checks every successful
 * result against the output schema.
 */
@SpringBootTest(classes = McpTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResourceApplyOverHttpTest {

    private static final String SUBJECT = "system:serviceaccount:team-a:agent";
    private static final String YAML = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\n…";

    private static final Manifest NAMESPACE =
            Manifest.from(1, Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", "shop")));
    private static final Manifest DEPLOYMENT = Manifest.from(
            2,
            Map.of(
                    "apiVersion",
                    "apps/v1",
                    "kind",
                    "Deployment",
                    "metadata",
                    Map.of("name", "web", "namespace", "shop"),
                    "spec",
                    Map.of("replicas", 3)));
    private static final Manifest CONFIG_MAP = Manifest.from(
            3,
            Map.of(
                    "apiVersion",
                    "v1",
                    "kind",
                    "ConfigMap",
                    "metadata",
                    Map.of("name", "settings", "namespace", "shop"),
                    "data",
                    Map.of("mode", "fast")));

    private static final List<DocumentPreview> PLAN = List.of(
            new DocumentPreview(NAMESPACE, new PlannedChange.Create()),
            new DocumentPreview(DEPLOYMENT, new PlannedChange.Change(List.of("spec.replicas"), 0)),
            new DocumentPreview(CONFIG_MAP, new PlannedChange.Unchanged()));
    private static final List<DocumentOutcome> APPLIED = List.of(
            new DocumentOutcome(NAMESPACE, new ApplyOutcome.Created()),
            new DocumentOutcome(DEPLOYMENT, new ApplyOutcome.Configured(List.of("spec.replicas"))),
            new DocumentOutcome(CONFIG_MAP, new ApplyOutcome.Unchanged()));

    private static final ElicitResult CONFIRMED = new ElicitResult(ElicitResult.Action.ACCEPT, Map.of("confirm", true));

    @LocalServerPort
    int port;

    @Autowired
    FakeKubernetes kubernetes;

    private final List<ElicitFormRequest> questions = new CopyOnWriteArrayList<>();

    @BeforeEach
    void planOfThreeDocuments() {
        kubernetes.reset();
        questions.clear();
        kubernetes.onApply(PLAN, APPLIED);
    }

    @Test
    @DisplayName(
            "A confirmed question applies: the approval is APPROVED and the answer reports each document's plan and outcome")
    void confirmedQuestionApplies() {
        CallToolResult result = apply(answering(CONFIRMED), Map.of("resourceYAML", YAML));

        assertThat(result.isError()).isFalse();
        assertThat(kubernetes.decisions()).containsExactly(Decision.APPROVED);
        assertThat(kubernetes.calls()).singleElement().satisfies(call -> {
            assertThat(call.query()).isEqualTo(new ApplyCommand(YAML, false));
            assertThat(call.caller().subject()).isEqualTo(SUBJECT);
        });
        assertThat(text(result)).isEqualTo("""
                        Applied 3 documents on cluster test-cluster: 1 created, 1 configured, 1 unchanged.
                        - document 1 (v1 Namespace shop) will be created → created
                        - document 2 (apps/v1 Deployment shop/web) will change spec.replicas → configured (spec.replicas)
                        - document 3 (v1 ConfigMap shop/settings) is unchanged → unchanged
                        """);
        assertThat(structured(result))
                .containsEntry("status", "APPLIED")
                .containsEntry("applied", true)
                .containsEntry(
                        "documents",
                        List.of(
                                document("document 1", "v1", "Namespace", null, "shop", "will be created", "created"),
                                document(
                                        "document 2",
                                        "apps/v1",
                                        "Deployment",
                                        "shop",
                                        "web",
                                        "will change spec.replicas",
                                        "configured (spec.replicas)"),
                                document(
                                        "document 3",
                                        "v1",
                                        "ConfigMap",
                                        "shop",
                                        "settings",
                                        "is unchanged",
                                        "unchanged")));
    }

    @Test
    @DisplayName(
            "The question is one form with a required boolean 'confirm', naming cluster and subject, one real line per document")
    void questionShowsThePlan() {
        apply(answering(CONFIRMED), Map.of("resourceYAML", YAML));

        assertThat(questions).singleElement().satisfies(question -> {
            assertThat(question.message())
                    .isEqualTo("Apply 3 documents to cluster test-cluster as " + SUBJECT + "?\n"
                            + "- document 1 (v1 Namespace shop) will be created\n"
                            + "- document 2 (apps/v1 Deployment shop/web) will change spec.replicas\n"
                            + "- document 3 (v1 ConfigMap shop/settings) is unchanged\n"
                            + "Server-side apply as field manager k-mcp: conflicts are not forced, nothing is deleted.")
                    .doesNotContain("\\n");
            assertThat(question.requestedSchema()).containsEntry("required", List.of("confirm"));
            assertThat(question.requestedSchema().get("properties"))
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsOnlyKeys("confirm")
                    .extractingByKey("confirm")
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("type", "boolean");
        });
    }

    @Test
    @DisplayName("Submitting the form with confirm: false applies nothing and is DECLINED, not an error")
    void acceptedWithoutConfirmIsDeclined() {
        CallToolResult result = apply(
                answering(new ElicitResult(ElicitResult.Action.ACCEPT, Map.of("confirm", false))),
                Map.of("resourceYAML", YAML));

        assertThat(kubernetes.decisions()).containsExactly(Decision.DECLINED);
        assertThat(result.isError()).isFalse();
        assertThat(structured(result)).containsEntry("status", "DECLINED").containsEntry("applied", false);
    }

    @Test
    @DisplayName("Declining applies nothing and is reported as DECLINED with the plan and no outcomes, not as an error")
    void declinedIsNotAnError() {
        CallToolResult result =
                apply(answering(new ElicitResult(ElicitResult.Action.DECLINE, null)), Map.of("resourceYAML", YAML));

        assertThat(kubernetes.decisions()).containsExactly(Decision.DECLINED);
        assertThat(result.isError()).isFalse();
        assertThat(text(result))
                .startsWith("Declined: the user did not approve the plan, so nothing was applied.\n")
                .contains("- document 2 (apps/v1 Deployment shop/web) will change spec.replicas\n")
                .doesNotContain("→")
                .contains("Do not apply it again unless the user asks");
        assertThat(structured(result)).containsEntry("status", "DECLINED").containsEntry("applied", false);
        assertThat(documents(result))
                .hasSize(3)
                .allSatisfy(document -> assertThat(document).doesNotContainKey("outcome"));
    }

    @Test
    @DisplayName("Cancelling applies nothing and is reported as CANCELLED, not as an error")
    void cancelledIsNotAnError() {
        CallToolResult result =
                apply(answering(new ElicitResult(ElicitResult.Action.CANCEL, null)), Map.of("resourceYAML", YAML));

        assertThat(kubernetes.decisions()).containsExactly(Decision.CANCELLED);
        assertThat(result.isError()).isFalse();
        assertThat(text(result))
                .startsWith("Cancelled: the user dismissed the confirmation question, so nothing was applied.\n");
        assertThat(structured(result)).containsEntry("status", "CANCELLED").containsEntry("applied", false);
    }

    @Test
    @DisplayName("A question that fails on the client counts as cancelled: nothing is applied, and the answer says why")
    void failedQuestionIsCancelled() {
        CallToolResult result = apply(
                question -> {
                    questions.add(question);
                    throw new IllegalStateException("the user's screen is locked");
                },
                Map.of("resourceYAML", YAML));

        assertThat(questions).hasSize(1);
        assertThat(kubernetes.decisions()).containsExactly(Decision.CANCELLED);
        assertThat(result.isError()).isFalse();
        assertThat(text(result)).startsWith("Cancelled: no answer came to the confirmation question (");
        assertThat(structured(result)).containsEntry("status", "CANCELLED");
    }

    @Test
    @DisplayName(
            "A client that cannot ask gets CONFIRMATION_REQUIRED, not an error, telling the agent to show the plan and call again with confirm: true")
    void clientWithoutElicitationMustConfirm() {
        CallToolResult result = apply(null, Map.of("resourceYAML", YAML));

        assertThat(kubernetes.decisions()).containsExactly(Decision.UNAVAILABLE);
        assertThat(result.isError()).isFalse();
        assertThat(text(result))
                .startsWith("Confirmation required: nothing was applied yet. The plan:\n")
                .contains("- document 1 (v1 Namespace shop) will be created\n")
                .contains("show this plan to the user and, once they approve it, call resource_apply again with the"
                        + " same resourceYAML and confirm: true.");
        assertThat(structured(result))
                .containsEntry("status", "CONFIRMATION_REQUIRED")
                .containsEntry("applied", false);
    }

    @Test
    @DisplayName("A client that cannot ask confirms with confirm: true: the approval is APPROVED")
    void clientWithoutElicitationConfirmsWithTheArgument() {
        CallToolResult result = apply(null, Map.of("resourceYAML", YAML, "confirm", true));

        assertThat(kubernetes.decisions()).containsExactly(Decision.APPROVED);
        assertThat(result.isError()).isFalse();
        assertThat(structured(result)).containsEntry("status", "APPLIED").containsEntry("applied", true);
    }

    @Test
    @DisplayName("A client that can ask is asked even when the agent passes confirm: true, and the user's no stands")
    void confirmArgumentDoesNotBypassTheUser() {
        CallToolResult result = apply(
                answering(new ElicitResult(ElicitResult.Action.DECLINE, null)),
                Map.of("resourceYAML", YAML, "confirm", true));

        assertThat(questions).hasSize(1);
        assertThat(kubernetes.decisions()).containsExactly(Decision.DECLINED);
        assertThat(structured(result)).containsEntry("status", "DECLINED").containsEntry("applied", false);
    }

    @Test
    @DisplayName("dryRun: true answers the plan without asking anyone, and says how to apply it")
    void dryRunDoesNotAsk() {
        CallToolResult result = apply(answering(CONFIRMED), Map.of("resourceYAML", YAML, "dryRun", true));

        assertThat(questions).isEmpty();
        assertThat(kubernetes.decisions()).isEmpty();
        assertThat(kubernetes.calls())
                .extracting(FakeKubernetes.Call::query)
                .containsExactly(new ApplyCommand(YAML, true));
        assertThat(result.isError()).isFalse();
        assertThat(text(result))
                .startsWith("Dry run of 3 documents on cluster test-cluster: nothing was applied. The plan:\n")
                .contains("- document 2 (apps/v1 Deployment shop/web) will change spec.replicas\n")
                .contains("without dryRun; the user will be asked to confirm.");
        assertThat(structured(result)).containsEntry("status", "PREVIEWED").containsEntry("applied", false);
    }

    @Test
    @DisplayName("A dry run for a client that cannot ask names confirm: true as the way to apply")
    void dryRunForClientWithoutElicitationNamesConfirm() {
        CallToolResult result = apply(null, Map.of("resourceYAML", YAML, "dryRun", true));

        assertThat(kubernetes.decisions()).isEmpty();
        assertThat(text(result))
                .contains("once they approve it, call resource_apply again with the same resourceYAML"
                        + " and confirm: true.");
    }

    @Test
    @DisplayName("A refused dry run is an isError result carrying the whole report")
    void rejectedIsAnError() {
        kubernetes.onApply((command, approval) -> new ApplyReport(
                ApplyReport.Status.REJECTED,
                List.of(PLAN.get(0)),
                List.of(
                        new DocumentOutcome(NAMESPACE, new ApplyOutcome.NotAttempted("a dry run failed")),
                        new DocumentOutcome(
                                DEPLOYMENT,
                                new ApplyOutcome.Failed("the dry run was refused: spec.replicas must be positive")),
                        new DocumentOutcome(CONFIG_MAP, new ApplyOutcome.NotAttempted("a dry run failed")))));

        CallToolResult result = apply(answering(CONFIRMED), Map.of("resourceYAML", YAML));

        assertThat(result.isError()).isTrue();
        assertThat(questions).isEmpty();
        assertThat(text(result)).isEqualTo("""
                        Rejected: a dry run failed, so nothing was applied.
                        - document 1 (v1 Namespace shop) will be created → not applied: a dry run failed
                        - document 2 (apps/v1 Deployment shop/web) was not previewed → failed: the dry run was refused: spec.replicas must be positive
                        - document 3 (v1 ConfigMap shop/settings) was not previewed → not applied: a dry run failed
                        Fix the document whose dry run failed and send the whole request again.
                        """);
        assertThat(structured(result)).containsEntry("status", "REJECTED").containsEntry("applied", false);
        assertThat(documents(result)).hasSize(3);
    }

    @Test
    @DisplayName("An apply that stops at a failed document is an isError result saying what is applied and what is not")
    void failedIsAnError() {
        kubernetes.onApply((command, approval) -> {
            approval.ask(PLAN);
            return new ApplyReport(
                    ApplyReport.Status.FAILED,
                    PLAN,
                    List.of(
                            new DocumentOutcome(NAMESPACE, new ApplyOutcome.Created()),
                            new DocumentOutcome(
                                    DEPLOYMENT,
                                    new ApplyOutcome.Failed("conflict with field manager kubectl on spec.replicas")),
                            new DocumentOutcome(
                                    CONFIG_MAP,
                                    new ApplyOutcome.NotAttempted("applying stopped at document 2, which failed"))));
        });

        CallToolResult result = apply(answering(CONFIRMED), Map.of("resourceYAML", YAML));

        assertThat(result.isError()).isTrue();
        assertThat(text(result))
                .startsWith("Failed: applying stopped at a document that failed;")
                .contains("- document 1 (v1 Namespace shop) will be created → created\n")
                .contains("will change spec.replicas → failed: conflict with field manager kubectl on spec.replicas\n")
                .contains("is unchanged → not applied: applying stopped at document 2, which failed\n");
        assertThat(structured(result)).containsEntry("status", "FAILED").containsEntry("applied", false);
    }

    @Test
    @DisplayName("A request the use case refuses (a restricted kind) is an isError result with its message and reason")
    void refusedRequestIsAnError() {
        String refusal = "Nothing was applied. document 1 (v1 Secret shop/db): secrets are restricted by this server's"
                + " policy. Remove the restricted document(s) and send the request again.";
        kubernetes.onApply((command, approval) -> {
            throw new RequestFailedException(Problem.Reason.RESTRICTED, refusal);
        });

        CallToolResult result = apply(answering(CONFIRMED), Map.of("resourceYAML", YAML));

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).isEqualTo(refusal);
        assertThat(result.meta()).containsEntry("io.kmcp/reason", "RESTRICTED");
        assertThat(questions).isEmpty();
    }

    @Test
    @DisplayName("Without resourceYAML nothing runs and the answer names the argument")
    void resourceYamlIsRequired() {
        CallToolResult result = apply(answering(CONFIRMED), Map.of("dryRun", true));

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).contains("'resourceYAML' is required");
        assertThat(kubernetes.calls()).isEmpty();
    }

    private Function<ElicitFormRequest, ElicitResult> answering(ElicitResult answer) {
        return question -> {
            questions.add(question);
            return answer;
        };
    }

    private CallToolResult apply(Function<ElicitFormRequest, ElicitResult> elicitation, Map<String, Object> arguments) {
        McpSyncClient client = McpClients.connect(port, TestTokens.valid(SUBJECT), elicitation);
        try {
            return call(client, "resource_apply", arguments);
        } finally {
            client.closeGracefully();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(CallToolResult result) {
        return (List<Map<String, Object>>) structured(result).get("documents");
    }

    private static Map<String, Object> document(
            String document,
            String apiVersion,
            String kind,
            String namespace,
            String name,
            String plan,
            String outcome) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("document", document);
        described.put("apiVersion", apiVersion);
        described.put("kind", kind);
        if (namespace != null) {
            described.put("namespace", namespace);
        }
        described.put("name", name);
        described.put("plan", plan);
        described.put("outcome", outcome);
        return described;
    }
}
