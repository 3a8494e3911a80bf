package io.kmcp.domain.diagnosis.rules.workloads;

import static io.kmcp.domain.diagnosis.Fixtures.WEB;
import static io.kmcp.domain.diagnosis.Fixtures.WEB_SERVICE;
import static io.kmcp.domain.diagnosis.Fixtures.condition;
import static io.kmcp.domain.diagnosis.Fixtures.deployment;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.only;
import static io.kmcp.domain.diagnosis.Fixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.Condition;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.Fixtures;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RolloutStuck")
class RolloutStuckRuleTest {

    private final RolloutStuckRule rule = new RolloutStuckRule();

    @Test
    @DisplayName("past its progress deadline: the condition's message and the revisions of the ReplicaSets")
    void deadlineExceeded() {
        WorkloadGraph graph = graph().workload(deployment(3, 1)
                        .revision("3")
                        .condition(condition(
                                "Progressing",
                                "False",
                                "ProgressDeadlineExceeded",
                                "ReplicaSet \"web-7d9f\" has timed out progressing.")))
                .related(
                        workload(Fixtures.WEB_RS).revision("3").desired(3).ready(0),
                        workload(new ObjectRef("ReplicaSet", "shop", "web-5c4b", ""))
                                .revision("2")
                                .desired(1)
                                .ready(1),
                        workload(new ObjectRef("ReplicaSet", "shop", "web-1a2b", ""))
                                .revision("1")
                                .desired(0)
                                .ready(0))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.cause()).isEqualTo("RolloutStuck");
        assertThat(finding.subject()).isEqualTo(WEB);
        assertThat(finding.summary())
                .isEqualTo("Deployment shop/web rollout of revision 3 exceeded its progress deadline: the new pods"
                        + " never became available; the pods' findings say why");
        assertThat(finding.evidence())
                .containsExactly(
                        "condition Progressing: ReplicaSet \"web-7d9f\" has timed out progressing.",
                        "ReplicaSet shop/web-7d9f (revision 3): 0/3 ready",
                        "ReplicaSet shop/web-5c4b (revision 2): 1/1 ready");
    }

    @Test
    @DisplayName("without revision, message or ReplicaSets, the deadline is still told")
    void bareDeadline() {
        WorkloadGraph graph = graph().workload(deployment(3, 1)
                        .condition(new Condition(
                                "Progressing",
                                "False",
                                java.util.Optional.of("ProgressDeadlineExceeded"),
                                java.util.Optional.empty(),
                                java.util.Optional.empty())))
                .related(
                        workload(new ObjectRef("Job", "shop", "j", "")),
                        workload(Fixtures.WEB_RS).noDesired())
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.summary()).startsWith("Deployment shop/web rollout exceeded its progress deadline");
        assertThat(finding.evidence()).containsExactly("ReplicaSet shop/web-7d9f: 1/0 ready");
    }

    @Test
    @DisplayName("a change the controller has not acted on: generation ahead of observedGeneration, a WARNING")
    void generationBehind() {
        WorkloadGraph graph =
                graph().workload(deployment(3, 3).generations(5, 4)).build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.summary())
                .isEqualTo("Deployment shop/web: its controller has not acted on generation 5 yet (observed 4); if"
                        + " this lasts, the controller manager is down or failing");
        assertThat(finding.evidence()).containsExactly("metadata.generation 5, status.observedGeneration 4");
    }

    @Test
    @DisplayName("progressing, up to date, or a kind without observedGeneration: no finding")
    void healthy() {
        ObjectRef job = new ObjectRef("Job", "shop", "j", "");
        assertThat(rule.findings(graph().workload(deployment(3, 3)
                                .condition(condition("Progressing", "True", "NewReplicaSetAvailable", "done"))
                                .condition(condition("Available", "False", "ProgressDeadlineExceeded", "no")))
                        .build()))
                .isEmpty();
        assertThat(rule.findings(
                        graph().workload(deployment(3, 3).condition(condition("Progressing", "False", "Other", "x")))
                                .build()))
                .isEmpty();
        assertThat(rule.findings(
                        graph().workload(deployment(3, 3).generations(4, 5)).build()))
                .isEmpty();
        assertThat(rule.findings(
                        graph(job).workload(workload(job).generations(1, 0)).build()))
                .isEmpty();
        assertThat(rule.findings(graph(WEB_SERVICE).build())).isEmpty();
    }

    @Test
    @DisplayName("each kind that reports observedGeneration is checked")
    void kinds() {
        for (String kind : List.of("StatefulSet", "DaemonSet", "ReplicaSet")) {
            ObjectRef ref = new ObjectRef(kind, "shop", "x", "");
            assertThat(rule.findings(
                            graph(ref).workload(workload(ref).generations(2, 1)).build()))
                    .as(kind)
                    .hasSize(1);
        }
    }
}
