package io.kmcp.domain.diagnosis.rules.scheduling;

import static io.kmcp.domain.diagnosis.Fixtures.claim;
import static io.kmcp.domain.diagnosis.Fixtures.deployment;
import static io.kmcp.domain.diagnosis.Fixtures.event;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.only;
import static io.kmcp.domain.diagnosis.Fixtures.pod;
import static io.kmcp.domain.diagnosis.Fixtures.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.ClaimSnapshot;
import io.kmcp.domain.diagnosis.EventSnapshot;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ClaimPending")
class ClaimPendingRuleTest {

    private final ClaimPendingRule rule = new ClaimPendingRule();

    @Test
    @DisplayName("a Pending claim: its storage class, the pods that need it, the provisioner's event")
    void pending() {
        WorkloadGraph graph = graph().pods(pod("web-7d9f-a")
                        .claim("data")
                        .unschedulable("pod has unbound immediate PersistentVolumeClaims"))
                .claims(claim("data", "Pending", "fast"), claim("logs", "Bound", "fast"))
                .events(event(
                        "Warning",
                        "ProvisioningFailed",
                        "PersistentVolumeClaim",
                        "data",
                        "storageclass.storage.k8s.io \"fast\" not found",
                        4))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.cause()).isEqualTo("ClaimPending");
        assertThat(finding.subject()).isEqualTo(new ObjectRef("PersistentVolumeClaim", "shop", "data", "uid-data"));
        assertThat(finding.summary())
                .isEqualTo("PersistentVolumeClaim shop/data is Pending (storage class fast), so the pods using it"
                        + " cannot start; check the provisioner of the storage class and the claim's events");
        assertThat(finding.evidence())
                .containsExactly(
                        "claim data: phase Pending, storage class fast",
                        "used by web-7d9f-a",
                        "event ProvisioningFailed ×4: storageclass.storage.k8s.io \"fast\" not found");
    }

    @Test
    @DisplayName("a claim without storage class waits for a PersistentVolume to match it")
    void noStorageClass() {
        WorkloadGraph graph = graph().claims(claim("data", "Pending", null))
                .events(event(
                        "Normal",
                        "FailedBinding",
                        "PersistentVolumeClaim",
                        "data",
                        "no persistent volumes available for this claim and no storage class is set",
                        9))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.summary())
                .isEqualTo("PersistentVolumeClaim shop/data is Pending with no storage class, so it waits for a"
                        + " matching PersistentVolume; create one or set storageClassName");
        assertThat(finding.evidence())
                .containsExactly(
                        "claim data: phase Pending, no storage class",
                        "event FailedBinding ×9: no persistent volumes available for this claim and no storage"
                                + " class is set");
    }

    @Test
    @DisplayName("a claim that only waits for its first pod to be scheduled is INFO; with a warning it is not")
    void waitForFirstConsumer() {
        EventSnapshot waits = event(
                "Normal",
                "WaitForFirstConsumer",
                "PersistentVolumeClaim",
                "data",
                "waiting for first consumer to be created before binding",
                2);
        Finding waiting = only(rule.findings(graph().claims(claim("data", "Pending", "local-path"))
                .events(waits)
                .build()));
        Finding failing = only(rule.findings(graph().claims(claim("data", "Pending", "local-path"))
                .events(waits, event("Warning", "ProvisioningFailed", "PersistentVolumeClaim", "data", "no node", 1))
                .build()));

        assertThat(waiting.severity()).isEqualTo(Severity.INFO);
        assertThat(waiting.summary())
                .isEqualTo("PersistentVolumeClaim shop/data waits for its first pod to be scheduled before a volume"
                        + " is provisioned; see why the pod is not scheduled");
        assertThat(failing.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    @DisplayName("a Lost claim: its volume is gone")
    void lost() {
        ClaimSnapshot lost = new ClaimSnapshot(
                new ObjectRef("PersistentVolumeClaim", "shop", "data", ""),
                "Lost",
                java.util.Optional.empty(),
                java.util.Optional.of("pv-1"));

        Finding finding = only(rule.findings(graph().claims(lost).build()));
        Finding withoutVolume =
                only(rule.findings(graph().claims(claim("logs", "Lost", "fast")).build()));

        assertThat(finding.summary())
                .isEqualTo("PersistentVolumeClaim shop/data is Lost: its volume pv-1 is gone, so the pods using it"
                        + " cannot start; restore the volume or recreate the claim");
        assertThat(finding.evidence()).containsExactly("claim data: phase Lost, no storage class, volume pv-1");
        assertThat(withoutVolume.summary()).startsWith("PersistentVolumeClaim shop/logs is Lost: its volume is gone");
    }

    @Test
    @DisplayName("bound claims are no finding")
    void bound() {
        assertThat(rule.findings(graph().claims(claim("data", "Bound", "fast")).build()))
                .isEmpty();
    }

    @Test
    @DisplayName("a claim names the pods that use it, and only the events about the claim itself")
    void claimUsersAndEvents() {
        WorkloadGraph graph = graph().workload(deployment(2, 1))
                .pods(
                        pod("web-7d9f-a").claim("web").unschedulable("pod has unbound PersistentVolumeClaims"),
                        pod("web-7d9f-b"))
                .claims(claim("web", "Pending", "fast"))
                .events(
                        event(
                                "Warning",
                                "ProvisioningFailed",
                                "PersistentVolumeClaim",
                                "web",
                                "storageclass.storage.k8s.io \"fast\" not found",
                                4),
                        event("Normal", "ScalingReplicaSet", "Deployment", "web", "Scaled up to 2", 1))
                .build();

        assertThat(only(rule.findings(graph)).evidence())
                .containsExactly(
                        "claim web: phase Pending, storage class fast",
                        "used by web-7d9f-a",
                        "event ProvisioningFailed ×4: storageclass.storage.k8s.io \"fast\" not found");
    }
}
