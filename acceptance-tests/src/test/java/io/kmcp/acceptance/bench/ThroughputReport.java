package io.kmcp.acceptance.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.ToDoubleFunction;

/**
 * The throughput benchmark's results as Markdown: calls per second and latency per server, lane and
 * measure (the median of the rounds), start and memory per server, and k-mcp's targets with PASS or
 * FAIL beside the numbers.
 */
final class ThroughputReport {

    static final String API_SERVER = "API server";
    static final String LIST = "resource_list";
    static final String DIAGNOSE = "workload_diagnose";

    static final long READY_TARGET_MILLIS = 1_500;
    static final long RSS_TARGET_KIB = 200 * 1024;
    static final double TOKENS_FLAT_TARGET = 0.10;
    static final double THROUGHPUT_TARGET = 0.5;
    static final double OVERHEAD_TARGET_MILLIS = 1.5;
    static final int MANY = 16;
    static final int ONE = 1;

    private final Map<Key, Row> rows = new LinkedHashMap<>();
    private final Map<String, Server> servers = new LinkedHashMap<>();
    private final Map<String, String> facts = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final int tokens;

    /** @param tokens how many distinct tokens the token measure uses */
    ThroughputReport(int tokens) {
        this.tokens = tokens;
    }

    /** Where a row's numbers come from: one server, one protocol lane, one measure, one concurrency. */
    record Key(String server, String lane, String measure, int connections) {}

    /** The rounds of one key, and the size of one answer. */
    static final class Row {
        final Key key;
        final List<Wrk.Result> rounds = new ArrayList<>();
        long answerBytes = -1;

        Row(Key key) {
            this.key = key;
        }

        double callsPerSecond() {
            return median(rounds, Wrk.Result::callsPerSecond);
        }

        double minCallsPerSecond() {
            return rounds.stream().mapToDouble(Wrk.Result::callsPerSecond).min().orElse(0);
        }

        double maxCallsPerSecond() {
            return rounds.stream().mapToDouble(Wrk.Result::callsPerSecond).max().orElse(0);
        }

        double p50Millis() {
            return median(rounds, result -> result.p50Micros() / 1000.0);
        }

        double p99Millis() {
            return median(rounds, result -> result.p99Micros() / 1000.0);
        }

        long failed() {
            return rounds.stream()
                    .mapToLong(result -> result.failed() + result.socketErrors())
                    .sum();
        }

        long requests() {
            return rounds.stream().mapToLong(Wrk.Result::requests).sum();
        }
    }

    /**
     * One server process: how long it took to be ready and how much memory it held.
     *
     * @param targets whether k-mcp's targets apply to it
     */
    static final class Server {
        final String name;
        final boolean targets;
        long readyMillis = -1;
        String readyMeaning = "";
        OptionalLong rssIdleKib = OptionalLong.empty();
        OptionalLong rssAfterLoadKib = OptionalLong.empty();
        OptionalLong rssBeforeTokensKib = OptionalLong.empty();
        OptionalLong rssAfterTokensKib = OptionalLong.empty();
        long tokenCalls;
        long tokenFailures;
        double tokenSeconds;

        Server(String name, boolean targets) {
            this.name = name;
            this.targets = targets;
        }

        /** Keeps the largest RSS seen right after a run at {@value #MANY} connections. */
        void afterLoad(OptionalLong rssKib) {
            if (rssKib.isPresent() && (rssAfterLoadKib.isEmpty() || rssKib.getAsLong() > rssAfterLoadKib.getAsLong())) {
                rssAfterLoadKib = rssKib;
            }
        }

        OptionalDouble tokenChange() {
            if (rssBeforeTokensKib.isEmpty() || rssAfterTokensKib.isEmpty()) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of((double) rssAfterTokensKib.getAsLong() / rssBeforeTokensKib.getAsLong() - 1);
        }
    }

    Server server(String name, boolean targets) {
        return servers.computeIfAbsent(name, key -> new Server(name, targets));
    }

    void add(Key key, Wrk.Result result) {
        rows.computeIfAbsent(key, Row::new).rounds.add(result);
    }

    void answerBytes(Key key, long bytes) {
        rows.computeIfAbsent(key, Row::new).answerBytes = bytes;
    }

    void fact(String name, String value) {
        facts.put(name, value);
    }

    void note(String note) {
        notes.add(note);
    }

    Optional<Row> row(Key key) {
        return Optional.ofNullable(rows.get(key)).filter(row -> !row.rounds.isEmpty());
    }

    private Optional<Row> api(int connections) {
        return rows.values().stream()
                .filter(row -> row.key.server().equals(API_SERVER)
                        && row.key.measure().equals(LIST)
                        && row.key.connections() == connections
                        && !row.rounds.isEmpty())
                .findFirst();
    }

    String markdown(String title) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(title).append("\n\n");
        listTable(out);
        diagnoseTable(out);
        serverTable(out);
        targetTable(out);
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

    private void listTable(StringBuilder out) {
        List<Row> list = measured(LIST);
        if (list.isEmpty()) {
            return;
        }
        out.append("## ").append(LIST).append(" of 100 config maps\n\n");
        out.append("| server | lane | conns | calls/s | calls/s min–max | p50 ms | p99 ms | calls/s ÷ API"
                + " | p50 − API p50 ms | answer KiB | failed |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : list) {
            Optional<Row> api = api(row.key.connections());
            boolean isApi = row.key.server().equals(API_SERVER);
            out.append("| ")
                    .append(row.key.server())
                    .append(" | ")
                    .append(row.key.lane())
                    .append(" | ")
                    .append(row.key.connections())
                    .append(" | ")
                    .append(rate(row.callsPerSecond()))
                    .append(" | ")
                    .append(rate(row.minCallsPerSecond()))
                    .append("–")
                    .append(rate(row.maxCallsPerSecond()))
                    .append(" | ")
                    .append(millis(row.p50Millis()))
                    .append(" | ")
                    .append(millis(row.p99Millis()))
                    .append(" | ")
                    .append(
                            isApi || api.isEmpty()
                                    ? "—"
                                    : ratio(row.callsPerSecond() / api.get().callsPerSecond()))
                    .append(" | ")
                    .append(
                            isApi || api.isEmpty()
                                    ? "—"
                                    : signedMillis(row.p50Millis() - api.get().p50Millis()))
                    .append(" | ")
                    .append(kib(row.answerBytes))
                    .append(" | ")
                    .append(failedCell(row))
                    .append(" |\n");
        }
    }

    private void diagnoseTable(StringBuilder out) {
        List<Row> diagnose = measured(DIAGNOSE);
        if (diagnose.isEmpty()) {
            return;
        }
        out.append("\n## ").append(DIAGNOSE).append(" of a crash-looping Deployment\n\n");
        out.append("| server | lane | conns | calls/s | calls/s min–max | p50 ms | p99 ms | answer KiB | failed |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : diagnose) {
            out.append("| ")
                    .append(row.key.server())
                    .append(" | ")
                    .append(row.key.lane())
                    .append(" | ")
                    .append(row.key.connections())
                    .append(" | ")
                    .append(rate(row.callsPerSecond()))
                    .append(" | ")
                    .append(rate(row.minCallsPerSecond()))
                    .append("–")
                    .append(rate(row.maxCallsPerSecond()))
                    .append(" | ")
                    .append(millis(row.p50Millis()))
                    .append(" | ")
                    .append(millis(row.p99Millis()))
                    .append(" | ")
                    .append(kib(row.answerBytes))
                    .append(" | ")
                    .append(failedCell(row))
                    .append(" |\n");
        }
    }

    private void serverTable(StringBuilder out) {
        if (servers.isEmpty()) {
            return;
        }
        out.append("\n## Start and memory (VmRSS)\n\n");
        out.append("| server | start until ready ms | RSS idle | RSS after ")
                .append(MANY)
                .append(" connections | RSS before ")
                .append(thousands(tokens))
                .append(" tokens | RSS after them | change | token calls/s | failed |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Server server : servers.values()) {
            OptionalDouble change = server.tokenChange();
            boolean tokensMeasured = server.tokenCalls > 0;
            out.append("| ")
                    .append(server.name)
                    .append(" | ")
                    .append(server.readyMillis >= 0 ? server.readyMillis + server.readyMeaning : "—")
                    .append(" | ")
                    .append(mib(server.rssIdleKib))
                    .append(" | ")
                    .append(mib(server.rssAfterLoadKib))
                    .append(" | ")
                    .append(tokensMeasured ? mib(server.rssBeforeTokensKib) : "—")
                    .append(" | ")
                    .append(tokensMeasured ? mib(server.rssAfterTokensKib) : "—")
                    .append(" | ")
                    .append(tokensMeasured && change.isPresent() ? percent(change.getAsDouble()) : "—")
                    .append(" | ")
                    .append(tokensMeasured ? rate(server.tokenCalls / Math.max(server.tokenSeconds, 1e-9)) : "—")
                    .append(" | ")
                    .append(tokensMeasured ? Long.toString(server.tokenFailures) : "—")
                    .append(" |\n");
        }
    }

    /** k-mcp's targets, a value and PASS or FAIL per k-mcp server. */
    private void targetTable(StringBuilder out) {
        List<Server> judged =
                servers.values().stream().filter(server -> server.targets).toList();
        if (judged.isEmpty()) {
            return;
        }
        out.append("\n## Targets\n\n| target |");
        judged.forEach(server -> out.append(" ").append(server.name).append(" | |"));
        out.append("\n|---|");
        judged.forEach(server -> out.append("---:|:---:|"));
        out.append("\n");
        target(out, "start until ready ≤ " + seconds(READY_TARGET_MILLIS), judged, server -> {
            if (server.readyMillis < 0) {
                return Optional.empty();
            }
            return Optional.of(new Judged(seconds(server.readyMillis), server.readyMillis <= READY_TARGET_MILLIS));
        });
        target(
                out,
                "RSS ≤ " + (RSS_TARGET_KIB / 1024) + " MiB after the " + MANY + "-connection runs",
                judged,
                server -> {
                    if (server.rssAfterLoadKib.isEmpty()) {
                        return Optional.empty();
                    }
                    long kib = server.rssAfterLoadKib.getAsLong();
                    return Optional.of(new Judged(mib(server.rssAfterLoadKib), kib <= RSS_TARGET_KIB));
                });
        target(
                out,
                "RSS flat (±" + Math.round(TOKENS_FLAT_TARGET * 100) + "%) across " + thousands(tokens)
                        + " distinct tokens",
                judged,
                server -> {
                    OptionalDouble change = server.tokenChange();
                    if (server.tokenCalls == 0 || change.isEmpty()) {
                        return Optional.empty();
                    }
                    boolean pass = Math.abs(change.getAsDouble()) <= TOKENS_FLAT_TARGET && server.tokenFailures == 0;
                    return Optional.of(new Judged(
                            percent(change.getAsDouble())
                                    + (server.tokenFailures > 0 ? " (" + server.tokenFailures + " failed)" : ""),
                            pass));
                });
        for (String lane : lanes(judged)) {
            target(
                    out,
                    LIST + " at " + MANY + " connections ≥ " + THROUGHPUT_TARGET + " × API server calls/s (" + lane
                            + ")",
                    judged,
                    server -> row(new Key(server.name, lane, LIST, MANY))
                            .flatMap(row -> api(MANY).map(api -> {
                                double ratio = row.callsPerSecond() / api.callsPerSecond();
                                return new Judged(ratio(ratio), ratio >= THROUGHPUT_TARGET && row.failed() == 0);
                            })));
        }
        for (String lane : lanes(judged)) {
            target(
                    out,
                    LIST + " at " + ONE + " connection: p50 ≤ API server p50 + " + OVERHEAD_TARGET_MILLIS + " ms ("
                            + lane + ")",
                    judged,
                    server -> row(new Key(server.name, lane, LIST, ONE))
                            .flatMap(row -> api(ONE).map(api -> {
                                double over = row.p50Millis() - api.p50Millis();
                                return new Judged(
                                        signedMillis(over) + " ms",
                                        over <= OVERHEAD_TARGET_MILLIS && row.failed() == 0);
                            })));
        }
    }

    private record Judged(String value, boolean pass) {}

    private interface Judge {
        Optional<Judged> judge(Server server);
    }

    private static void target(StringBuilder out, String target, List<Server> servers, Judge judge) {
        out.append("| ").append(target).append(" |");
        for (Server server : servers) {
            Optional<Judged> judged = judge.judge(server);
            out.append(" ")
                    .append(judged.map(Judged::value).orElse("—"))
                    .append(" | ")
                    .append(judged.map(result -> result.pass() ? "PASS" : "**FAIL**")
                            .orElse("—"))
                    .append(" |");
        }
        out.append("\n");
    }

    /** The lanes of the judged servers' list rows, in the order they were measured. */
    private List<String> lanes(List<Server> judged) {
        List<String> lanes = new ArrayList<>();
        for (Row row : rows.values()) {
            boolean ofJudged = judged.stream().anyMatch(server -> server.name.equals(row.key.server()));
            if (ofJudged && row.key.measure().equals(LIST) && !lanes.contains(row.key.lane())) {
                lanes.add(row.key.lane());
            }
        }
        return lanes;
    }

    private List<Row> measured(String measure) {
        return rows.values().stream()
                .filter(row -> row.key.measure().equals(measure) && !row.rounds.isEmpty())
                .sorted((one, other) -> Integer.compare(one.key.connections(), other.key.connections()))
                .toList();
    }

    static double median(List<Wrk.Result> results, ToDoubleFunction<Wrk.Result> of) {
        double[] sorted = results.stream().mapToDouble(of).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no value");
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String failedCell(Row row) {
        long failed = row.failed();
        return failed == 0 ? "0" : "**" + failed + " of " + row.requests() + "**";
    }

    static String rate(double perSecond) {
        return perSecond >= 100
                ? String.format(Locale.ROOT, "%.0f", perSecond)
                : String.format(Locale.ROOT, "%.1f", perSecond);
    }

    static String millis(double millis) {
        return millis < 10 ? String.format(Locale.ROOT, "%.2f", millis) : String.format(Locale.ROOT, "%.1f", millis);
    }

    static String signedMillis(double millis) {
        return (millis >= 0 ? "+" : "−") + millis(Math.abs(millis));
    }

    static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    static String percent(double change) {
        return String.format(Locale.ROOT, "%+.1f%%", change * 100).replace("-", "−");
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }

    static String kib(long bytes) {
        return bytes < 0 ? "—" : String.format(Locale.ROOT, "%.1f", bytes / 1024.0);
    }

    static String mib(OptionalLong kib) {
        return kib.isPresent() ? Machine.megabytes(kib.getAsLong()) : "—";
    }

    private static String thousands(int count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
