package io.kmcp.acceptance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.acceptance.bench.ThroughputReport.Key;
import io.kmcp.acceptance.bench.ThroughputReport.Server;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The throughput benchmark's report")
class ThroughputReportTest {

    private static final String LANE = "2026-07-28 sessionless";
    private static final String API_LANE = "GET (no MCP)";

    @Test
    @DisplayName("the median of an odd count is the middle value, of an even count the mean of the two middle ones")
    void median() {
        assertThat(ThroughputReport.median(List.of(calls(30), calls(10), calls(20)), Wrk.Result::callsPerSecond))
                .isEqualTo(20.0);
        assertThat(ThroughputReport.median(
                        List.of(calls(40), calls(10), calls(30), calls(20)), Wrk.Result::callsPerSecond))
                .isEqualTo(25.0);
    }

    @Test
    @DisplayName("a list row shows the median of the rounds, its spread, and how it compares with the API server")
    void listRow() {
        ThroughputReport report = measured(300, 2_900, 160 * 1024, 1_200, 0.05);

        String markdown = report.markdown("title");

        assertThat(markdown)
                .contains("| k-mcp (Java 17) | 2026-07-28 sessionless | 16 | 300 | 290–310 | 40.0 | 90.0 | 0.75× |"
                        + " +20.0 | 33.9 | 0 |")
                .contains("| k-mcp (Java 17) | 2026-07-28 sessionless | 1 | 50.0 | 50.0–50.0 | 2.90 | 9.00 | 0.25× |"
                        + " +0.90 | 33.9 | 0 |")
                .contains("| API server | GET (no MCP) | 16 | 400 | 400–400 | 20.0 | 90.0 | — | — | 53.9 | 0 |");
    }

    @Test
    @DisplayName("every target met is a PASS")
    void targetsPass() {
        String markdown = measured(300, 2_900, 160 * 1024, 1_200, 0.05).markdown("title");

        assertThat(markdown)
                .contains("| start until ready ≤ 1.50 s | 1.20 s | PASS |")
                .contains("| RSS ≤ 200 MiB after the 16-connection runs | 160 MiB | PASS |")
                .contains("| RSS flat (±10%) across 1,000 distinct tokens | +5.0% | PASS |")
                .contains("(2026-07-28 sessionless) | 0.75× | PASS |")
                .contains("p50 ≤ API server p50 + 1.5 ms (2026-07-28 sessionless) | +0.90 ms | PASS |");
    }

    @Test
    @DisplayName("every target missed is a FAIL, in bold")
    void targetsFail() {
        String markdown = measured(150, 5_000, 260 * 1024, 3_400, -0.15).markdown("title");

        assertThat(markdown)
                .contains("| start until ready ≤ 1.50 s | 3.40 s | **FAIL** |")
                .contains("| RSS ≤ 200 MiB after the 16-connection runs | 260 MiB | **FAIL** |")
                .contains("| RSS flat (±10%) across 1,000 distinct tokens | −15.0% | **FAIL** |")
                .contains("(2026-07-28 sessionless) | 0.38× | **FAIL** |")
                .contains("p50 ≤ API server p50 + 1.5 ms (2026-07-28 sessionless) | +3.00 ms | **FAIL** |");
    }

    @Test
    @DisplayName("failed answers fail the throughput target however fast they came, and show in the row")
    void failuresFail() {
        ThroughputReport report = measured(300, 2_900, 160 * 1024, 1_200, 0.05);
        report.add(new Key("k-mcp (Java 17)", LANE, ThroughputReport.LIST, 16), result(300, 40_000, 90_000, 5));

        String markdown = report.markdown("title");

        assertThat(markdown).contains("**5 of 7200**").contains("(2026-07-28 sessionless) | 0.75× | **FAIL** |");
    }

    /**
     * The API server at 400 calls/s (16 connections) and 2 ms p50 (1 connection); k-mcp at {@code many}
     * calls/s on three rounds (±10) and {@code p50Micros} on one connection.
     */
    private static ThroughputReport measured(
            double many, long p50Micros, long rssKib, long readyMillis, double change) {
        ThroughputReport report = new ThroughputReport(1000);
        Server kmcp = report.server("k-mcp (Java 17)", true);
        kmcp.readyMillis = readyMillis;
        kmcp.rssIdleKib = OptionalLong.of(rssKib - 10 * 1024);
        kmcp.afterLoad(OptionalLong.of(rssKib - 1024));
        kmcp.afterLoad(OptionalLong.of(rssKib));
        kmcp.rssBeforeTokensKib = OptionalLong.of(200_000);
        kmcp.rssAfterTokensKib = OptionalLong.of(Math.round(200_000 * (1 + change)));
        kmcp.tokenCalls = 1000;
        kmcp.tokenSeconds = 10;
        report.server(ThroughputReport.API_SERVER, false);
        for (double calls : List.of(many - 10, many, many + 10)) {
            report.add(new Key("k-mcp (Java 17)", LANE, ThroughputReport.LIST, 16), result(calls, 40_000, 90_000, 0));
            report.add(new Key("k-mcp (Java 17)", LANE, ThroughputReport.LIST, 1), result(50, p50Micros, 9_000, 0));
            report.add(
                    new Key(ThroughputReport.API_SERVER, API_LANE, ThroughputReport.LIST, 16),
                    result(400, 20_000, 90_000, 0));
            report.add(
                    new Key(ThroughputReport.API_SERVER, API_LANE, ThroughputReport.LIST, 1),
                    result(200, 2_000, 5_000, 0));
        }
        for (int connections : List.of(1, 16)) {
            report.answerBytes(new Key("k-mcp (Java 17)", LANE, ThroughputReport.LIST, connections), 34_758);
            report.answerBytes(
                    new Key(ThroughputReport.API_SERVER, API_LANE, ThroughputReport.LIST, connections), 55_151);
        }
        return report;
    }

    /** A six-second run at this rate. */
    private static Wrk.Result result(double callsPerSecond, long p50Micros, long p99Micros, long failed) {
        return new Wrk.Result(
                Math.round(callsPerSecond * 6),
                6_000_000,
                p50Micros,
                p50Micros,
                p99Micros,
                p99Micros,
                0,
                failed,
                Optional.empty());
    }

    private static Wrk.Result calls(double callsPerSecond) {
        return result(callsPerSecond, 1_000, 2_000, 0);
    }
}
