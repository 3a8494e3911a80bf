package io.kmcp.acceptance.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/** The benchmark's results as Markdown: one row per state and server, totals per server, the facts. */
final class Report {

    /** Approximate tokens: one per four characters of text. */
    static final int CHARS_PER_TOKEN = 4;

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, String> facts = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    /**
     * One measured diagnosis: the whole sequence of calls one server needed.
     *
     * @param calls MCP tool calls
     * @param toolErrors of those, the ones answered with {@code isError}
     * @param apiRequests requests the audit log recorded from the server's service account
     * @param discovery of those, discovery requests
     * @param latencyMillis the sequence's wall-clock time as the client saw it, calls one after another
     * @param textChars the characters of text content of all answers
     * @param causeNamed whether the answers' text contains a word naming the cause
     */
    record Run(
            int calls,
            int toolErrors,
            int apiRequests,
            int discovery,
            long latencyMillis,
            int textChars,
            boolean causeNamed) {}

    /** The measured runs of one state on one server (the warm-up is not among them). */
    record Row(String state, String server, boolean hasCause, List<Run> runs) {
        Row {
            runs = List.copyOf(runs);
            if (runs.isEmpty()) {
                throw new IllegalArgumentException("no run of " + state + " on " + server);
            }
        }

        long medianLatency() {
            return median(runs, Run::latencyMillis);
        }

        long medianApiRequests() {
            return median(runs, Run::apiRequests);
        }

        long medianDiscovery() {
            return median(runs, Run::discovery);
        }

        long medianChars() {
            return median(runs, Run::textChars);
        }

        int calls() {
            return runs.get(0).calls();
        }

        int maxToolErrors() {
            return runs.stream().mapToInt(Run::toolErrors).max().orElse(0);
        }

        long causeNamedRuns() {
            return runs.stream().filter(Run::causeNamed).count();
        }
    }

    void add(Row row) {
        rows.add(row);
    }

    void fact(String name, String value) {
        facts.put(name, value);
    }

    void note(String note) {
        notes.add(note);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The median of the values (the lower middle one for an even count). */
    static <T> long median(List<T> values, ToLongFunction<T> of) {
        long[] sorted = values.stream().mapToLong(of).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no value");
        }
        return sorted[(sorted.length - 1) / 2];
    }

    String markdown(String title) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(title).append("\n\n");
        out.append(
                "| state | server | tool calls | API requests | latency ms | text chars | ≈ tokens | cause named |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---|\n");
        for (Row row : rows) {
            out.append("| ")
                    .append(row.state())
                    .append(" | ")
                    .append(row.server())
                    .append(" | ")
                    .append(row.calls())
                    .append(row.maxToolErrors() > 0 ? " (" + row.maxToolErrors() + " failed)" : "")
                    .append(" | ")
                    .append(row.medianApiRequests())
                    .append(row.medianDiscovery() > 0 ? " (" + row.medianDiscovery() + " discovery)" : "")
                    .append(" | ")
                    .append(row.medianLatency())
                    .append(" | ")
                    .append(row.medianChars())
                    .append(" | ")
                    .append(row.medianChars() / CHARS_PER_TOKEN)
                    .append(" | ")
                    .append(causeCell(row))
                    .append(" |\n");
        }
        totals(out);
        if (!facts.isEmpty()) {
            out.append("\n");
            facts.forEach((name, value) ->
                    out.append("- ").append(name).append(": ").append(value).append("\n"));
        }
        if (!notes.isEmpty()) {
            out.append("\n");
            notes.forEach(note -> out.append("- ").append(note).append("\n"));
        }
        return out.toString();
    }

    private static String causeCell(Row row) {
        if (!row.hasCause()) {
            return "—";
        }
        long named = row.causeNamedRuns();
        if (named == row.runs().size()) {
            return "yes";
        }
        return named == 0 ? "**no**" : named + "/" + row.runs().size();
    }

    private void totals(StringBuilder out) {
        Map<String, List<Row>> byServer = new LinkedHashMap<>();
        rows.forEach(row -> byServer.computeIfAbsent(row.server(), server -> new ArrayList<>())
                .add(row));
        if (byServer.isEmpty()) {
            return;
        }
        out.append("\n| all states | tool calls | API requests | latency ms | text chars | ≈ tokens | cause named |\n");
        out.append("|---|---:|---:|---:|---:|---:|---|\n");
        byServer.forEach((server, serverRows) -> {
            long chars = serverRows.stream().mapToLong(Row::medianChars).sum();
            long withCause = serverRows.stream().filter(Row::hasCause).count();
            long named = serverRows.stream()
                    .filter(Row::hasCause)
                    .filter(row -> row.causeNamedRuns() == row.runs().size())
                    .count();
            out.append("| ")
                    .append(server)
                    .append(" | ")
                    .append(serverRows.stream().mapToLong(Row::calls).sum())
                    .append(" | ")
                    .append(serverRows.stream()
                            .mapToLong(Row::medianApiRequests)
                            .sum())
                    .append(" | ")
                    .append(serverRows.stream().mapToLong(Row::medianLatency).sum())
                    .append(" | ")
                    .append(chars)
                    .append(" | ")
                    .append(chars / CHARS_PER_TOKEN)
                    .append(" | ")
                    .append(named)
                    .append("/")
                    .append(withCause)
                    .append(" |\n");
        });
    }
}
