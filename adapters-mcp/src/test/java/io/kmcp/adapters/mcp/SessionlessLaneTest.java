package io.kmcp.adapters.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.adapters.mcp.support.FakeKubernetes;
import io.kmcp.adapters.mcp.support.McpClients;
import io.kmcp.adapters.mcp.support.McpTestApplication;
import io.kmcp.adapters.mcp.support.SessionlessClients;
import io.kmcp.adapters.mcp.support.TestTokens;
import io.kmcp.adapters.mcp.support.Types;
import io.kmcp.application.port.in.ApplyReport;
import io.kmcp.application.port.in.ResourceList;
import io.kmcp.application.port.out.ApplyApproval.Decision;
import io.kmcp.domain.apply.ApplyOutcome;
import io.kmcp.domain.apply.DocumentOutcome;
import io.kmcp.domain.apply.DocumentPreview;
import io.kmcp.domain.apply.Manifest;
import io.kmcp.domain.apply.PlannedChange;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.client.McpSyncClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sessionless lane (MCP 2026-07-28) through the SDK's modern client over real HTTP: discovery,
 * the same tools as the 2025-11-25 lane, and an apply confirmed by a retry that carries the answer.
 */
@SpringBootTest(classes = McpTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionlessLaneTest {

    private static final String SUBJECT = "system:serviceaccount:team-a:agent";
    private static final String YAML = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n";
    private static final Manifest CONFIG_MAP = Manifest.from(
            1,
            Map.of(
                    "apiVersion",
                    "v1",
                    "kind",
                    "ConfigMap",
                    "metadata",
                    Map.of("name", "settings", "namespace", "shop")));
    private static final List<DocumentPreview> PLAN =
            List.of(new DocumentPreview(CONFIG_MAP, new PlannedChange.Create()));
    private static final List<DocumentOutcome> CREATED =
            List.of(new DocumentOutcome(CONFIG_MAP, new ApplyOutcome.Created()));

    @LocalServerPort
    int port;

    @Autowired
    FakeKubernetes kubernetes;

    private final List<McpSchema.ElicitFormRequest> questions = new CopyOnWriteArrayList<>();

    @BeforeEach
    void reset() {
        kubernetes.reset();
        questions.clear();
    }

    @Test
    @DisplayName("server/discover names k-mcp and reports both revisions it speaks, 2026-07-28 first")
    void discovers() {
        McpSchema.DiscoverResult discovered =
                SessionlessClients.connect(port, TestTokens.valid(SUBJECT)).discover();

        assertThat(discovered.supportedVersions()).startsWith("2026-07-28").contains("2025-11-25");
        assertThat(discovered.capabilities().tools()).isNotNull();
        assertThat(discovered.instructions()).contains("workload_diagnose");
    }

    @Test
    @DisplayName("tools/list shows the very tools of the 2025-11-25 lane: names, schemas and annotations")
    void sameToolsAsTheStatefulLane() {
        String token = TestTokens.valid(SUBJECT);
        List<McpSchema.Tool> sessionless =
                SessionlessClients.connect(port, token).tools().list().tools();
        io.modelcontextprotocol.client.McpSyncClient stateful = McpClients.connect(port, token);
        try {
            List<io.modelcontextprotocol.spec.McpSchema.Tool> tools =
                    stateful.listTools().tools();
            assertThat(sessionless)
                    .extracting(McpSchema.Tool::name)
                    .containsExactlyElementsOf(tools.stream()
                            .map(io.modelcontextprotocol.spec.McpSchema.Tool::name)
                            .toList());
            for (int i = 0; i < tools.size(); i++) {
                assertThat(sessionless.get(i).inputSchema())
                        .isEqualTo(tools.get(i).inputSchema());
                assertThat(sessionless.get(i).outputSchema())
                        .isEqualTo(tools.get(i).outputSchema());
                assertThat(sessionless.get(i).description())
                        .isEqualTo(tools.get(i).description());
                assertThat(sessionless.get(i).annotations().readOnlyHint())
                        .isEqualTo(tools.get(i).annotations().readOnlyHint());
            }
        } finally {
            stateful.closeGracefully();
        }
    }

    @Test
    @DisplayName("A tool call runs the use case as the caller the token names, and answers text and structured content")
    void callsATool() {
        kubernetes.onList((caller, query) ->
                new ResourceList(Types.PODS, Optional.of("shop"), List.of(), Optional.empty(), Optional.empty()));

        McpSchema.CallToolResult result = SessionlessClients.connect(port, TestTokens.valid(SUBJECT))
                .tool("resource_list")
                .arguments(Map.of("resource", "pods", "namespace", "shop"))
                .call();

        assertThat(result.isError()).isFalse();
        assertThat(SessionlessClients.text(result)).isEqualTo("No pods.v1 found in namespace shop.");
        assertThat(SessionlessClients.structured(result)).containsEntry("resource", "pods.v1");
        assertThat(kubernetes.calls())
                .singleElement()
                .satisfies(call -> assertThat(call.caller().subject()).isEqualTo(SUBJECT));
    }

    @Test
    @DisplayName("A bad argument gets the same words in both lanes, and no use case runs")
    void sameRefusalInBothLanes() {
        String token = TestTokens.valid(SUBJECT);
        Map<String, Object> arguments = Map.of("resource", "pods", "limit", 0);

        McpSchema.CallToolResult sessionless = SessionlessClients.connect(port, token)
                .tool("resource_list")
                .arguments(arguments)
                .call();
        io.modelcontextprotocol.client.McpSyncClient stateful = McpClients.connect(port, token);
        String statefulText;
        try {
            statefulText = McpClients.text(McpClients.call(stateful, "resource_list", arguments));
        } finally {
            stateful.closeGracefully();
        }

        assertThat(sessionless.isError()).isTrue();
        assertThat(SessionlessClients.text(sessionless))
                .isEqualTo(statefulText)
                .isEqualTo("The argument 'limit' must be between 1 and 500, was 0.");
        assertThat(kubernetes.calls()).isEmpty();
    }

    @Test
    @DisplayName("An apply asks with input_required and applies on the retry that carries the user's yes")
    void confirmedOnRetry() {
        kubernetes.onApply(PLAN, CREATED);

        McpSchema.CallToolResult result = SessionlessClients.connect(port, TestTokens.valid(SUBJECT), answering(true))
                .tool("resource_apply")
                .arguments(Map.of("resourceYAML", YAML))
                .call();

        assertThat(result.isError()).isFalse();
        assertThat(SessionlessClients.structured(result)).containsEntry("status", "APPLIED");
        assertThat(questions).singleElement().satisfies(question -> {
            assertThat(question.message())
                    .startsWith("Apply 1 document to cluster test-cluster as " + SUBJECT + "?")
                    .contains("document 1 (v1 ConfigMap shop/settings) will be created");
            assertThat(question.requestedSchema()).containsKey("properties");
        });
        // The first round asked and stopped before applying; the retry applied.
        assertThat(kubernetes.decisions()).containsExactly(Decision.APPROVED);
    }

    @Test
    @DisplayName("A decline on the retry applies nothing and is reported as DECLINED")
    void declinedOnRetry() {
        kubernetes.onApply(PLAN, CREATED);

        McpSchema.CallToolResult result = SessionlessClients.connect(port, TestTokens.valid(SUBJECT), answering(false))
                .tool("resource_apply")
                .arguments(Map.of("resourceYAML", YAML))
                .call();

        assertThat(SessionlessClients.structured(result))
                .containsEntry("status", "DECLINED")
                .containsEntry("applied", false);
        assertThat(kubernetes.decisions()).containsExactly(Decision.DECLINED);
    }

    @Test
    @DisplayName("A client without form elicitation keeps CONFIRMATION_REQUIRED, then confirm: true")
    void clientThatCannotAsk() {
        kubernetes.onApply(PLAN, CREATED);
        McpSyncClient client = SessionlessClients.connect(port, TestTokens.valid(SUBJECT));

        McpSchema.CallToolResult unconfirmed = client.tool("resource_apply")
                .arguments(Map.of("resourceYAML", YAML))
                .call();
        McpSchema.CallToolResult confirmed = client.tool("resource_apply")
                .arguments(Map.of("resourceYAML", YAML, "confirm", true))
                .call();

        assertThat(SessionlessClients.structured(unconfirmed)).containsEntry("status", "CONFIRMATION_REQUIRED");
        assertThat(SessionlessClients.structured(confirmed)).containsEntry("status", "APPLIED");
        assertThat(kubernetes.decisions()).containsExactly(Decision.UNAVAILABLE, Decision.APPROVED);
    }

    @Test
    @DisplayName("The first round of an apply applies nothing and hands out a readable state without the manifest")
    void firstRoundAppliesNothing() {
        kubernetes.onApply(PLAN, CREATED);

        McpSchema.InputRequiredResult asked = firstRound(Map.of("resourceYAML", YAML));

        assertThat(asked.inputRequests()).containsOnlyKeys("confirm");
        assertThat(kubernetes.decisions()).isEmpty();
        String payload = new String(
                java.util.Base64.getUrlDecoder()
                        .decode(asked.requestState()
                                .substring(0, asked.requestState().indexOf('.'))),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(payload).contains(SUBJECT, "resource_apply").doesNotContain("ConfigMap", "settings", "Bearer");
    }

    @Test
    @DisplayName("A retry for another manifest is refused, says why, and applies nothing")
    void otherManifestIsRefused() {
        kubernetes.onApply(PLAN, CREATED);
        McpSchema.InputRequiredResult asked = firstRound(Map.of("resourceYAML", YAML));

        assertThatThrownBy(() -> retry(
                        TestTokens.valid(SUBJECT),
                        Map.of("resourceYAML", YAML + "data:\n  evil: true\n"),
                        asked.requestState(),
                        accept()))
                .isInstanceOf(McpException.class)
                .hasMessageContaining("issued for a call with other arguments");
        assertThat(kubernetes.decisions()).isEmpty();
    }

    @Test
    @DisplayName("A retry by another caller is refused, says why, and applies nothing")
    void otherCallerIsRefused() {
        kubernetes.onApply(PLAN, CREATED);
        McpSchema.InputRequiredResult asked = firstRound(Map.of("resourceYAML", YAML));

        assertThatThrownBy(() -> retry(
                        TestTokens.valid("system:serviceaccount:team-b:intruder"),
                        Map.of("resourceYAML", YAML),
                        asked.requestState(),
                        accept()))
                .isInstanceOf(McpException.class)
                .hasMessageContaining("issued to another caller");
        assertThat(kubernetes.decisions()).isEmpty();
    }

    @Test
    @DisplayName("A forged or truncated state is refused, says why, and applies nothing")
    void forgedStateIsRefused() {
        kubernetes.onApply(PLAN, CREATED);
        String state = firstRound(Map.of("resourceYAML", YAML)).requestState();
        String[] parts = state.split("\\.");
        String otherBody = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(java.util.Base64.getUrlDecoder().decode(parts[0]))
                        .replace(SUBJECT, "system:serviceaccount:team-a:agenT")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThatThrownBy(() -> retry(
                        TestTokens.valid(SUBJECT), Map.of("resourceYAML", YAML), otherBody + "." + parts[1], accept()))
                .hasMessageContaining("does not carry this server's signature");
        assertThatThrownBy(() -> retry(TestTokens.valid(SUBJECT), Map.of("resourceYAML", YAML), parts[0], accept()))
                .hasMessageContaining("malformed or truncated");
        assertThat(kubernetes.decisions()).isEmpty();
    }

    @Test
    @DisplayName("When the objects changed since the plan was shown, the yes is not taken and nothing is applied")
    void changedPlanIsRefused() {
        AtomicInteger dryRuns = new AtomicInteger();
        kubernetes.onApply((command, approval) -> {
            List<DocumentPreview> plan = dryRuns.incrementAndGet() == 1
                    ? PLAN
                    : List.of(new DocumentPreview(CONFIG_MAP, new PlannedChange.Change(List.of("data.mode"), 0)));
            Decision decision = approval.ask(plan);
            return new ApplyReport(
                    decision == Decision.APPROVED ? ApplyReport.Status.APPLIED : ApplyReport.Status.DECLINED,
                    plan,
                    decision == Decision.APPROVED ? CREATED : List.of());
        });
        McpSchema.InputRequiredResult asked = firstRound(Map.of("resourceYAML", YAML));

        assertThatThrownBy(() ->
                        retry(TestTokens.valid(SUBJECT), Map.of("resourceYAML", YAML), asked.requestState(), accept()))
                .hasMessageContaining("the objects changed after the plan was shown");
        assertThat(kubernetes.decisions()).isEmpty();
    }

    @Test
    @DisplayName("inputResponses without the state of a question, or answering another question, are refused")
    void answersMustMatchTheQuestion() {
        kubernetes.onApply(PLAN, CREATED);
        McpSchema.InputRequiredResult asked = firstRound(Map.of("resourceYAML", YAML));

        assertThatThrownBy(() -> retry(TestTokens.valid(SUBJECT), Map.of("resourceYAML", YAML), null, accept()))
                .hasMessageContaining("inputResponses came without the requestState");
        assertThatThrownBy(() -> retry(
                        TestTokens.valid(SUBJECT),
                        Map.of("resourceYAML", YAML),
                        asked.requestState(),
                        Map.of("namespace", Map.of("action", "accept"))))
                .hasMessageContaining("must answer exactly the question 'confirm'");
        assertThatThrownBy(() -> retry(
                        TestTokens.valid(SUBJECT),
                        Map.of("resourceYAML", YAML),
                        asked.requestState(),
                        Map.of("confirm", Map.of("action", "yes"))))
                .hasMessageContaining("must be an elicitation result");
        assertThat(kubernetes.decisions()).isEmpty();
    }

    @Test
    @DisplayName("workload_diagnose sends progress notifications when the call carries a progress token")
    void progress() {
        kubernetes.onDiagnose((caller, query) -> io.kmcp.adapters.mcp.support.Diagnoses.healthy());
        List<McpSchema.ProgressParams> progress = new CopyOnWriteArrayList<>();

        McpSchema.CallToolResult result = SessionlessClients.connect(port, TestTokens.valid(SUBJECT))
                .tool("workload_diagnose")
                .arguments(Map.of("name", "web", "namespace", "shop"))
                .progress(progress::add)
                .call();

        assertThat(result.isError()).isFalse();
        assertThat(progress)
                .isNotEmpty()
                .allSatisfy(step -> assertThat(step.total()).isPositive());
    }

    @Test
    @DisplayName(
            "resource_apply with wait: true streams the wait's progress after the apply's, then the answer with the wait")
    void waitProgress() {
        kubernetes.onApply(PLAN, CREATED);
        kubernetes.onAwait((query, wait) -> {
            wait.waiting(
                    1,
                    java.time.Duration.ZERO,
                    query.timeout(),
                    List.of("document 1 (v1 ConfigMap settings): pending"));
            return new io.kmcp.application.port.in.ReadinessReport(
                    query.objects().stream()
                            .map(manifest -> io.kmcp.application.port.in.ReadinessReport.ObjectReadiness.of(
                                    manifest,
                                    io.kmcp.application.port.in.ReadinessReport.Verdict.READY,
                                    new io.kmcp.domain.readiness.Readiness.Ready("its Ready condition is True"),
                                    java.time.Duration.ofSeconds(2)))
                            .toList(),
                    java.time.Duration.ofSeconds(2));
        });
        List<McpSchema.ProgressParams> progress = new CopyOnWriteArrayList<>();

        McpSchema.CallToolResult result = SessionlessClients.connect(port, TestTokens.valid(SUBJECT))
                .tool("resource_apply")
                .arguments(Map.of("resourceYAML", YAML, "confirm", true, "wait", true, "timeoutSeconds", 30))
                .progress(progress::add)
                .call();

        assertThat(result.isError()).as(SessionlessClients.text(result)).isFalse();
        assertThat(SessionlessClients.text(result)).contains("Ready after 2 s: 1 ready.");
        assertThat(SessionlessClients.structured(result)).containsKey("wait");
        assertThat(progress)
                .extracting(McpSchema.ProgressParams::message)
                .anySatisfy(message -> assertThat(message).startsWith("waiting for readiness, 0 s of 30 s"));
    }

    private McpSchema.InputRequiredResult firstRound(Map<String, Object> arguments) {
        McpSchema.CallToolOutcome outcome = SessionlessClients.connect(port, TestTokens.valid(SUBJECT), answering(true))
                .tool("resource_apply")
                .arguments(arguments)
                .callOnce();
        assertThat(outcome).isInstanceOf(McpSchema.InputRequiredResult.class);
        return (McpSchema.InputRequiredResult) outcome;
    }

    private McpSchema.CallToolOutcome retry(
            String token, Map<String, Object> arguments, String state, Map<String, Object> responses) {
        var call = SessionlessClients.connect(port, token, answering(true))
                .tool("resource_apply")
                .arguments(arguments)
                .inputResponses(responses);
        if (state != null) {
            call = call.requestState(state);
        }
        return call.callOnce();
    }

    private static Map<String, Object> accept() {
        return Map.of("confirm", Map.of("action", "accept", "content", Map.of("confirm", true)));
    }

    private io.modelcontextprotocol.modern.client.McpSyncElicitationHandler<McpSchema.ElicitFormRequest> answering(
            boolean yes) {
        return request -> {
            questions.add(request);
            return yes ? McpSchema.ElicitResult.accept(Map.of("confirm", true)) : McpSchema.ElicitResult.decline();
        };
    }
}
