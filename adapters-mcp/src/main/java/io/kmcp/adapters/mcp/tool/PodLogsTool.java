package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.Caller;
import io.kmcp.application.port.in.PodLogs;
import io.kmcp.application.port.in.PodLogsQuery;
import io.kmcp.application.port.in.ReadPodLogs;
import io.kmcp.domain.Texts;
import io.kmcp.domain.budget.CharBudget;
import io.kmcp.domain.budget.Rendered;
import io.kmcp.domain.diagnosis.LogFilter;
import io.kmcp.domain.diagnosis.LogLines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code pod_logs}: the end of one container's log, filtered. The newest lines matter most, so when
 * the budget is short the oldest lines go first (unlike the other tools, whose sections are cut from
 * their end).
 */
public final class PodLogsTool {

    static final String NAME = "pod_logs";

    /** A log line longer than this is cut: one line must not eat the whole budget. */
    static final int MAX_LINE = 2000;

    private static final String DESCRIPTION =
            """
            The last lines of one container's log, with the caller's own permissions. `previous: true` reads \
            the previous instance of the container: the one that crashed, for a container in CrashLoopBackOff \
            or OOMKilled. `grep` keeps only the lines containing the text (case-insensitive, literal; a|b for \
            either) and is applied before `tailLines` (default %d) and `limitBytes` (default %d), so \
            grep finds matches in the whole log the API server returns. `container` is required when the pod \
            has several containers and no default one; the answer names them. The answer says how many lines \
            matched and how many were left out. workload_diagnose already shows the last log lines of failing \
            containers.""".formatted(LogFilter.DEFAULT_TAIL_LINES, LogFilter.DEFAULT_LIMIT_BYTES);

    static final Argument<String> POD = Argument.requiredText("name", Limits.NAME, "The pod.");
    static final Argument<String> NAMESPACE = Argument.requiredText("namespace", Limits.NAMESPACE, "Its namespace.");
    static final Argument<Optional<String>> CONTAINER = Argument.text(
            "container",
            Limits.CONTAINER,
            "The container; may be left out when the pod has one (or names a default one).");
    static final Argument<Optional<Boolean>> PREVIOUS = Argument.flag(
            "previous", "true for the log of the previous instance of the container (the one that crashed).");
    static final Argument<Optional<Integer>> TAIL_LINES = Argument.integer(
            "tailLines",
            1,
            LogFilter.MAX_TAIL_LINES,
            "At most so many lines, the last ones (after grep); " + LogFilter.DEFAULT_TAIL_LINES + " when left out.");
    static final Argument<Optional<Integer>> SINCE_SECONDS = Argument.integer(
            "sinceSeconds", 1, Limits.MAX_SINCE_SECONDS, "Only lines written in the last so many seconds.");
    static final Argument<Optional<Integer>> LIMIT_BYTES = Argument.integer(
            "limitBytes",
            1,
            LogFilter.MAX_LIMIT_BYTES,
            "At most so many bytes of lines, the last ones; " + LogFilter.DEFAULT_LIMIT_BYTES + " when left out.");
    static final Argument<Optional<String>> GREP = Argument.text(
            "grep",
            Limits.GREP,
            "Keep only lines containing this text, case-insensitive; a|b keeps lines containing a or b. Literal"
                    + " text, not a regular expression.");

    private static final String OUTPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "pod": %s,
                "container": {"type": "string"},
                "previous": {"type": "boolean"},
                "containers": {"type": "array", "items": {"type": "string"}, "description": "Every container of the pod."},
                "grep": {"type": "string"},
                "matched": {"type": "integer", "description": "Lines that matched grep (every line without grep)."},
                "omitted": {"type": "integer", "description": "Matched lines left out by tailLines, limitBytes or maxChars."},
                "scanned": {"type": "integer", "description": "Lines the API server returned."},
                "lines": {"type": "array", "items": {"type": "string"}, "description": "The lines shown in the text answer, oldest first."},
                "truncated": {"type": "boolean", "description": "true when lines were left out to fit maxChars."}
              },
              "required": ["pod", "container", "previous", "containers", "matched", "omitted", "scanned", "lines", "truncated"],
              "additionalProperties": false
            }
            """.formatted(EventLines.REFERENCE_SCHEMA);

    private final ReadPodLogs readPodLogs;

    public PodLogsTool(ReadPodLogs readPodLogs) {
        this.readPodLogs = Objects.requireNonNull(readPodLogs, "readPodLogs");
    }

    public ToolDeclaration declaration() {
        return new ToolDeclaration(
                NAME,
                "Read a container's log",
                DESCRIPTION,
                ToolDeclaration.Effect.READS,
                List.of(POD, NAMESPACE, CONTAINER, PREVIOUS, TAIL_LINES, SINCE_SECONDS, LIMIT_BYTES, GREP),
                Json.object(OUTPUT_SCHEMA),
                this::call);
    }

    ToolAnswer call(Caller caller, Arguments arguments, Conversation conversation) {
        PodLogsQuery query = new PodLogsQuery(
                arguments.get(POD),
                arguments.get(NAMESPACE),
                arguments.get(CONTAINER),
                arguments.get(PREVIOUS).orElse(false),
                arguments.get(TAIL_LINES),
                arguments.get(SINCE_SECONDS),
                arguments.get(LIMIT_BYTES),
                arguments.get(GREP));
        CharBudget budget = arguments.budget();
        PodLogs logs = readPodLogs.read(caller, query);
        Shown shown = fit(logs, budget);
        return ToolAnswer.success(shown.rendered().text(), structured(logs, shown));
    }

    /** The text and the lines it shows. */
    record Shown(Rendered rendered, List<String> lines, int droppedForBudget) {}

    /**
     * The header, then as many of the newest lines as fit: the oldest are dropped first, and a line
     * in their place says how many and how to get them.
     */
    static Shown fit(PodLogs logs, CharBudget budget) {
        List<String> header = header(logs);
        List<String> lines = logs.lines().lines().stream()
                .map(line -> OneLine.bounded(line, MAX_LINE))
                .toList();
        int available = budget.maxChars()
                - header.stream().mapToInt(line -> line.length() + 1).sum()
                - 1; // the blank line between the header and the lines
        int kept = 0;
        int used = 0;
        String marker = "";
        for (int i = lines.size() - 1; i >= 0; i--) {
            int dropped = i;
            String candidateMarker = dropped == 0 ? "" : droppedMarker(dropped, logs, budget);
            int cost = lines.get(i).length() + 1;
            int markerCost = candidateMarker.isEmpty() ? 0 : candidateMarker.length() + 1;
            if (used + cost + markerCost > available) {
                break;
            }
            used += cost;
            kept++;
            marker = candidateMarker;
        }
        int dropped = lines.size() - kept;
        List<String> shownLines = lines.subList(dropped, lines.size());
        List<String> body = new ArrayList<>();
        if (dropped > 0) {
            body.add(kept == 0 ? droppedMarker(dropped, logs, budget) : marker);
        }
        body.addAll(shownLines);
        Rendered rendered = new Budgets()
                .section("", Budgets.HEADLINE, header, Budgets.raise(budget))
                .section("", 1, body, Budgets.raise(budget))
                .render(budget);
        List<String> raw = logs.lines().lines();
        return new Shown(rendered, raw.subList(dropped, raw.size()), dropped);
    }

    private static String droppedMarker(int dropped, PodLogs logs, CharBudget budget) {
        return "… " + dropped + " earlier line" + (dropped == 1 ? "" : "s") + " omitted to fit maxChars="
                + budget.maxChars() + ": " + Budgets.raise(budget) + ", or narrow with grep or tailLines";
    }

    /**
     * {@code Pod shop/web-abc, container app, previous instance (the one that crashed)}, then what
     * was matched and left out, then the other containers.
     */
    static List<String> header(PodLogs logs) {
        List<String> header = new ArrayList<>();
        header.add("Pod "
                + OneLine.bounded(logs.pod().namespace() + "/" + logs.pod().name(), 320) + ", container "
                + OneLine.bounded(logs.container(), 63)
                + (logs.previous() ? ", previous instance (the one that crashed)" : ", current instance"));
        LogLines lines = logs.lines();
        int shown = lines.lines().size();
        String counts;
        if (logs.grep().isPresent()) {
            counts = lines.matched() + " of " + DiagnosisText.count(lines.scanned(), "line") + " matched grep "
                    + Texts.quote(logs.grep().get()) + ", " + shown + " shown";
        } else {
            counts = DiagnosisText.count(lines.scanned(), "line") + " read, " + shown + " shown";
        }
        if (lines.omitted() > 0) {
            counts += "; " + lines.omitted() + " older " + (logs.grep().isPresent() ? "matching " : "")
                    + (lines.omitted() == 1 ? "line" : "lines") + " left out by tailLines/limitBytes";
        }
        if (shown == 0) {
            counts += logs.grep().isPresent() ? "; no line matched" : "; the log is empty";
        }
        header.add(counts + ".");
        List<String> others = logs.containers().stream()
                .filter(container -> !container.equals(logs.container()))
                .map(container -> OneLine.bounded(container, 63))
                .toList();
        if (!others.isEmpty()) {
            header.add("Other containers: " + String.join(", ", others) + " (pass container to read one).");
        }
        return header;
    }

    static Map<String, Object> structured(PodLogs logs, Shown shown) {
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("pod", EventLines.reference(logs.pod()));
        structured.put("container", logs.container());
        structured.put("previous", logs.previous());
        structured.put("containers", logs.containers());
        logs.grep().ifPresent(grep -> structured.put("grep", grep));
        structured.put("matched", logs.lines().matched());
        structured.put("omitted", logs.lines().omitted() + shown.droppedForBudget());
        structured.put("scanned", logs.lines().scanned());
        structured.put("lines", shown.lines());
        structured.put(
                "truncated", shown.droppedForBudget() > 0 || shown.rendered().truncated());
        return structured;
    }
}
