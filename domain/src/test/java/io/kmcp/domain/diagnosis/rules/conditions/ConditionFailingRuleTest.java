package io.kmcp.domain.diagnosis.rules.conditions;

import static io.kmcp.domain.diagnosis.Fixtures.NS;
import static io.kmcp.domain.diagnosis.Fixtures.ago;
import static io.kmcp.domain.diagnosis.Fixtures.condition;
import static io.kmcp.domain.diagnosis.Fixtures.event;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.Condition;
import io.kmcp.domain.diagnosis.DiagnosisRules;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.ObjectSnapshot;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ConditionFailing")
class ConditionFailingRuleTest {

    private static final ObjectRef CERTIFICATE = new ObjectRef("Certificate", NS, "shop-tls", "uid-cert");

    private final ConditionFailingRule rule = new ConditionFailingRule();

    private static WorkloadGraph judging(Condition... conditions) {
        WorkloadGraph plain = graph(CERTIFICATE).noWorkload().build();
        return plain.startingFrom(CERTIFICATE, List.of(new ObjectSnapshot(CERTIFICATE, List.of(conditions))));
    }

    @Test
    @DisplayName("a good condition that is False: CRITICAL, with the controller's reason, message, age and warnings")
    void falseReady() {
        WorkloadGraph graph = judging(
                        condition("Ready", "False", "DoesNotExist", ago(Duration.ofMinutes(5))),
                        condition("Issuing", "True"))
                .startingFrom(CERTIFICATE, List.of());
        WorkloadGraph withEvents = new WorkloadGraph(
                graph.target(),
                graph.workload(),
                graph.related(),
                graph.service(),
                graph.endpointSlices(),
                graph.pods(),
                graph.nodes(),
                graph.claims(),
                graph.autoscalers(),
                List.of(event(
                        "Warning", "IssuerNotFound", "Certificate", "shop-tls", "issuer letsencrypt not found", 3)),
                graph.logs(),
                graph.observedAt(),
                graph.route(),
                graph.backends(),
                graph.objects());

        Finding finding = only(rule.findings(withEvents));

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.cause()).isEqualTo("ConditionFailing");
        assertThat(finding.subject()).isEqualTo(CERTIFICATE);
        assertThat(finding.summary()).isEqualTo("Certificate shop/shop-tls reports Ready=False (DoesNotExist)");
        assertThat(finding.evidence())
                .containsExactly(
                        "Ready=False for 5m (DoesNotExist)", "event IssuerNotFound ×3: issuer letsencrypt not found");
        assertThat(DiagnosisRules.findings(withEvents)).containsExactly(finding);
    }

    @Test
    @DisplayName("a bad condition that is True, or one the controller cannot tell: WARNING; sure ones quoted first")
    void warnings() {
        Finding pressure = only(rule.findings(judging(condition("MemoryPressure", "True"))));
        Finding unknown = only(rule.findings(judging(
                condition("Ready", "Unknown", "Pending", "waiting"), condition("Synced", "False", "Error", "boom"))));

        assertThat(pressure.severity()).isEqualTo(Severity.WARNING);
        assertThat(pressure.summary()).isEqualTo("Certificate shop/shop-tls reports MemoryPressure=True");
        assertThat(unknown.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(unknown.summary()).isEqualTo("Certificate shop/shop-tls reports Synced=False (Error): boom");
        assertThat(unknown.evidence())
                .containsExactly("Synced=False (Error): boom", "Ready=Unknown (Pending): waiting");
        assertThat(only(rule.findings(judging(condition("Ready", "Unknown")))).severity())
                .isEqualTo(Severity.WARNING);
    }

    @Test
    @DisplayName("good conditions, informational ones and no conditions at all: nothing")
    void healthy() {
        assertThat(rule.findings(judging(
                        condition("Ready", "True"),
                        condition("ScalingLimited", "True"),
                        condition("Progressing", "True"),
                        condition("DiskPressure", "False"))))
                .isEmpty();
        assertThat(rule.findings(judging())).isEmpty();
        assertThat(rule.findings(graph(CERTIFICATE).build())).isEmpty();
    }
}
