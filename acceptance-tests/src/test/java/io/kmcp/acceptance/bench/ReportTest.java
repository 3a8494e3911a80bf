package io.kmcp.acceptance.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.acceptance.bench.Report.Row;
import io.kmcp.acceptance.bench.Report.Run;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The diagnosis benchmark's report")
class ReportTest {

    @Test
    @DisplayName("the median of an odd count is the middle value, of an even count the lower middle one")
    void median() {
        assertThat(Report.median(List.of(30L, 10L, 20L), Long::longValue)).isEqualTo(20);
        assertThat(Report.median(List.of(40L, 10L, 30L, 20L), Long::longValue)).isEqualTo(20);
        assertThatThrownBy(() -> Report.median(List.<Long>of(), Long::longValue))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a row shows the medians, the tokens as chars / 4, discovery and failed calls, and the cause")
    void row() {
        Report report = new Report();
        report.add(new Row(
                "crash loop",
                "k-mcp",
                true,
                List.of(
                        run(1, 0, 8, 0, 90, 1700, true),
                        run(1, 0, 8, 0, 110, 1704, true),
                        run(1, 0, 9, 0, 100, 1702, true))));
        report.add(new Row(
                "crash loop",
                "other",
                true,
                List.of(
                        run(5, 1, 17, 10, 60, 7000, false),
                        run(5, 1, 17, 10, 70, 7000, true),
                        run(5, 1, 17, 10, 65, 7000, false))));

        String markdown = report.markdown("title");

        assertThat(markdown)
                .contains("| crash loop | k-mcp | 1 | 8 | 100 | 1702 | 425 | yes |")
                .contains("| crash loop | other | 5 (1 failed) | 17 (10 discovery) | 65 | 7000 | 1750 | 1/3 |")
                .contains("| k-mcp | 1 | 8 | 100 | 1702 | 425 | 1/1 |")
                .contains("| other | 5 | 17 | 65 | 7000 | 1750 | 0/1 |");
    }

    @Test
    @DisplayName("a state without a cause shows a dash, and a cause named in no run is in bold")
    void causeCells() {
        Report report = new Report();
        report.add(new Row("healthy", "k-mcp", false, List.of(run(1, 0, 7, 0, 50, 990, false))));
        report.add(new Row("service", "other", true, List.of(run(3, 0, 11, 6, 40, 1376, false))));

        assertThat(report.markdown("title"))
                .contains("| healthy | k-mcp | 1 | 7 | 50 | 990 | 247 | — |")
                .contains("| service | other | 3 | 11 (6 discovery) | 40 | 1376 | 344 | **no** |");
    }

    @Test
    @DisplayName("the plans: one workload_diagnose for k-mcp, the kubectl-style round trips for the other server")
    void plans() {
        FailureState crash = FailureState.all().get(0);
        FailureState service = FailureState.all().stream()
                .filter(FailureState::isService)
                .findFirst()
                .orElseThrow();

        assertThat(Plans.kmcp(crash)).extracting(Plans.ToolCall::tool).containsExactly("workload_diagnose");
        assertThat(Plans.kubernetesMcpServer(crash, "orders-abc"))
                .extracting(Plans.ToolCall::tool)
                .containsExactly("resources_get", "pods_list_in_namespace", "pods_get", "events_list", "pods_log");
        assertThat(Plans.kubernetesMcpServer(crash, "orders-abc").get(4).arguments())
                .containsEntry("previous", true);
        assertThat(Plans.kubernetesMcpServer(service, ""))
                .extracting(Plans.ToolCall::tool)
                .containsExactly("resources_get", "pods_list_in_namespace", "events_list");
        assertThat(Plans.kubernetesMcpServer(service, "").get(1).arguments())
                .containsEntry("labelSelector", "app=checkout-v2");
    }

    private static Run run(int calls, int errors, int requests, int discovery, long latency, int chars, boolean named) {
        return new Run(calls, errors, requests, discovery, latency, chars, named);
    }
}
