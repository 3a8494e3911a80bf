package io.kmcp.domain.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReportHeadlineTest {

    private static final String HINT = "call again with the same arguments and maxChars=8000";

    @Test
    @DisplayName("When even the titles and markers do not fit, the less important sections give way whole and the"
            + " headline stays")
    void headlineSurvivesATinyBudget() {
        Report report = Report.builder()
                .section("", 0, List.of("Namespace shop: 2 unhealthy workloads, 1 pending pod"), HINT)
                .section(
                        "Unhealthy workloads",
                        1,
                        List.of(
                                "Deployment orders: CrashLoopBackOff — container orders keeps crashing",
                                "Deployment reports: Unschedulable — 0/3 nodes are available"),
                        HINT)
                .section("Pending pods", 2, List.of("reports-1: Unschedulable: Insufficient cpu"), HINT)
                .section("", 0, List.of("… left out to fit maxChars=300: events; " + HINT), HINT)
                .build();

        Rendered rendered = report.render(new CharBudget(CharBudget.MIN));

        assertThat(rendered.text())
                .startsWith("Namespace shop: 2 unhealthy workloads, 1 pending pod")
                .endsWith(String.format(Report.FINAL_MARKER, CharBudget.MIN))
                .doesNotContain("## Pending pods")
                .hasSizeLessThanOrEqualTo(CharBudget.MIN);
        assertThat(rendered.truncated()).isTrue();
    }

    @Test
    @DisplayName("A section emptied of its lines keeps its title and marker while they fit")
    void titlesStayWhileTheyFit() {
        Report report = Report.builder()
                .section("", 0, List.of("Deployment shop/web: 0/2 ready"), "")
                .section("Events", 3, List.of("x".repeat(150), "y".repeat(150)), "call events_list")
                .build();

        Rendered rendered = report.render(new CharBudget(CharBudget.MIN));

        assertThat(rendered.text())
                .isEqualTo("Deployment shop/web: 0/2 ready\n\n## Events\n… 2 more lines omitted: call events_list");
    }
}
