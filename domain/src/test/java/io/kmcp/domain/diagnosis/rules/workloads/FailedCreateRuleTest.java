package io.kmcp.domain.diagnosis.rules.workloads;

import static io.kmcp.domain.diagnosis.Fixtures.WEB;
import static io.kmcp.domain.diagnosis.Fixtures.WEB_RS;
import static io.kmcp.domain.diagnosis.Fixtures.condition;
import static io.kmcp.domain.diagnosis.Fixtures.deployment;
import static io.kmcp.domain.diagnosis.Fixtures.event;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.only;
import static io.kmcp.domain.diagnosis.Fixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.OwnerRef;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FailedCreate")
class FailedCreateRuleTest {

    private static final String QUOTA = "pods \"web-7d9f-x2k\" is forbidden: exceeded quota: pods, requested: pods=1,"
            + " used: pods=2, limited: pods=2";

    private final FailedCreateRule rule = new FailedCreateRule();

    @Test
    @DisplayName("a quota used up: told once, on the Deployment, with its condition and its ReplicaSet's events")
    void quota() {
        WorkloadGraph graph = graph().workload(
                        deployment(3, 2).condition(condition("ReplicaFailure", "True", "FailedCreate", QUOTA)))
                .related(workload(WEB_RS)
                        .ownedBy(new OwnerRef("Deployment", "web", "uid-web", true))
                        .condition(condition("ReplicaFailure", "True", "FailedCreate", QUOTA)))
                .events(event("Warning", "FailedCreate", "ReplicaSet", WEB_RS.name(), "Error creating: " + QUOTA, 7))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.cause()).isEqualTo("FailedCreate");
        assertThat(finding.subject()).isEqualTo(WEB);
        assertThat(finding.summary())
                .isEqualTo("Deployment shop/web: its pods cannot be created: a ResourceQuota of the namespace is used"
                        + " up: raise it, or ask for fewer replicas or smaller requests (" + QUOTA + ")");
        assertThat(finding.evidence())
                .containsExactly(
                        "Deployment shop/web: condition ReplicaFailure (FailedCreate): " + QUOTA,
                        "ReplicaSet shop/web-7d9f: condition ReplicaFailure (FailedCreate): " + QUOTA,
                        "ReplicaSet shop/web-7d9f: event FailedCreate ×7: Error creating: " + QUOTA);
    }

    @Test
    @DisplayName("a Job or StatefulSet says so in events only: the event's message decides the next step")
    void events() {
        ObjectRef job = new ObjectRef("Job", "shop", "migrate", "uid-migrate");
        String podSecurity = "Error creating: pods \"migrate-x\" is forbidden: violates PodSecurity"
                + " \"restricted:latest\": allowPrivilegeEscalation != false (container \"migrate\" must set"
                + " securityContext.allowPrivilegeEscalation=false)";
        Finding finding = only(rule.findings(graph(job)
                .workload(workload(job))
                .events(
                        event("Warning", "FailedCreate", "Job", "migrate", podSecurity, 3),
                        event("Normal", "SuccessfulCreate", "Job", "migrate", "Created pod: migrate-y", 1))
                .build()));

        assertThat(finding.subject()).isEqualTo(job);
        assertThat(finding.summary())
                .contains(": the namespace's Pod Security level forbids the pod template: fix its securityContext as"
                        + " the message says, or change the namespace's pod-security.kubernetes.io/enforce label (Error"
                        + " creating: pods");
        assertThat(finding.evidence()).containsExactly("Job shop/migrate: event FailedCreate ×3: " + podSecurity);
    }

    @Test
    @DisplayName("asked about a pod, the refusal of its ReplicaSet is told on the ReplicaSet")
    void fromAPod() {
        ObjectRef pod = new ObjectRef("Pod", "shop", "web-7d9f-a", "uid-a");
        Finding finding = only(rule.findings(graph(pod)
                .related(workload(WEB_RS))
                .events(event("Warning", "FailedCreate", "ReplicaSet", WEB_RS.name(), "Error creating: boom", 1))
                .build()));

        assertThat(finding.subject()).isEqualTo(WEB_RS);
        assertThat(finding.summary())
                .isEqualTo("ReplicaSet shop/web-7d9f: its pods cannot be created: the API server refused the pod: fix"
                        + " what the message names (Error creating: boom)");
    }

    @Test
    @DisplayName("each refusal the API server gives has its next step")
    void advice() {
        assertThat(FailedCreateRule.advice(
                        "pods \"w\" is forbidden: failed quota: compute: must specify" + " limits.cpu for: app"))
                .startsWith("a ResourceQuota of the namespace requires requests or limits");
        assertThat(FailedCreateRule.advice(
                        "admission webhook \"policy.example.com\" denied the request: no latest" + " tags"))
                .startsWith("an admission webhook refused the pod");
        assertThat(FailedCreateRule.advice("pods \"w\" is forbidden: error looking up service account shop/builder:"
                        + " serviceaccount \"builder\" not found"))
                .startsWith("the ServiceAccount the pod template names does not exist");
        assertThat(FailedCreateRule.advice(
                        "pods \"w\" is forbidden: maximum cpu usage per Container is 1, but limit" + " is 2"))
                .startsWith("a LimitRange of the namespace bounds the containers' resources");
        assertThat(FailedCreateRule.advice(
                        "pods \"w\" is forbidden: maximum memory usage per Pod is 1Gi, but limit" + " is 2Gi"))
                .startsWith("a LimitRange of the namespace");
        assertThat(FailedCreateRule.advice("pods \"w\" is forbidden: [minimum cpu usage, LimitRange default]"))
                .startsWith("a LimitRange of the namespace");
        assertThat(FailedCreateRule.advice("pods \"w\" is forbidden: must specify limits.cpu"))
                .isEqualTo("the API server refused the pod: fix what the message names");
        assertThat(FailedCreateRule.advice("Internal error occurred: admission webhook \"x\" failed to call"))
                .isEqualTo("the API server refused the pod: fix what the message names");
        assertThat(FailedCreateRule.advice("pods \"w\" is forbidden: serviceaccount \"builder\" is disabled"))
                .isEqualTo("the API server refused the pod: fix what the message names");
    }

    @Test
    @DisplayName("a controller that creates its pods, or a condition that is not true, is not told")
    void creating() {
        assertThat(rule.findings(graph().workload(deployment(3, 3).condition(condition("ReplicaFailure", "False")))
                        .events(event("Normal", "ScalingReplicaSet", "Deployment", "web", "Scaled up", 1))
                        .build()))
                .isEmpty();
        assertThat(rule.findings(graph().workload(deployment(3, 3))
                        .events(event("Warning", "FailedCreate", "ReplicaSet", "other", "Error creating: boom", 1))
                        .build()))
                .isEmpty();
    }
}
