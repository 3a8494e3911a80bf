package io.kmcp.adapters.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.adapters.mcp.support.Diagnoses;
import io.kmcp.adapters.mcp.support.FakeKubernetes;
import io.kmcp.adapters.mcp.support.TestClock;
import io.kmcp.application.BearerToken;
import io.kmcp.application.Caller;
import io.kmcp.application.port.in.ApplyCommand;
import io.kmcp.application.port.in.ApplyReport;
import io.kmcp.application.port.in.ReadinessQuery;
import io.kmcp.application.port.in.ReadinessReport;
import io.kmcp.application.port.in.ReadinessReport.ObjectReadiness;
import io.kmcp.application.port.in.ReadinessReport.Verdict;
import io.kmcp.domain.apply.ApplyOutcome;
import io.kmcp.domain.apply.DocumentOutcome;
import io.kmcp.domain.apply.DocumentPreview;
import io.kmcp.domain.apply.Manifest;
import io.kmcp.domain.apply.PlannedChange;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator.ValidationResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code resource_apply} with {@code wait: true}: what it asks the wait for, and how it tells the outcome. */
class ResourceApplyWaitTest {

    private static final Caller CALLER =
            new Caller("prod", "system:serviceaccount:a:agent", new BearerToken("t", TestClock.NOW.plusSeconds(60)));

    private static final Manifest SETTINGS = Manifest.from(
            1,
            Map.of(
                    "apiVersion",
                    "v1",
                    "kind",
                    "ConfigMap",
                    "metadata",
                    Map.of("name", "settings", "namespace", "shop")));
    private static final Manifest WEB = Manifest.from(
            2,
            Map.of(
                    "apiVersion",
                    "apps/v1",
                    "kind",
                    "Deployment",
                    "metadata",
                    Map.of("name", "web", "namespace", "shop")));

    private static final ApplyReport APPLIED = new ApplyReport(
            ApplyReport.Status.APPLIED,
            List.of(
                    new DocumentPreview(SETTINGS, new PlannedChange.Create()),
                    new DocumentPreview(WEB, new PlannedChange.Create())),
            List.of(
                    new DocumentOutcome(SETTINGS, new ApplyOutcome.Created()),
                    new DocumentOutcome(WEB, new ApplyOutcome.Created())));

    private final FakeKubernetes kubernetes = new FakeKubernetes();
    private final ToolDeclaration declaration = new ResourceApplyTool(kubernetes, kubernetes).declaration();
    private final ToolRunner runner = new ToolRunner(declaration);
    private final List<String> progress = new ArrayList<>();
    private final Conversation listening = new Conversation() {
        @Override
        public boolean canAsk() {
            return false;
        }

        @Override
        public Answer ask(Question question) {
            return new Answer.Unanswered("not supported");
        }

        @Override
        public void progress(int done, int total, String message) {
            progress.add(done + "/" + total + " " + message);
        }
    };

    private ToolAnswer call(Map<String, Object> arguments) {
        return runner.run(Optional.of(CALLER), arguments, listening);
    }

    private void valid(ToolAnswer answer) {
        ValidationResponse validation = McpJsonDefaults.getSchemaValidator()
                .validate(declaration.outputSchema(), answer.structured().orElseThrow());
        assertThat(validation.valid()).as(validation.errorMessage()).isTrue();
    }

    @Test
    @DisplayName(
            "Every applied object is waited for, as long as timeoutSeconds says, and the wait's progress reaches the client")
    void readyWithProgress() {
        kubernetes.onApply((command, approval) -> APPLIED);
        List<ReadinessQuery> asked = new ArrayList<>();
        kubernetes.onAwait((query, wait) -> {
            asked.add(query);
            wait.waiting(
                    1,
                    Duration.ZERO,
                    query.timeout(),
                    List.of("document 2 (apps/v1 Deployment shop/web): 0 of 2 replicas updated"));
            wait.waiting(
                    2,
                    Duration.ofSeconds(2),
                    query.timeout(),
                    List.of("document 2 (apps/v1 Deployment shop/web): 1 of 2 replicas updated"));
            return new ReadinessReport(
                    List.of(
                            ObjectReadiness.of(
                                    SETTINGS,
                                    Verdict.NO_READINESS,
                                    new io.kmcp.domain.readiness.Readiness.NotTracked(
                                            "a ConfigMap reports no readiness"),
                                    Duration.ZERO),
                            ObjectReadiness.of(
                                    WEB,
                                    Verdict.READY,
                                    new io.kmcp.domain.readiness.Readiness.Ready(
                                            "rolled out: 2/2 replicas updated and available"),
                                    Duration.ofSeconds(4))),
                    Duration.ofSeconds(4));
        });

        ToolAnswer answer = call(Map.of("resourceYAML", "x", "confirm", true, "wait", true, "timeoutSeconds", 90));

        assertThat(answer.error()).isFalse();
        assertThat(asked).singleElement().satisfies(query -> {
            assertThat(query.objects()).containsExactly(SETTINGS, WEB);
            assertThat(query.timeout()).isEqualTo(Duration.ofSeconds(90));
        });
        assertThat(answer.text())
                .startsWith("Applied 2 documents on cluster prod: 2 created, 0 configured, 0 unchanged.\n"
                        + "Ready after 4 s: 1 ready, 1 with no readiness to wait for.\n")
                .contains(
                        "- document 2 (apps/v1 Deployment shop/web): ready after 4 s: rolled out: 2/2 replicas updated and available")
                .contains("- document 1 (v1 ConfigMap shop/settings): not waited for: a ConfigMap reports no readiness")
                .doesNotContain("Next:");
        assertThat(progress)
                .containsExactly(
                        "1/3 checking the documents against the policy and dry-running them",
                        "4/93 waiting for readiness, 0 s of 90 s: document 2 (apps/v1 Deployment shop/web): 0 of 2 replicas updated",
                        "5/93 waiting for readiness, 2 s of 90 s: document 2 (apps/v1 Deployment shop/web): 1 of 2 replicas updated");
        @SuppressWarnings("unchecked")
        Map<String, Object> wait =
                (Map<String, Object>) answer.structured().orElseThrow().get("wait");
        assertThat(wait).containsEntry("ready", true).containsEntry("seconds", 4L);
        valid(answer);
    }

    @Test
    @DisplayName("Without timeoutSeconds the wait lasts the default")
    void defaultTimeout() {
        kubernetes.onApply((command, approval) -> APPLIED);
        List<Duration> timeouts = new ArrayList<>();
        kubernetes.onAwait((query, wait) -> {
            timeouts.add(query.timeout());
            return new ReadinessReport(List.of(), Duration.ZERO);
        });

        call(Map.of("resourceYAML", "x", "confirm", true, "wait", true));

        assertThat(timeouts).containsExactly(Duration.ofSeconds(ResourceApplyTool.DEFAULT_TIMEOUT_SECONDS));
    }

    @Test
    @DisplayName("A workload that failed: an error result with the diagnosis' findings and where to look next")
    void failedWithFindings() {
        kubernetes.onApply((command, approval) -> APPLIED);
        kubernetes.onAwait((query, wait) -> new ReadinessReport(
                List.of(
                        ObjectReadiness.of(
                                SETTINGS,
                                Verdict.NO_READINESS,
                                new io.kmcp.domain.readiness.Readiness.NotTracked("a ConfigMap reports no readiness"),
                                Duration.ZERO),
                        new ObjectReadiness(
                                WEB,
                                Verdict.FAILED,
                                "container app of pod web-1 is waiting in CrashLoopBackOff",
                                Duration.ofSeconds(6),
                                Optional.of(Diagnoses.crashLooping()),
                                Optional.empty())),
                Duration.ofSeconds(6)));

        ToolAnswer answer = call(Map.of("resourceYAML", "x", "confirm", true, "wait", true));

        assertThat(answer.error()).isTrue();
        assertThat(answer.text())
                .contains("Not ready after waiting 6 s: 1 with no readiness to wait for, 1 failed.")
                .contains(
                        "- document 2 (apps/v1 Deployment shop/web): failed after 6 s: container app of pod web-1 is waiting in CrashLoopBackOff")
                .contains("  Diagnosis: Deployment shop/web")
                .contains("[CRITICAL] CrashLoopBackOff")
                .contains("Next: for Deployment web, fix the cause the findings name and apply again")
                .contains("workload_diagnose");
        assertThat(answer.text().indexOf("Not ready after"))
                .isLessThan(answer.text().indexOf("[CRITICAL] CrashLoopBackOff"));
        valid(answer);

        ToolAnswer small = call(Map.of("resourceYAML", "x", "confirm", true, "wait", true, "maxChars", 400));

        assertThat(small.text()).hasSizeLessThanOrEqualTo(400).contains("Not ready after waiting 6 s");
    }

    @Test
    @DisplayName(
            "The note that a dry run waits for nothing is left to structuredContent when the budget has no room for it")
    void dryRunNoteWithinTheBudget() {
        kubernetes.onApply((command, approval) -> new ApplyReport(
                ApplyReport.Status.PREVIEWED,
                List.of(new DocumentPreview(WEB, new PlannedChange.Create())),
                List.of()));

        ToolAnswer answer = call(Map.of("resourceYAML", "x", "dryRun", true, "wait", true, "maxChars", 200));

        assertThat(answer.text()).hasSizeLessThanOrEqualTo(200);
        assertThat(answer.structured().orElseThrow().get("wait").toString()).contains("a dry run applies nothing");
    }

    @Test
    @DisplayName("A timeout says how to give it longer; an object without a diagnosis points to resource_get")
    void timedOut() {
        kubernetes.onApply((command, approval) -> APPLIED);
        kubernetes.onAwait((query, wait) -> new ReadinessReport(
                List.of(new ObjectReadiness(
                        WEB,
                        Verdict.TIMED_OUT,
                        "its Ready condition is False",
                        Duration.ofSeconds(10),
                        Optional.empty(),
                        Optional.of("it could not be diagnosed: events are forbidden"))),
                Duration.ofSeconds(10)));

        ToolAnswer answer = call(Map.of("resourceYAML", "x", "confirm", true, "wait", true, "timeoutSeconds", 10));

        assertThat(answer.error()).isTrue();
        assertThat(answer.text())
                .contains("timed out after 10 s: its Ready condition is False")
                .contains("it could not be diagnosed: events are forbidden")
                .contains("resource_get")
                .contains("a larger timeoutSeconds (at most 300)");
        valid(answer);
    }

    @Test
    @DisplayName(
            "An object of another group that reports no readiness: what was looked for, and the call that reads it")
    void customObjectWithoutReadiness() {
        Manifest widget = Manifest.from(
                1,
                Map.of(
                        "apiVersion",
                        "example.com/v1",
                        "kind",
                        "Widget",
                        "metadata",
                        Map.of("name", "w", "namespace", "shop")));
        kubernetes.onApply((command, approval) -> new ApplyReport(
                ApplyReport.Status.APPLIED,
                List.of(new DocumentPreview(widget, new PlannedChange.Create())),
                List.of(new DocumentOutcome(widget, new ApplyOutcome.Created()))));
        kubernetes.onAwait((query, wait) -> new ReadinessReport(
                List.of(ObjectReadiness.of(
                        widget,
                        Verdict.NO_READINESS,
                        new io.kmcp.domain.readiness.Readiness.NotTracked(
                                "a Widget reports no readiness (no rollout status, no Ready condition)"),
                        Duration.ZERO)),
                Duration.ZERO));

        ToolAnswer answer = call(Map.of("resourceYAML", "x", "confirm", true, "wait", true));

        assertThat(answer.error()).isFalse();
        assertThat(answer.text())
                .contains("not waited for: a Widget reports no readiness (no rollout status, no Ready condition)")
                .contains("Next: for Widget w, which reported nothing to wait for, read its status with resource_get"
                        + " {\"resource\": \"Widget\", \"name\": \"w\", \"namespace\": \"shop\"}.");
        valid(answer);
    }

    @Test
    @DisplayName("With dryRun the wait is ignored, and the answer says so; nothing is waited for")
    void dryRunIgnoresTheWait() {
        kubernetes.onApply((command, approval) -> new ApplyReport(
                ApplyReport.Status.PREVIEWED,
                List.of(new DocumentPreview(WEB, new PlannedChange.Create())),
                List.of()));

        ToolAnswer answer = call(Map.of("resourceYAML", "x", "dryRun", true, "wait", true));

        assertThat(answer.error()).isFalse();
        assertThat(answer.text()).contains("wait: true was ignored: a dry run applies nothing");
        assertThat(kubernetes.calls())
                .extracting(FakeKubernetes.Call::query)
                .singleElement()
                .isInstanceOf(ApplyCommand.class);
        valid(answer);
    }

    @Test
    @DisplayName("When the plan still needs the user's confirmation, nothing is waited for")
    void notAppliedIsNotWaitedFor() {
        kubernetes.onApply((command, approval) -> new ApplyReport(
                ApplyReport.Status.CONFIRMATION_REQUIRED,
                List.of(new DocumentPreview(WEB, new PlannedChange.Create())),
                List.of()));

        ToolAnswer answer = call(Map.of("resourceYAML", "x", "wait", true));

        assertThat(answer.text())
                .contains("Nothing was waited for: the wait starts only once every document is applied.");
        assertThat(kubernetes.calls()).hasSize(1);
        valid(answer);
    }
}
