package io.kmcp.domain.diagnosis.rules.scheduling;

import static io.kmcp.domain.diagnosis.Fixtures.claim;
import static io.kmcp.domain.diagnosis.Fixtures.event;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.Severity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ClaimResizeFailed")
class ClaimResizeFailedRuleTest {

    private static final String KIND = "PersistentVolumeClaim";

    private final ClaimResizeFailedRule rule = new ClaimResizeFailedRule();

    @Test
    @DisplayName("a bound claim the resizer could not expand: its message, and what to check")
    void resizeFailed() {
        Finding finding = only(rule.findings(graph().claims(claim("data", "Bound", "fast"))
                .events(
                        event(
                                "Warning",
                                "VolumeResizeFailed",
                                KIND,
                                "data",
                                "rpc error: code = ResourceExhausted desc = quota exceeded",
                                2),
                        event("Normal", "Resizing", KIND, "data", "External resizer is resizing volume pvc-1", 2))
                .build()));

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.cause()).isEqualTo("ClaimResizeFailed");
        assertThat(finding.summary())
                .isEqualTo(
                        "PersistentVolumeClaim shop/data could not be resized: its pods keep the old size; check that"
                                + " its storage class allows volume expansion and that its driver can expand it (rpc error:"
                                + " code = ResourceExhausted desc = quota exceeded)");
        assertThat(finding.evidence())
                .containsExactly(
                        "event VolumeResizeFailed ×2: rpc error: code = ResourceExhausted desc = quota exceeded");
    }

    @Test
    @DisplayName("the kubelet's file system resize counts too; other claims' failures and other events do not")
    void scope() {
        assertThat(rule.findings(graph().claims(claim("data", "Bound", "fast"))
                        .events(event("Warning", "FileSystemResizeFailed", KIND, "data", "resize2fs failed", 1))
                        .build()))
                .hasSize(1);
        assertThat(rule.findings(graph().claims(claim("data", "Bound", "fast"))
                        .events(
                                event("Warning", "VolumeResizeFailed", KIND, "other", "boom", 1),
                                event("Warning", "ProvisioningFailed", KIND, "data", "boom", 1))
                        .build()))
                .isEmpty();
    }
}
