package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.port.in.ReadinessReport;
import io.kmcp.application.port.in.ReadinessReport.ObjectReadiness;
import io.kmcp.application.port.in.ReadinessReport.Verdict;
import io.kmcp.domain.apply.Manifest;
import io.kmcp.domain.resource.NamespaceName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The wait of {@code resource_apply} in words: a headline with the tally and the time it took, one
 * line per object, and for a workload that failed or timed out the diagnosis' headline and findings,
 * as {@code workload_diagnose} gives them; and the same as structured content.
 */
final class ReadinessText {

    private static final int MAX_LINE = 300;

    private ReadinessText() {}

    static String headline(ReadinessReport report) {
        String tally = tally(report);
        String took = seconds(report.waited());
        return report.allReady()
                ? "Ready after " + took + ": " + tally + "."
                : "Not ready after waiting " + took + ": " + tally + ".";
    }

    private static String tally(ReadinessReport report) {
        List<String> parts = new ArrayList<>();
        for (Verdict verdict : Verdict.values()) {
            long count = report.objects().stream()
                    .filter(object -> object.verdict() == verdict)
                    .count();
            if (count > 0) {
                parts.add(count + " " + words(verdict));
            }
        }
        return String.join(", ", parts);
    }

    private static String words(Verdict verdict) {
        return switch (verdict) {
            case READY -> "ready";
            case NO_READINESS -> "with no readiness to wait for";
            case FAILED -> "failed";
            case TIMED_OUT -> "timed out";
            case UNREADABLE -> "unreadable";
        };
    }

    /** The objects that did not make it first, each with its diagnosis; then the others, one line each. */
    static List<String> unhappy(ReadinessReport report) {
        List<String> lines = new ArrayList<>();
        for (ObjectReadiness object : report.objects()) {
            if (object.verdict().fine()) {
                continue;
            }
            lines.add("- " + line(object));
            object.diagnosis().ifPresent(diagnosis -> {
                lines.add("  Diagnosis: " + OneLine.bounded(DiagnosisText.headline(diagnosis), MAX_LINE));
                DiagnosisText.findings(diagnosis.findings()).forEach(finding -> lines.add("  " + finding));
            });
            object.diagnosisGap().ifPresent(gap -> lines.add("  " + OneLine.bounded(gap, MAX_LINE)));
        }
        return lines;
    }

    static List<String> fine(ReadinessReport report) {
        return report.objects().stream()
                .filter(object -> object.verdict().fine())
                .map(object -> "- " + line(object))
                .toList();
    }

    /** {@code document 2 (apps/v1 Deployment shop/web): failed after 12 s: container app … CrashLoopBackOff}. */
    private static String line(ObjectReadiness object) {
        String state = switch (object.verdict()) {
            case READY -> "ready after " + seconds(object.after());
            case NO_READINESS -> "not waited for";
            case FAILED -> "failed after " + seconds(object.after());
            case TIMED_OUT -> "timed out after " + seconds(object.after());
            case UNREADABLE -> "unreadable after " + seconds(object.after());
        };
        return OneLine.bounded(object.manifest().describe() + ": " + state + ": " + object.last(), MAX_LINE);
    }

    /** What to do about the objects that did not make it, when some did not. */
    static Optional<String> nextStep(ReadinessReport report, int maxTimeoutSeconds) {
        List<String> steps = new ArrayList<>();
        for (ObjectReadiness object : report.objects()) {
            Manifest manifest = object.manifest();
            String namespace = manifest.namespace().map(NamespaceName::value).orElse("");
            Map<String, ?> read = namespace.isEmpty()
                    ? Budgets.arguments(
                            "resource", manifest.kind(), "name", manifest.name().value())
                    : Budgets.arguments(
                            "resource", manifest.kind(), "name", manifest.name().value(), "namespace", namespace);
            switch (object.verdict()) {
                case FAILED, TIMED_OUT -> {
                    if (object.diagnosis().isPresent()) {
                        steps.add(
                                "for " + manifest.kind() + " " + manifest.name().value()
                                        + ", fix the cause the findings name and apply again (the findings are those of "
                                        + Budgets.call(WorkloadDiagnoseTool.NAME, read) + ", which also shows its pods,"
                                        + " events and logs)");
                    } else {
                        steps.add(
                                "for " + manifest.kind() + " " + manifest.name().value() + ", read its status with "
                                        + Budgets.call(ResourceGetTool.NAME, read));
                    }
                    if (object.verdict() == Verdict.TIMED_OUT) {
                        steps.add("to give it longer, call " + ResourceApplyTool.NAME
                                + " again with the same resourceYAML, wait: true and a larger timeoutSeconds (at most "
                                + maxTimeoutSeconds + "); applying it again changes nothing");
                    }
                }
                case UNREADABLE ->
                    steps.add("for " + manifest.kind() + " " + manifest.name().value() + ", check that it exists with "
                            + Budgets.call(ResourceGetTool.NAME, read));
                case NO_READINESS -> {
                    // A built-in kind without readiness is simply in effect; another group's object may
                    // report its state in a way of its own, which only reading it shows.
                    if (!manifest.group().isEmpty()) {
                        steps.add(
                                "for " + manifest.kind() + " " + manifest.name().value()
                                        + ", which reported nothing to wait for, read its status with "
                                        + Budgets.call(ResourceGetTool.NAME, read));
                    }
                }
                case READY -> {}
            }
        }
        return steps.isEmpty()
                ? Optional.empty()
                : Optional.of(
                        "Next: " + String.join("; ", steps.stream().distinct().toList()) + ".");
    }

    static Map<String, Object> structured(ReadinessReport report) {
        Map<String, Object> wait = new LinkedHashMap<>();
        wait.put("ready", report.allReady());
        wait.put("seconds", report.waited().toSeconds());
        wait.put(
                "objects",
                report.objects().stream().map(ReadinessText::describe).toList());
        return wait;
    }

    static Map<String, Object> skipped(String why) {
        Map<String, Object> wait = new LinkedHashMap<>();
        wait.put("ready", false);
        wait.put("skipped", why);
        return wait;
    }

    private static Map<String, Object> describe(ObjectReadiness object) {
        Manifest manifest = object.manifest();
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("document", manifest.position().toString());
        described.put("kind", manifest.kind());
        manifest.namespace().map(NamespaceName::value).ifPresent(namespace -> described.put("namespace", namespace));
        described.put("name", manifest.name().value());
        described.put("state", object.verdict().name());
        described.put("detail", object.last());
        described.put("afterSeconds", object.after().toSeconds());
        object.diagnosis()
                .ifPresent(diagnosis -> described.put(
                        "findings",
                        diagnosis.findings().stream()
                                .map(WorkloadDiagnoseTool::finding)
                                .toList()));
        object.diagnosisGap().ifPresent(gap -> described.put("diagnosisGap", gap));
        return described;
    }

    /** {@code 12 s}; a wait shorter than a second is {@code 0 s}. */
    static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
