package io.kmcp.domain.diagnosis.rules.autoscaling;

import static io.kmcp.domain.diagnosis.Fixtures.autoscaler;
import static io.kmcp.domain.diagnosis.Fixtures.condition;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("AutoscalerAtLimit")
class AutoscalerAtLimitRuleTest {

    private final AutoscalerAtLimitRule rule = new AutoscalerAtLimitRule();

    @Test
    @DisplayName("at its maximum and limited there: its replicas and the ScalingLimited condition")
    void atMaximum() {
        WorkloadGraph graph = graph().autoscalers(autoscaler(
                        2,
                        5,
                        5,
                        5,
                        condition("ScalingActive", "True"),
                        condition(
                                "ScalingLimited",
                                "True",
                                "TooManyReplicas",
                                "the desired replica count is more than the maximum replica count")))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.cause()).isEqualTo("AutoscalerAtLimit");
        assertThat(finding.subject()).isEqualTo(new ObjectRef("HorizontalPodAutoscaler", "shop", "web", "uid-hpa"));
        assertThat(finding.summary())
                .isEqualTo("HorizontalPodAutoscaler shop/web is at its maximum of 5 replicas for Deployment web:"
                        + " raise maxReplicas or make each pod handle more");
        assertThat(finding.evidence())
                .containsExactly(
                        "replicas: current 5, desired 5, min 2, max 5",
                        "condition ScalingLimited True (TooManyReplicas): the desired replica count is more than"
                                + " the maximum replica count");
    }

    @Test
    @DisplayName("told when the HPA says it is limited, or when it wants its maximum; not below it")
    void limits() {
        assertThat(rule.findings(graph().autoscalers(
                                autoscaler(1, 5, 5, 4, condition("ScalingLimited", "True", "TooManyReplicas", "more")))
                        .build()))
                .hasSize(1);
        assertThat(only(rule.findings(
                                graph().autoscalers(autoscaler(1, 5, 4, 6)).build()))
                        .evidence())
                .containsExactly("replicas: current 4, desired 6, min 1, max 5");
        assertThat(rule.findings(graph().autoscalers(
                                autoscaler(1, 5, 5, 4, condition("ScalingLimited", "True", "TooFewReplicas", "fewer")))
                        .build()))
                .isEmpty();
        assertThat(rule.findings(graph().autoscalers(
                                autoscaler(1, 5, 5, 4, condition("ScalingLimited", "False", "TooManyReplicas", "-")))
                        .build()))
                .isEmpty();
        assertThat(rule.findings(graph().autoscalers(autoscaler(1, 0, 0, 0)).build()))
                .as("no maximum read")
                .isEmpty();
    }

    @Test
    @DisplayName("an autoscaler that reads no metrics cannot scale at all: AutoscalerInactive")
    void inactive() {
        WorkloadGraph graph = graph().autoscalers(autoscaler(
                        2,
                        5,
                        5,
                        5,
                        condition(
                                "ScalingActive",
                                "False",
                                "FailedGetResourceMetric",
                                "the HPA was unable to compute the replica count: unable to get metrics for resource"
                                        + " cpu")))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.cause()).isEqualTo("AutoscalerInactive");
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.summary())
                .isEqualTo("HorizontalPodAutoscaler shop/web cannot scale: FailedGetResourceMetric; check that the"
                        + " metrics it uses are served (metrics-server, custom metrics)");
        assertThat(finding.evidence())
                .containsExactly(
                        "condition ScalingActive False (FailedGetResourceMetric): the HPA was unable to compute the"
                                + " replica count: unable to get metrics for resource cpu",
                        "replicas: current 5, desired 5, min 2, max 5");
    }

    @Test
    @DisplayName("an inactive autoscaler without a reason says its condition")
    void inactiveWithoutReason() {
        Finding finding =
                only(rule.findings(graph().autoscalers(autoscaler(1, 3, 1, 1, condition("ScalingActive", "False")))
                        .build()));

        assertThat(finding.summary()).contains("cannot scale: ScalingActive is False;");
        assertThat(finding.evidence().get(0)).isEqualTo("condition ScalingActive False");
    }
}
