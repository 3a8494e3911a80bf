package io.kmcp.domain.diagnosis.rules.containers;

import static io.kmcp.domain.diagnosis.Fixtures.WEB;
import static io.kmcp.domain.diagnosis.Fixtures.container;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.log;
import static io.kmcp.domain.diagnosis.Fixtures.only;
import static io.kmcp.domain.diagnosis.Fixtures.pod;
import static io.kmcp.domain.diagnosis.Fixtures.terminated;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.DiagnosisRules;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("OOMKilled")
class OomKilledRuleTest {

    private final OomKilledRule rule = new OomKilledRule();

    @Test
    @DisplayName("the exit code, the memory limit and the restarts, with what to do")
    void killedAtItsLimit() {
        WorkloadGraph graph = graph().pods(pod("web-7d9f-a")
                        .with(container("app")
                                .crashLooping()
                                .restarts(3)
                                .memoryLimit("64Mi")
                                .last(terminated(137, "OOMKilled", Duration.ofSeconds(5)))))
                .logs(log("web-7d9f-a", "app", true, "loading cache: 1200000 entries"))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.cause()).isEqualTo("OOMKilled");
        assertThat(finding.subject()).isEqualTo(WEB);
        assertThat(finding.summary())
                .isEqualTo("container app of 1/1 pods of Deployment shop/web was OOMKilled (exit code 137, limit"
                        + " 64Mi), 3 restarts: raise its memory limit or make it use less memory");
        assertThat(finding.evidence())
                .containsExactly(
                        "1 of 1 pods: web-7d9f-a",
                        "exit code 137 (OOMKilled) after ~5s",
                        "memory limit 64Mi: the container used more",
                        "last log line: loading cache: 1200000 entries");
    }

    @Test
    @DisplayName("a container terminated by the kill right now, without a limit: the node ran short")
    void killedWithoutLimit() {
        WorkloadGraph graph = graph().pods(
                        pod("web-7d9f-a").with(container("app").state(terminated(137, "OOMKilled", (String) null))),
                        pod("web-7d9f-b")
                                .with(container("app")
                                        .crashLooping()
                                        .last(terminated(137, "OOMKilled", Duration.ofSeconds(1)))),
                        pod("web-7d9f-c")
                                .with(
                                        container("app"),
                                        container("proxy").state(terminated(137, "OOMKilled", Duration.ofSeconds(9)))))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.summary())
                .isEqualTo("container app of 2/3 pods of Deployment shop/web was OOMKilled (exit code 137, no memory"
                        + " limit), up to 4 restarts: raise its memory limit or make it use less memory");
        assertThat(finding.evidence())
                .containsExactly(
                        "3 of 3 pods: web-7d9f-a, web-7d9f-b, web-7d9f-c",
                        "exit code 137 (OOMKilled)",
                        "no memory limit: killed when the node ran short of memory",
                        "also container proxy (1 pod): exit code 137 (OOMKilled) after ~9s");
    }

    @Test
    @DisplayName("a restart for another reason is no OOM kill")
    void otherRestarts() {
        WorkloadGraph graph = graph().pods(pod("web-7d9f-a")
                        .with(container("app").restarts(1).last(terminated(143, "Error", Duration.ofHours(3)))))
                .build();

        assertThat(rule.findings(graph)).isEmpty();
        assertThat(DiagnosisRules.findings(graph)).isEmpty();
    }
}
