package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.Caller;
import io.kmcp.application.port.in.ApplyCommand;
import io.kmcp.application.port.in.ApplyReport;
import io.kmcp.application.port.in.ApplyReport.Status;
import io.kmcp.application.port.in.ApplyResources;
import io.kmcp.application.port.in.AwaitReadiness;
import io.kmcp.application.port.in.ReadinessQuery;
import io.kmcp.application.port.in.ReadinessReport;
import io.kmcp.application.port.out.WaitProgress;
import io.kmcp.domain.apply.ApplyOutcome;
import io.kmcp.domain.apply.DocumentOutcome;
import io.kmcp.domain.apply.DocumentPreview;
import io.kmcp.domain.apply.Manifest;
import io.kmcp.domain.apply.Position;
import io.kmcp.domain.budget.CharBudget;
import io.kmcp.domain.policy.AccessPolicy;
import io.kmcp.domain.resource.NamespaceName;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code resource_apply}: the apply use case with this call's {@link ApplyConfirmation}, and its
 * report as text (a status line, one line per document with its plan and outcome, the next step) and
 * as structured content. Declined, cancelled, unconfirmed and dry-run requests are answers, not
 * errors; a refused dry run and a failed apply are {@code isError} results with the whole report.
 * With {@code wait: true}, what was applied is followed until it is ready, and a wait that ends in a
 * failure or a timeout is an {@code isError} result too, with the diagnosis of each workload that
 * did not make it.
 */
public final class ResourceApplyTool {

    static final String NAME = "resource_apply";

    /** Half of the default request body limit, leaving room for the JSON-RPC envelope and escaping. */
    static final int MAX_MANIFEST_LENGTH = 512 * 1024;

    private static final String DESCRIPTION = """
            Create or update Kubernetes objects from YAML or JSON manifests with server-side apply (field \
            manager k-mcp; a conflict with another field manager is reported, never forced), with the caller's \
            own permissions. `resourceYAML` holds one or more documents separated by --- lines; kind: List is \
            expanded. Every document is checked against this server's policy first: %s are restricted, and one \
            restricted document refuses the whole request. Then every \
            document is dry-run; nothing is applied if any check fails. The plan (per document: will be \
            created, which fields will change, or unchanged) is confirmed once: when the client supports \
            elicitation the user is asked, and confirm: true does not skip that question; otherwise nothing is \
            applied until you show the plan to the user and, once they approve it, call again with the same \
            resourceYAML and confirm: true. dryRun: true returns the plan without asking or applying. \
            Namespaces and CRDs are applied first; a document that needs one of them is dry-run right after \
            it exists. Nothing is ever deleted. wait: true then follows what was applied until it is ready \
            (Deployments, StatefulSets, DaemonSets rolled out, Jobs complete, other objects with a Ready \
            condition True; kinds without readiness, such as ConfigMaps, are not waited for), at most \
            timeoutSeconds (default %d, at most %d), with progress notifications; a crash-looping or unpullable \
            container, a Deployment past its progress deadline or a failed Job ends the wait at once, and a \
            workload that failed or timed out comes with the findings of workload_diagnose.""";

    static final Argument<String> RESOURCE_YAML = Argument.requiredText(
            "resourceYAML", MAX_MANIFEST_LENGTH, "One or more YAML or JSON documents, separated by --- lines.");
    static final Argument<Optional<Boolean>> DRY_RUN = Argument.flag(
            "dryRun", "true to get the plan (what would be created or changed) without asking or applying anything.");
    static final Argument<Optional<Boolean>> CONFIRM = Argument.flag(
            ApplyConfirmation.FIELD,
            "true when the user has approved the plan, for clients that cannot ask their user; when the client"
                    + " supports elicitation the user is asked anyway.");

    /** How long a wait lasts when timeoutSeconds is left out. */
    static final int DEFAULT_TIMEOUT_SECONDS = 60;

    /**
     * The longest wait: half the 10 minutes the server gives a client to answer it, and short enough
     * for the idle timeouts of the proxies in front of it, which the stream's keep-alive and the
     * progress notifications reset.
     */
    static final int MAX_TIMEOUT_SECONDS = 300;

    static final Argument<Optional<Boolean>> WAIT = Argument.flag(
            "wait",
            "true to follow what was applied until it is ready, failed or timeoutSeconds is up; ignored with"
                    + " dryRun: true, which applies nothing.");
    static final Argument<Optional<Integer>> TIMEOUT_SECONDS = Argument.integer(
            "timeoutSeconds",
            1,
            MAX_TIMEOUT_SECONDS,
            "How long wait: true waits at most, in seconds; default " + DEFAULT_TIMEOUT_SECONDS
                    + ". Only with wait: true.");

    /** The plan of a document the request never got to preview (a dry run before it failed). */
    static final String NOT_PREVIEWED = "was not previewed";

    private static final int MAX_REASON_LENGTH = 200;

    private static final String OUTPUT_SCHEMA =
            """
            {
              "type": "object",
              "properties": {
                "status": {
                  "type": "string", "enum": [%s],
                  "description": "APPLIED: every document is as written. PREVIEWED: dry run only. DECLINED, CANCELLED, CONFIRMATION_REQUIRED, REJECTED: nothing applied. FAILED: applying stopped at a failed document."
                },
                "applied": {"type": "boolean", "description": "true when every document is now as written (status APPLIED)."},
                "documents": {
                  "type": "array",
                  "description": "The documents in the order they are applied: Namespaces and CRDs first.",
                  "items": {
                    "type": "object",
                    "properties": {
                      "document": {"type": "string", "description": "Where it is in resourceYAML: document 2, or document 1, item 3 for an item of a kind: List."},
                      "apiVersion": {"type": "string"},
                      "kind": {"type": "string"},
                      "namespace": {"type": "string"},
                      "name": {"type": "string"},
                      "plan": {"type": "string", "description": "What the dry run showed: will be created, will change <fields>, is unchanged, cannot be previewed: <why>, or was not previewed."},
                      "outcome": {"type": "string", "description": "What applying did: created, configured (<fields>), unchanged, failed: <why>, not applied: <why>. Absent when nothing was attempted."}
                    },
                    "required": ["document", "apiVersion", "kind", "name", "plan"],
                    "additionalProperties": false
                  }
                },
                "wait": {
                  "type": "object",
                  "description": "Present when wait: true was passed: how the wait for readiness ended.",
                  "properties": {
                    "ready": {"type": "boolean", "description": "true when every object is ready or has no readiness to wait for."},
                    "seconds": {"type": "integer", "description": "How long the wait took."},
                    "skipped": {"type": "string", "description": "Why nothing was waited for (a dry run, nothing applied)."},
                    "objects": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "properties": {
                          "document": {"type": "string"},
                          "kind": {"type": "string"},
                          "namespace": {"type": "string"},
                          "name": {"type": "string"},
                          "state": {"type": "string", "enum": [%s], "description": "READY; NO_READINESS: a kind with nothing to wait for, in effect as applied; FAILED: a failure no wait mends; TIMED_OUT; UNREADABLE: gone or not readable."},
                          "detail": {"type": "string", "description": "What the last look at it said."},
                          "afterSeconds": {"type": "integer", "description": "When in the wait its state was reached."},
                          "findings": {"type": "array", "description": "The findings of workload_diagnose, for a workload that failed or timed out.", "items": {"type": "object"}},
                          "diagnosisGap": {"type": "string", "description": "Why a workload that failed or timed out has no findings."}
                        },
                        "required": ["document", "kind", "name", "state", "detail", "afterSeconds"],
                        "additionalProperties": false
                      }
                    }
                  },
                  "required": ["ready"],
                  "additionalProperties": false
                }
              },
              "required": ["status", "applied", "documents"],
              "additionalProperties": false
            }
            """.formatted(quoted(Status.values()), quoted(ReadinessReport.Verdict.values()));

    private final ApplyResources applyResources;
    private final AwaitReadiness awaitReadiness;
    private final AccessPolicy policy;
    private final ToolCallObserver observer;

    public ResourceApplyTool(ApplyResources applyResources, AwaitReadiness awaitReadiness) {
        this(applyResources, awaitReadiness, AccessPolicy.builtIn());
    }

    /** @param policy what the description says is restricted */
    public ResourceApplyTool(ApplyResources applyResources, AwaitReadiness awaitReadiness, AccessPolicy policy) {
        this(applyResources, awaitReadiness, policy, ToolCallObserver.NONE);
    }

    /** @param observer told how each confirmation went */
    public ResourceApplyTool(
            ApplyResources applyResources,
            AwaitReadiness awaitReadiness,
            AccessPolicy policy,
            ToolCallObserver observer) {
        this.applyResources = Objects.requireNonNull(applyResources, "applyResources");
        this.awaitReadiness = Objects.requireNonNull(awaitReadiness, "awaitReadiness");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    public ToolDeclaration declaration() {
        return new ToolDeclaration(
                NAME,
                "Apply Kubernetes manifests",
                DESCRIPTION.formatted(policy.inWords(), DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS),
                ToolDeclaration.Effect.APPLIES,
                List.of(RESOURCE_YAML, DRY_RUN, CONFIRM, WAIT, TIMEOUT_SECONDS),
                Json.object(OUTPUT_SCHEMA),
                this::call);
    }

    ToolAnswer call(Caller caller, Arguments arguments, Conversation conversation) {
        boolean dryRun = arguments.get(DRY_RUN).orElse(false);
        boolean wait = arguments.get(WAIT).orElse(false);
        Optional<Integer> timeoutSeconds = arguments.get(TIMEOUT_SECONDS);
        if (timeoutSeconds.isPresent() && !wait) {
            throw new InvalidArgumentException("The argument 'timeoutSeconds' bounds a wait: pass it with wait: true,"
                    + " or leave it out. Nothing was applied.");
        }
        ApplyCommand command = new ApplyCommand(arguments.get(RESOURCE_YAML), dryRun);
        CharBudget budget = arguments.budget();
        ApplyConfirmation confirmation = new ApplyConfirmation(
                caller, conversation, arguments.get(CONFIRM).orElse(false), observer);
        conversation.progress(
                1, ApplyConfirmation.STEPS, "checking the documents against the policy and dry-running them");
        ApplyReport report = applyResources.apply(caller, command, confirmation);
        Map<String, Object> structured = structured(report);
        if (!wait) {
            String text = text(report, caller, confirmation, budget);
            return switch (report.status()) {
                case REJECTED, FAILED -> ToolAnswer.failure(text, structured);
                case PREVIEWED, APPLIED, DECLINED, CANCELLED, CONFIRMATION_REQUIRED ->
                    ToolAnswer.success(text, structured);
            };
        }
        if (report.status() != Status.APPLIED) {
            String why = report.status() == Status.PREVIEWED
                    ? "wait: true was ignored: a dry run applies nothing, so there is nothing to wait for; call again"
                            + " without dryRun to apply and wait."
                    : "Nothing was waited for: the wait starts only once every document is applied.";
            structured.put("wait", ReadinessText.skipped(why));
            // The note goes after the report when the budget has room for both; it is always in structuredContent.
            int room = budget.maxChars() - why.length() - 1;
            String answer = room >= CharBudget.MIN
                    ? text(report, caller, confirmation, new CharBudget(room)) + why + "\n"
                    : text(report, caller, confirmation, budget);
            return switch (report.status()) {
                case REJECTED, FAILED -> ToolAnswer.failure(answer, structured);
                case PREVIEWED, APPLIED, DECLINED, CANCELLED, CONFIRMATION_REQUIRED ->
                    ToolAnswer.success(answer, structured);
            };
        }
        int timeout = timeoutSeconds.orElse(DEFAULT_TIMEOUT_SECONDS);
        ReadinessReport readiness = awaitReadiness.await(
                caller,
                new ReadinessQuery(
                        report.outcomes().stream()
                                .map(DocumentOutcome::manifest)
                                .toList(),
                        Duration.ofSeconds(timeout)),
                new WaitNotices(conversation, timeout));
        structured.put("wait", ReadinessText.structured(readiness));
        String text = waitedText(report, readiness, caller, confirmation, budget);
        return readiness.allReady() ? ToolAnswer.success(text, structured) : ToolAnswer.failure(text, structured);
    }

    /**
     * The apply's status line, then the wait's, the objects that did not make it with their findings,
     * the next step, and the documents; cut in the reverse order when over the budget.
     */
    private static String waitedText(
            ApplyReport report,
            ReadinessReport readiness,
            Caller caller,
            ApplyConfirmation confirmation,
            CharBudget budget) {
        String rest = "structuredContent.wait lists every object; or " + Budgets.raise(budget);
        List<Row> rows = rows(report);
        return new Budgets()
                .section(
                        "",
                        Budgets.HEADLINE,
                        List.of(headline(report, rows.size(), caller, confirmation), ReadinessText.headline(readiness)),
                        rest)
                .section("Not ready", Budgets.ESSENTIAL, ReadinessText.unhappy(readiness), rest)
                .section(
                        "",
                        Budgets.HEADLINE,
                        ReadinessText.nextStep(readiness, MAX_TIMEOUT_SECONDS).stream()
                                .toList(),
                        rest)
                .section("Ready or nothing to wait for", 2, ReadinessText.fine(readiness), rest)
                .section(
                        "Applied",
                        3,
                        rows.stream().map(row -> "- " + OneLine.of(row.line())).toList(),
                        "structuredContent.documents lists every document; or " + Budgets.raise(budget))
                .render(budget)
                .text();
    }

    private static String quoted(Enum<?>[] values) {
        return Arrays.stream(values).map(value -> "\"" + value.name() + "\"").collect(Collectors.joining(", "));
    }

    /**
     * The wait's progress as MCP progress notifications, after the apply's own steps: the count is the
     * seconds waited (raised by one when two looks fall in the same second, as it must grow), out of the
     * timeout.
     */
    private static final class WaitNotices implements WaitProgress {

        private final Conversation conversation;
        private final int total;
        private int done = ApplyConfirmation.STEPS;

        WaitNotices(Conversation conversation, int timeoutSeconds) {
            this.conversation = conversation;
            this.total = ApplyConfirmation.STEPS + timeoutSeconds;
        }

        @Override
        public void waiting(int look, Duration elapsed, Duration timeout, List<String> pending) {
            done = Math.max(done + 1, ApplyConfirmation.STEPS + (int) elapsed.toSeconds());
            conversation.progress(
                    done,
                    total,
                    "waiting for readiness, " + elapsed.toSeconds() + " s of " + timeout.toSeconds() + " s: "
                            + OneLine.bounded(String.join("; ", pending), 500));
        }
    }

    /**
     * A status line, one line per document in apply order, the next step. When that is longer than
     * the budget, the failed documents come first and are cut last, then the ones not applied, then
     * the rest; the status line and the next step are kept.
     */
    static String text(ApplyReport report, Caller caller, ApplyConfirmation confirmation, CharBudget budget) {
        List<Row> rows = rows(report);
        String headline = headline(report, rows.size(), caller, confirmation);
        Optional<String> next = nextStep(report.status(), confirmation);
        StringBuilder text = new StringBuilder(headline).append('\n');
        rows.forEach(row -> text.append("- ").append(OneLine.of(row.line())).append('\n'));
        next.ifPresent(step -> text.append(step).append('\n'));
        if (text.length() <= budget.maxChars()) {
            return text.toString();
        }
        String rest = "structuredContent.documents lists every document; or " + Budgets.raise(budget);
        return new Budgets()
                .section("", Budgets.HEADLINE, List.of(headline), rest)
                .section("Failed", 1, lines(rows, ApplyOutcome.Failed.class), rest)
                .section("Not applied", 2, lines(rows, ApplyOutcome.NotAttempted.class), rest)
                .section(
                        "Documents",
                        3,
                        rows.stream()
                                .filter(row -> row.outcome()
                                        .filter(outcome -> outcome instanceof ApplyOutcome.Failed
                                                || outcome instanceof ApplyOutcome.NotAttempted)
                                        .isEmpty())
                                .map(row -> "- " + OneLine.of(row.line()))
                                .toList(),
                        rest)
                .section("", Budgets.HEADLINE, next.stream().toList(), rest)
                .render(budget)
                .text();
    }

    private static List<String> lines(List<Row> rows, Class<? extends ApplyOutcome> outcome) {
        return rows.stream()
                .filter(row -> row.outcome().filter(outcome::isInstance).isPresent())
                .map(row -> "- " + OneLine.of(row.line()))
                .toList();
    }

    private static String headline(ApplyReport report, int documents, Caller caller, ApplyConfirmation confirmation) {
        String count = documents + (documents == 1 ? " document" : " documents");
        String where = " on cluster " + OneLine.of(caller.cluster());
        return switch (report.status()) {
            case PREVIEWED -> "Dry run of " + count + where + ": nothing was applied. The plan:";
            case APPLIED -> "Applied " + count + where + ": " + tally(report.outcomes()) + ".";
            case DECLINED -> "Declined: the user did not approve the plan, so nothing was applied.";
            case CANCELLED ->
                confirmation
                        .unanswered()
                        .map(reason -> "Cancelled: no answer came to the confirmation question ("
                                + shortened(OneLine.of(reason)) + "), so nothing was applied.")
                        .orElse("Cancelled: the user dismissed the confirmation question, so nothing was applied.");
            case CONFIRMATION_REQUIRED -> "Confirmation required: nothing was applied yet. The plan:";
            case REJECTED -> "Rejected: a dry run failed, so nothing was applied.";
            case FAILED ->
                "Failed: applying stopped at a document that failed; the documents before it are"
                        + " applied, the ones after it are not.";
        };
    }

    /** A client's error message is not worth more than a line of the answer. */
    private static String shortened(String reason) {
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }

    private static Optional<String> nextStep(Status status, ApplyConfirmation confirmation) {
        String confirmArgument = "show this plan to the user and, once they approve it, call " + NAME
                + " again with the same resourceYAML and confirm: true.";
        return switch (status) {
            case PREVIEWED ->
                Optional.of(
                        confirmation.canAsk()
                                ? "To apply it, call " + NAME + " again with the same resourceYAML without dryRun;"
                                        + " the user will be asked to confirm."
                                : "To apply it, " + confirmArgument);
            case CONFIRMATION_REQUIRED ->
                Optional.of("This client cannot ask its user, so " + confirmArgument + " Do not pass confirm: true"
                        + " without the user's approval.");
            case DECLINED -> Optional.of("Do not apply it again unless the user asks; ask them what to change.");
            case CANCELLED -> Optional.of("Call " + NAME + " again if the user still wants these changes.");
            case REJECTED -> Optional.of("Fix the document whose dry run failed and send the whole request again.");
            case FAILED ->
                Optional.of("Fix the failed document and send the whole request again: the documents"
                        + " already applied come out unchanged.");
            case APPLIED -> Optional.empty();
        };
    }

    private static String tally(List<DocumentOutcome> outcomes) {
        long created = count(outcomes, ApplyOutcome.Created.class);
        long configured = count(outcomes, ApplyOutcome.Configured.class);
        long unchanged = count(outcomes, ApplyOutcome.Unchanged.class);
        if (created == 0 && configured == 0) {
            return "every document is already as written";
        }
        return created + " created, " + configured + " configured, " + unchanged + " unchanged";
    }

    private static long count(List<DocumentOutcome> outcomes, Class<? extends ApplyOutcome> kind) {
        return outcomes.stream()
                .filter(outcome -> kind.isInstance(outcome.outcome()))
                .count();
    }

    static Map<String, Object> structured(ApplyReport report) {
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("status", report.status().name());
        structured.put("applied", report.status() == Status.APPLIED);
        structured.put(
                "documents",
                rows(report).stream().map(ResourceApplyTool::describe).toList());
        return structured;
    }

    private static Map<String, Object> describe(Row row) {
        Manifest manifest = row.manifest();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("document", manifest.position().toString());
        document.put("apiVersion", manifest.apiVersion());
        document.put("kind", manifest.kind());
        manifest.namespace().map(NamespaceName::value).ifPresent(namespace -> document.put("namespace", namespace));
        document.put("name", manifest.name().value());
        document.put("plan", row.plan());
        row.outcome().ifPresent(outcome -> document.put("outcome", outcome.describe()));
        return document;
    }

    /**
     * One document with its plan and outcome. Outcomes, when there are any, cover every document of
     * the request; the plan may stop short of them when a dry run failed.
     */
    private static List<Row> rows(ApplyReport report) {
        Map<Position, DocumentPreview> previews = new LinkedHashMap<>();
        report.plan().forEach(preview -> previews.put(preview.manifest().position(), preview));
        if (report.outcomes().isEmpty()) {
            return report.plan().stream()
                    .map(preview -> new Row(preview.manifest(), Optional.of(preview), Optional.empty()))
                    .toList();
        }
        return report.outcomes().stream()
                .map(outcome -> new Row(
                        outcome.manifest(),
                        Optional.ofNullable(previews.get(outcome.manifest().position())),
                        Optional.of(outcome.outcome())))
                .toList();
    }

    private record Row(Manifest manifest, Optional<DocumentPreview> preview, Optional<ApplyOutcome> outcome) {

        String plan() {
            return preview.map(p -> p.change().describe()).orElse(NOT_PREVIEWED);
        }

        /** {@code document 2 (apps/v1 Deployment shop/web) will change spec.replicas → configured (spec.replicas)}. */
        String line() {
            return manifest.describe() + " " + plan()
                    + outcome.map(o -> " → " + o.describe()).orElse("");
        }
    }
}
