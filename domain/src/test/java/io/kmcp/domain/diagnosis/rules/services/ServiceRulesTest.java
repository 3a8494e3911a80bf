package io.kmcp.domain.diagnosis.rules.services;

import static io.kmcp.domain.diagnosis.Fixtures.SCHEDULER_MESSAGE;
import static io.kmcp.domain.diagnosis.Fixtures.WEB_SERVICE;
import static io.kmcp.domain.diagnosis.Fixtures.ago;
import static io.kmcp.domain.diagnosis.Fixtures.container;
import static io.kmcp.domain.diagnosis.Fixtures.deployment;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.only;
import static io.kmcp.domain.diagnosis.Fixtures.pod;
import static io.kmcp.domain.diagnosis.Fixtures.running;
import static io.kmcp.domain.diagnosis.Fixtures.service;
import static io.kmcp.domain.diagnosis.Fixtures.slice;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.DiagnosisRules;
import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.ServiceSnapshot;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ServiceSelectsNothing and NoReadyEndpoints")
class ServiceRulesTest {

    private final ServiceSelectsNothingRule selectsNothing = new ServiceSelectsNothingRule();
    private final NoReadyEndpointsRule noReadyEndpoints = new NoReadyEndpointsRule();

    @Test
    @DisplayName("a Service whose selector matches no pod: the selector and where it was looked for")
    void selectsNothing() {
        WorkloadGraph graph = graph(WEB_SERVICE)
                .service(service(Map.of("app", "web", "tier", "frontend")))
                .slices(slice(0, 0))
                .build();

        Finding finding = only(selectsNothing.findings(graph));

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.cause()).isEqualTo("ServiceSelectsNothing");
        assertThat(finding.subject()).isEqualTo(WEB_SERVICE);
        assertThat(finding.summary())
                .isEqualTo("Service shop/web selects no pod: no pod in namespace shop has the labels"
                        + " app=web,tier=frontend; fix the selector or the pods' labels");
        assertThat(finding.evidence())
                .containsExactly("selector app=web,tier=frontend", "endpoints: 0 ready, 0 not ready");
        assertThat(DiagnosisRules.findings(graph)).containsExactly(finding);
    }

    @Test
    @DisplayName("pods that lack one label of the selector, or live in another namespace, are not selected")
    void partialLabels() {
        WorkloadGraph graph = graph(WEB_SERVICE)
                .service(service(Map.of("app", "web", "tier", "frontend")))
                .pods(
                        pod("web-7d9f-a"),
                        pod("web-7d9f-b")
                                .labels(Map.of("app", "web", "tier", "frontend"))
                                .namespace("other"))
                .build();

        assertThat(selectsNothing.findings(graph)).hasSize(1);
        assertThat(noReadyEndpoints.findings(graph)).isEmpty();
    }

    @Test
    @DisplayName("diagnosing a workload, a Service that misses its pods names the template's labels")
    void missesTheWorkload() {
        WorkloadGraph graph = graph().workload(deployment(2, 2).templateLabels(Map.of("app", "web", "version", "2")))
                .service(service(Map.of("app", "webapp")))
                .pods(pod("web-7d9f-a"), pod("web-7d9f-b"))
                .build();

        Finding finding = only(selectsNothing.findings(graph));

        assertThat(finding.summary())
                .isEqualTo("Service shop/web selects none of the 2 pods of Deployment shop/web: they lack the labels"
                        + " app=webapp");
        assertThat(finding.evidence())
                .containsExactly(
                        "selector app=webapp", "pod template labels of Deployment shop/web: app=web,version=2");
    }

    @Test
    @DisplayName("a workload without template labels adds no such line")
    void noTemplateLabels() {
        WorkloadGraph graph = graph().workload(deployment(2, 2).templateLabels(Map.of()))
                .service(service(Map.of("app", "webapp")))
                .build();

        assertThat(only(selectsNothing.findings(graph)).evidence()).containsExactly("selector app=webapp");
    }

    @Test
    @DisplayName("a Service without selector is INFO: its endpoints are managed by hand")
    void noSelector() {
        Finding finding = only(selectsNothing.findings(graph(WEB_SERVICE)
                .service(service(Map.of()))
                .slices(slice(2, 0), slice(1, 1))
                .build()));

        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.cause()).isEqualTo("ServiceSelectsNothing");
        assertThat(finding.summary())
                .isEqualTo("Service shop/web has no selector: its endpoints are managed by hand, so no pod is checked"
                        + " behind it");
        assertThat(finding.evidence()).containsExactly("endpoints: 3 ready, 1 not ready");
    }

    @Test
    @DisplayName("an ExternalName Service, a Service that selects pods, or no Service are no finding")
    void noFinding() {
        ServiceSnapshot external = new ServiceSnapshot(WEB_SERVICE, "ExternalName", Map.of(), List.of());

        assertThat(selectsNothing.findings(graph(WEB_SERVICE).service(external).build()))
                .isEmpty();
        assertThat(selectsNothing.findings(graph(WEB_SERVICE)
                        .service(service(Map.of("app", "web")))
                        .pods(pod("web-7d9f-a"))
                        .build()))
                .isEmpty();
        assertThat(selectsNothing.findings(graph().build())).isEmpty();
        assertThat(noReadyEndpoints.findings(
                        graph().pods(pod("web-7d9f-a").ready(false)).build()))
                .isEmpty();
    }

    @Test
    @DisplayName("a Service whose pods are all not ready: the endpoint counts and what each pod waits for")
    void noReadyEndpoints() {
        WorkloadGraph graph = graph(WEB_SERVICE)
                .service(service(Map.of("app", "web")))
                .slices(slice(0, 3))
                .pods(
                        pod("web-7d9f-a").with(container("app").crashLooping()),
                        pod("web-7d9f-b").unschedulable(SCHEDULER_MESSAGE),
                        pod("web-7d9f-c")
                                .with(container("app")
                                        .state(running(ago(Duration.ofSeconds(5))))
                                        .notReady()),
                        pod("web-7d9f-d").terminating().ready(false))
                .build();

        Finding finding = only(noReadyEndpoints.findings(graph));

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.cause()).isEqualTo("NoReadyEndpoints");
        assertThat(finding.subject()).isEqualTo(WEB_SERVICE);
        assertThat(finding.summary())
                .isEqualTo("Service shop/web selects 4 pods but none is ready, so its traffic goes nowhere; the pods'"
                        + " findings say why");
        assertThat(finding.evidence())
                .containsExactly(
                        "endpoints: 0 ready, 3 not ready",
                        "not ready: web-7d9f-a (CrashLoopBackOff), web-7d9f-b (Unschedulable), web-7d9f-c (Running)"
                                + " and 1 more");
    }

    @Test
    @DisplayName("one pod, terminating, with no slice read")
    void onePod() {
        WorkloadGraph graph = graph(WEB_SERVICE)
                .service(service(Map.of("app", "web")))
                .pods(pod("web-7d9f-a").terminating().ready(false))
                .build();

        Finding finding = only(noReadyEndpoints.findings(graph));

        assertThat(finding.summary()).startsWith("Service shop/web selects 1 pod but none is ready");
        assertThat(finding.evidence()).containsExactly("not ready: web-7d9f-a (Terminating)");
    }

    @Test
    @DisplayName("one ready pod is enough for the Service to work")
    void oneReady() {
        WorkloadGraph graph = graph(WEB_SERVICE)
                .service(service(Map.of("app", "web")))
                .pods(pod("web-7d9f-a").ready(false), pod("web-7d9f-b"))
                .build();

        assertThat(noReadyEndpoints.findings(graph)).isEmpty();
    }
}
