package io.kmcp.adapters.mcp.tool;

import static io.kmcp.adapters.mcp.tool.DiagnosisRenderingTest.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.adapters.mcp.support.Diagnoses;
import io.kmcp.adapters.mcp.support.TestClock;
import io.kmcp.application.port.in.EventList;
import io.kmcp.application.port.in.EventsQuery;
import io.kmcp.application.port.in.PodLogs;
import io.kmcp.domain.budget.CharBudget;
import io.kmcp.domain.diagnosis.EventGroup;
import io.kmcp.domain.diagnosis.LogLines;
import io.kmcp.domain.diagnosis.ObjectRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EventsAndLogsRenderingTest {

    private static final CharBudget DEFAULT = new CharBudget(CharBudget.DEFAULT);
    private static final EventsQuery ALL = new EventsQuery(
            Optional.of("shop"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    private static final EventGroup BACK_OFF = new EventGroup(
            "Warning",
            "BackOff",
            Diagnoses.POD_A,
            "Back-off restarting failed container",
            12,
            Optional.of(TestClock.NOW.minusSeconds(900)),
            Optional.of(TestClock.NOW.minusSeconds(30)));
    private static final EventGroup SCHEDULED = new EventGroup(
            "Normal",
            "Scheduled",
            new ObjectRef("Pod", "team-a", "api-0", ""),
            "Successfully assigned team-a/api-0 to node-1",
            1,
            Optional.empty(),
            Optional.empty());

    @Test
    @DisplayName(
            "Events are one line per group: type, reason, count, last seen, object, message; other namespaces are named")
    void events() {
        EventList events = new EventList(Optional.of("shop"), List.of(BACK_OFF, SCHEDULED), 13, 0, false);

        assertThat(EventsListTool.text(events, ALL, TestClock.NOW, DEFAULT).text())
                .isEqualTo("""
                        2 event groups (13 events) in namespace shop, warnings first, newest first:

                        Warning BackOff ×12 (last 30s ago) Pod web-7d9f-abc: Back-off restarting failed container
                        Normal Scheduled Pod team-a/api-0: Successfully assigned team-a/api-0 to node-1""");
    }

    @Test
    @DisplayName("Groups left out by the limit and events the API server did not send are said, with what to do")
    void limitsAreSaid() {
        EventList events = new EventList(Optional.empty(), List.of(BACK_OFF), 2000, 7, true);
        EventsQuery warnings = new EventsQuery(
                Optional.empty(),
                Optional.of("Pod/web-7d9f-abc"),
                Optional.of("Warning"),
                Optional.of(600),
                Optional.of(1));

        String text =
                EventsListTool.text(events, warnings, TestClock.NOW, DEFAULT).text();

        assertThat(text)
                .startsWith(
                        "1 event group (2000 events) in all namespaces, about Pod/web-7d9f-abc, Warning only, seen in"
                                + " the last 10m, warnings first, newest first:\n")
                .contains("7 more groups were left out by the limit: call events_list again with a larger limit")
                .contains("The API server held more events than were read: narrow with namespace")
                .contains("Pod shop/web-7d9f-abc: Back-off");
    }

    @Test
    @DisplayName("No events is one plain line")
    void noEvents() {
        assertThat(EventsListTool.text(
                                new EventList(Optional.of("shop"), List.of(), 0, 0, false), ALL, TestClock.NOW, DEFAULT)
                        .text())
                .isEqualTo("No events in namespace shop.");
    }

    @Test
    @DisplayName("Many events in a small budget: cut from the oldest groups, with the narrower call spelled out")
    void eventsTruncated() {
        List<EventGroup> groups = IntStream.range(0, 100)
                .mapToObj(i -> new EventGroup(
                        "Normal",
                        "Pulled",
                        new ObjectRef("Pod", "shop", "batch-" + i, ""),
                        "Container image already present on machine",
                        1,
                        Optional.empty(),
                        Optional.of(TestClock.NOW.minusSeconds(i))))
                .toList();

        String text = EventsListTool.text(
                        new EventList(Optional.of("shop"), groups, 100, 0, false),
                        ALL,
                        TestClock.NOW,
                        new CharBudget(1000))
                .text();

        assertThat(text.length()).isLessThanOrEqualTo(1000);
        assertThat(text)
                .contains("Pod batch-0:")
                .doesNotContain("Pod batch-99:")
                .contains(
                        "more lines omitted: call events_list {\"namespace\": \"shop\", \"type\": \"Warning\"} or call"
                                + " again with the same arguments and maxChars=8000");
        assertValid(
                new EventsListTool((caller, query) -> null, TestClock.CLOCK)
                        .declaration()
                        .outputSchema(),
                EventsListTool.structured(new EventList(Optional.of("shop"), groups, 100, 0, false), true));
    }

    private static PodLogs logs(List<String> lines, int matched, int omitted, int scanned, Optional<String> grep) {
        return new PodLogs(
                Diagnoses.POD_A,
                "app",
                true,
                new LogLines(lines, matched, omitted, scanned),
                List.of("app", "istio-proxy"),
                grep);
    }

    @Test
    @DisplayName("A log: header with pod, container, previous, what matched and what was left out; then the lines")
    void podLogs() {
        PodLogs logs = logs(
                List.of("ERROR connecting to db:5432", "panic: cannot connect to database"),
                2,
                3,
                523,
                Optional.of("error|panic"));

        PodLogsTool.Shown shown = PodLogsTool.fit(logs, DEFAULT);

        assertThat(shown.rendered().text()).isEqualTo("""
                Pod shop/web-7d9f-abc, container app, previous instance (the one that crashed)
                2 of 523 lines matched grep 'error|panic', 2 shown; 3 older matching lines left out by tailLines/limitBytes.
                Other containers: istio-proxy (pass container to read one).

                ERROR connecting to db:5432
                panic: cannot connect to database""");
        assertThat(shown.droppedForBudget()).isZero();
    }

    @Test
    @DisplayName("An empty log and a grep that matches nothing say so")
    void emptyLogs() {
        assertThat(PodLogsTool.fit(logs(List.of(), 0, 0, 0, Optional.empty()), DEFAULT)
                        .rendered()
                        .text())
                .contains("0 lines read, 0 shown; the log is empty.");
        assertThat(PodLogsTool.fit(logs(List.of(), 0, 0, 40, Optional.of("timeout")), DEFAULT)
                        .rendered()
                        .text())
                .contains("0 of 40 lines matched grep 'timeout', 0 shown; no line matched.");
    }

    @Test
    @DisplayName("A log longer than maxChars keeps the newest lines and says how many earlier ones were left out")
    void podLogsTruncated() {
        List<String> lines = IntStream.range(0, 500)
                .mapToObj(i -> "2026-06-01T11:00:00Z line " + i + " of the log")
                .toList();
        PodLogs logs = logs(lines, 500, 0, 500, Optional.empty());

        PodLogsTool.Shown shown = PodLogsTool.fit(logs, new CharBudget(2000));
        String text = shown.rendered().text();

        assertThat(text.length()).isLessThanOrEqualTo(2000);
        assertThat(text).endsWith("line 499 of the log").doesNotContain("line 0 of the log");
        assertThat(text)
                .containsPattern("\n… \\d+ earlier lines omitted to fit maxChars=2000: call again with the same"
                        + " arguments and maxChars=8000, or narrow with grep or tailLines\n");
        assertThat(shown.droppedForBudget()).isPositive();
        assertThat(shown.lines()).hasSize(500 - shown.droppedForBudget()).last().isEqualTo(lines.get(499));
        Map<String, Object> structured = PodLogsTool.structured(logs, shown);
        assertThat(structured)
                .containsEntry("omitted", shown.droppedForBudget())
                .containsEntry("truncated", true);
        assertValid(new PodLogsTool((caller, query) -> null).declaration().outputSchema(), structured);
        for (int max = CharBudget.MIN; max < 3000; max += 13) {
            assertThat(PodLogsTool.fit(logs, new CharBudget(max))
                            .rendered()
                            .text()
                            .length())
                    .as("maxChars=%d", max)
                    .isLessThanOrEqualTo(max);
        }
    }

    @Test
    @DisplayName("Control characters in log lines are escaped, so a line cannot pose as the header")
    void logLinesAreOneLine() {
        PodLogs logs = logs(List.of("\u001b[31mred\u001b[0m\rPod kube-system/x"), 1, 0, 1, Optional.empty());

        assertThat(PodLogsTool.fit(logs, DEFAULT).rendered().text())
                .endsWith("\n\\u001b[31mred\\u001b[0m\\u000dPod kube-system/x");
    }
}
