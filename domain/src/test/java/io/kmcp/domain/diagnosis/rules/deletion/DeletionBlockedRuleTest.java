package io.kmcp.domain.diagnosis.rules.deletion;

import static io.kmcp.domain.diagnosis.Fixtures.NOW;
import static io.kmcp.domain.diagnosis.Fixtures.WEB;
import static io.kmcp.domain.diagnosis.Fixtures.WEB_RS;
import static io.kmcp.domain.diagnosis.Fixtures.ago;
import static io.kmcp.domain.diagnosis.Fixtures.condition;
import static io.kmcp.domain.diagnosis.Fixtures.deletion;
import static io.kmcp.domain.diagnosis.Fixtures.deployment;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.only;
import static io.kmcp.domain.diagnosis.Fixtures.pod;
import static io.kmcp.domain.diagnosis.Fixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kmcp.domain.diagnosis.Condition;
import io.kmcp.domain.diagnosis.Deletion;
import io.kmcp.domain.diagnosis.DiagnosisRules;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.NamespaceSnapshot;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("DeletionBlocked")
class DeletionBlockedRuleTest {

    private static final Duration GRACE = Duration.ofSeconds(30);

    private final DeletionBlockedRule rule = new DeletionBlockedRule();

    private List<Finding> heldPod(Deletion deletion) {
        return rule.findings(graph().pods(pod("web-7d9f-a").deleted(deletion)).build());
    }

    @Nested
    @DisplayName("when it is told")
    class When {

        @Test
        @DisplayName("within its grace period a pod is terminating as asked: nothing, also at the deadline itself")
        void withinGrace() {
            assertThat(heldPod(deletion(ago(Duration.ofSeconds(20)), GRACE, "example.com/hold")))
                    .isEmpty();
            assertThat(heldPod(deletion(ago(GRACE), GRACE, "example.com/hold")))
                    .as("at the deadline")
                    .isEmpty();
        }

        @Test
        @DisplayName("past the deadline, for less than a minute: INFO, a deletion still in progress")
        void justPast() {
            Finding finding = only(heldPod(deletion(ago(Duration.ofSeconds(89)), GRACE, "example.com/hold")));

            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.summary())
                    .startsWith("Pod shop/web-7d9f-a is being deleted (asked 89s ago), held by finalizer"
                            + " example.com/hold; if it stays, find the controller that owns example.com");
        }

        @Test
        @DisplayName("a minute past the deadline and more: WARNING, the object will not go away")
        void stuck() {
            Finding finding = only(heldPod(deletion(ago(Duration.ofSeconds(90)), GRACE, "example.com/hold")));

            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.cause()).isEqualTo("DeletionBlocked");
            assertThat(finding.subject()).isEqualTo(new ObjectRef("Pod", "shop", "web-7d9f-a", "uid-web-7d9f-a"));
            assertThat(finding.summary())
                    .isEqualTo("Pod shop/web-7d9f-a was deleted 90s ago and is still there, held by finalizer"
                            + " example.com/hold: find the controller that owns example.com and why it has not"
                            + " finished; removing a finalizer by hand skips its cleanup, so leave that to a human");
        }

        @Test
        @DisplayName("the wait counts from the request, the grace period before the deadline included")
        void waitFromRequest() {
            Deletion deletion = deletion(ago(Duration.ofMinutes(12)), GRACE, "example.com/hold");

            Finding finding = only(heldPod(deletion));

            assertThat(deletion.deadline()).isEqualTo(ago(Duration.ofSeconds(690)));
            assertThat(finding.summary()).contains("was deleted 12m ago");
            assertThat(finding.evidence())
                    .containsExactly("deletionTimestamp 2026-11-23T09:48:30Z (grace period 30s), 11m past it");
        }
    }

    @Nested
    @DisplayName("what holds it")
    class Holders {

        @Test
        @DisplayName("finalizers of Kubernetes are explained, and the advice is to see what they wait for")
        void knownFinalizers() {
            WorkloadGraph graph = graph().workload(deployment(1, 1)
                            .deleted(deletion(ago(Duration.ofHours(3)), Duration.ZERO, "foregroundDeletion")))
                    .pods(pod("web-7d9f-a"))
                    .build();

            Finding finding = only(rule.findings(graph));

            assertThat(finding.subject()).isEqualTo(WEB);
            assertThat(finding.summary())
                    .isEqualTo("Deployment shop/web was deleted 3h ago and is still there, held by finalizer"
                            + " foregroundDeletion: see what the finalizer waits for; removing a finalizer by hand"
                            + " skips its cleanup, so leave that to a human");
            assertThat(finding.evidence())
                    .contains("finalizer foregroundDeletion: the garbage collector deletes the dependents first");
        }

        @Test
        @DisplayName("several finalizers are all named, and the controllers of the unknown ones once each")
        void severalFinalizers() {
            Finding finding = only(heldPod(deletion(
                    ago(Duration.ofMinutes(5)),
                    Duration.ZERO,
                    "example.com/hold",
                    "example.com/audit",
                    "batch.kubernetes.io/job-tracking")));

            assertThat(finding.summary())
                    .contains("held by finalizers example.com/hold, example.com/audit,"
                            + " batch.kubernetes.io/job-tracking: find the controller that owns example.com and");
            assertThat(finding.evidence())
                    .contains("finalizer batch.kubernetes.io/job-tracking: the Job controller has not counted the pod"
                            + " yet");
        }

        @Test
        @DisplayName(
                "a pod that no finalizer holds waits for its kubelet; k-mcp suggests no forced deletion of its own")
        void podWithoutFinalizers() {
            Finding finding = only(heldPod(deletion(ago(Duration.ofMinutes(10)), GRACE)));

            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.summary())
                    .isEqualTo("Pod shop/web-7d9f-a was deleted 10m ago and is still there, no finalizer holds it:"
                            + " its node's kubelet has not confirmed that the containers stopped; check the node,"
                            + " and ask a human before forcing the deletion");
            assertThat(finding.evidence()).contains("waits for the kubelet of node node-1");
        }

        @Test
        @DisplayName("a pod bound to no node says so")
        void podOnNoNode() {
            List<Finding> findings = rule.findings(graph().pods(
                            pod("web-7d9f-a").node(null).deleted(deletion(ago(Duration.ofMinutes(10)), Duration.ZERO)))
                    .build());

            assertThat(only(findings).evidence()).contains("bound to no node");
        }

        @Test
        @DisplayName("another object that no finalizer holds: the API server should have removed it")
        void objectWithoutFinalizers() {
            Finding finding = only(rule.findings(graph().workload(
                            deployment(1, 1).deleted(deletion(ago(Duration.ofMinutes(10)), Duration.ZERO)))
                    .build()));

            assertThat(finding.summary()).endsWith("the API server should have removed it; check the API server");
        }
    }

    @Nested
    @DisplayName("which objects")
    class Objects {

        @Test
        @DisplayName("each held pod, the workload and its ReplicaSet get a finding of their own")
        void everyObject() {
            Deletion held = deletion(ago(Duration.ofMinutes(5)), Duration.ZERO, "example.com/hold");
            WorkloadGraph graph = graph().workload(deployment(2, 0).deleted(held))
                    .related(workload(WEB_RS).deleted(held))
                    .pods(pod("web-7d9f-a").deleted(held), pod("web-7d9f-b").deleted(held), pod("web-7d9f-c"))
                    .build();

            assertThat(rule.findings(graph))
                    .extracting(finding -> finding.subject().display())
                    .containsExactly(
                            "Deployment shop/web",
                            "ReplicaSet shop/web-7d9f",
                            "Pod shop/web-7d9f-a",
                            "Pod shop/web-7d9f-b");
        }

        @Test
        @DisplayName("nothing deleted, nothing told")
        void nothingDeleted() {
            assertThat(rule.findings(graph().pods(pod("web-7d9f-a")).build())).isEmpty();
        }

        @Test
        @DisplayName("a workload whose pod a finalizer keeps is not healthy: the diagnosis tells the pod")
        void notHealthy() {
            WorkloadGraph graph = graph().workload(deployment(1, 1))
                    .pods(pod("web-7d9f-a").deleted(deletion(ago(Duration.ofMinutes(30)), GRACE, "example.com/hold")))
                    .build();

            assertThat(DiagnosisRules.findings(graph))
                    .extracting(Finding::cause, finding -> finding.subject().name())
                    .containsExactly(tuple("DeletionBlocked", "web-7d9f-a"));
        }
    }

    @Nested
    @DisplayName("a namespace")
    class Namespaces {

        private final ObjectRef attic = new ObjectRef("Namespace", "", "attic", "uid-attic");

        private NamespaceSnapshot terminating(Deletion deletion, Condition... conditions) {
            return new NamespaceSnapshot(attic, "Terminating", Optional.of(deletion), List.of(conditions));
        }

        @Test
        @DisplayName("held past its deadline: its finalizer, and what its controller says is left, quoted")
        void held() {
            NamespaceSnapshot namespace = terminating(
                    deletion(ago(Duration.ofMinutes(7)), Duration.ZERO, "kubernetes"),
                    condition("NamespaceDeletionDiscoveryFailure", "False"),
                    condition(
                            "NamespaceContentRemaining",
                            "True",
                            "SomeResourcesRemain",
                            "Some resources are remaining: configmaps. has 1 resource instances"),
                    condition(
                            "NamespaceFinalizersRemaining",
                            "True",
                            "SomeFinalizersRemain",
                            "Some content in the namespace has finalizers remaining: example.com/hold in 1 resource"
                                    + " instances"));

            Optional<Finding> finding = DiagnosisRules.namespaceFinding(namespace, NOW);

            assertThat(finding).hasValueSatisfying(told -> {
                assertThat(told.severity()).isEqualTo(Severity.WARNING);
                assertThat(told.subject()).isEqualTo(attic);
                assertThat(told.summary())
                        .isEqualTo("Namespace attic was deleted 7m ago and is still there, held by finalizer"
                                + " kubernetes: the namespace controller reports: Some content in the namespace has"
                                + " finalizers remaining: example.com/hold in 1 resource instances; find the"
                                + " controllers that own them; removing a finalizer by hand skips its cleanup, so"
                                + " leave that to a human");
                assertThat(told.evidence())
                        .containsExactly(
                                "deletionTimestamp 2026-11-23T09:53:00Z (grace period 0s), 7m past it",
                                "finalizer kubernetes: the namespace controller is still deleting the namespace's"
                                        + " content");
            });
        }

        @Test
        @DisplayName("held with content left and no finalizer named: the content its controller reports")
        void contentLeft() {
            NamespaceSnapshot namespace = terminating(
                    deletion(ago(Duration.ofMinutes(2)), Duration.ZERO, "kubernetes"),
                    condition(
                            "NamespaceContentRemaining",
                            "True",
                            "SomeResourcesRemain",
                            "Some resources are remaining: pods. has 2 resource instances"));

            assertThat(DiagnosisRules.namespaceFinding(namespace, NOW))
                    .map(Finding::summary)
                    .hasValueSatisfying(summary -> assertThat(summary)
                            .contains("the namespace controller reports: Some resources are remaining: pods. has 2"));
        }

        @Test
        @DisplayName("held while its controller reports nothing left: the advice for its finalizer")
        void heldWithoutConditions() {
            NamespaceSnapshot namespace = terminating(
                    deletion(ago(Duration.ofSeconds(20)), Duration.ZERO, "example.com/ns"),
                    condition("NamespaceContentRemaining", "False"));

            assertThat(DiagnosisRules.namespaceFinding(namespace, NOW))
                    .map(Finding::summary)
                    .contains("Namespace attic is being deleted (asked 20s ago), held by finalizer example.com/ns; if"
                            + " it stays, find the controller that owns example.com and why it has not finished;"
                            + " removing a finalizer by hand skips its cleanup, so leave that to a human");
        }

        @Test
        @DisplayName("active: nothing")
        void active() {
            NamespaceSnapshot namespace = new NamespaceSnapshot(attic, "Active", Optional.empty(), List.of());

            assertThat(DiagnosisRules.namespaceFinding(namespace, NOW)).isEmpty();
        }
    }
}
