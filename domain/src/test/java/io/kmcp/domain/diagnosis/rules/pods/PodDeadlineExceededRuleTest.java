package io.kmcp.domain.diagnosis.rules.pods;

import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.only;
import static io.kmcp.domain.diagnosis.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.Severity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DeadlineExceeded (pod)")
class PodDeadlineExceededRuleTest {

    private final PodDeadlineExceededRule rule = new PodDeadlineExceededRule();

    @Test
    @DisplayName("a pod stopped past its activeDeadlineSeconds: the kubelet's message and the two ways out")
    void deadline() {
        ObjectRef target = new ObjectRef("Pod", "shop", "report", "uid-report");
        Finding finding = only(rule.findings(graph(target)
                .pods(pod("report")
                        .ownedBy()
                        .failed("DeadlineExceeded", "Pod was active on the node longer than the specified deadline"))
                .build()));

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.cause()).isEqualTo("DeadlineExceeded");
        assertThat(finding.summary())
                .isEqualTo("Pod shop/report failed: ran longer than its activeDeadlineSeconds: make it finish sooner or"
                        + " raise spec.activeDeadlineSeconds (Pod was active on the node longer than the specified"
                        + " deadline)");
        assertThat(rule.findings(
                        graph().pods(pod("web-7d9f-a").failed("Evicted", "low")).build()))
                .isEmpty();
    }
}
