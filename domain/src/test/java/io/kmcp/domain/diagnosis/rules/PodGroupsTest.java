package io.kmcp.domain.diagnosis.rules;

import static io.kmcp.domain.diagnosis.Fixtures.WEB_SERVICE;
import static io.kmcp.domain.diagnosis.Fixtures.container;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.pod;
import static io.kmcp.domain.diagnosis.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.ObjectRef;
import io.kmcp.domain.diagnosis.OwnerRef;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import io.kmcp.domain.diagnosis.rules.containers.CrashLoopBackOffRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the subject of a finding, diagnosing a Service")
class PodGroupsTest {

    private final CrashLoopBackOffRule crashLoop = new CrashLoopBackOffRule();

    @Test
    @DisplayName("pods of two Deployments behind one Service make a finding on each Deployment")
    void perDeployment() {
        WorkloadGraph graph = graph(WEB_SERVICE)
                .service(service(Map.of("tier", "frontend")))
                .pods(
                        pod("web-7d9f-a")
                                .labels(Map.of("tier", "frontend", "pod-template-hash", "7d9f"))
                                .with(container("app").crashLooping()),
                        pod("api-5c4b-a")
                                .labels(Map.of("tier", "frontend", "pod-template-hash", "5c4b"))
                                .ownedBy(new OwnerRef("ReplicaSet", "api-5c4b", "uid-api-rs", true))
                                .with(container("app").crashLooping()),
                        pod("api-5c4b-b")
                                .labels(Map.of("tier", "frontend", "pod-template-hash", "5c4b"))
                                .ownedBy(new OwnerRef("ReplicaSet", "api-5c4b", "uid-api-rs", true)))
                .build();

        List<Finding> findings = crashLoop.findings(graph);

        assertThat(findings)
                .extracting(Finding::subject)
                .containsExactly(
                        new ObjectRef("Deployment", "shop", "web", ""), new ObjectRef("Deployment", "shop", "api", ""));
        assertThat(findings.get(1).summary()).startsWith("container app of 1/2 pods of Deployment shop/api");
    }

    @Test
    @DisplayName("a pod without controller is its own subject; other controllers are told as they are")
    void otherOwners() {
        WorkloadGraph graph = graph(WEB_SERVICE)
                .service(service(Map.of("app", "web")))
                .pods(
                        pod("loose").ownedBy().with(container("app").crashLooping()),
                        pod("cache-0")
                                .ownedBy(
                                        new OwnerRef("Node", "node-1", "uid-n", false),
                                        new OwnerRef("StatefulSet", "cache", "uid-cache", true))
                                .with(container("app").crashLooping()),
                        pod("odd-1")
                                .ownedBy(new OwnerRef("ReplicaSet", "odd", "uid-odd", true))
                                .with(container("app").crashLooping()),
                        pod("bare-1")
                                .labels(Map.of("app", "web"))
                                .ownedBy(new OwnerRef("ReplicaSet", "bare-7d9f", "uid-bare", true))
                                .with(container("app").crashLooping()))
                .build();

        assertThat(crashLoop.findings(graph))
                .extracting(Finding::subject)
                .containsExactly(
                        new ObjectRef("Pod", "shop", "loose", "uid-loose"),
                        new ObjectRef("StatefulSet", "shop", "cache", "uid-cache"),
                        new ObjectRef("ReplicaSet", "shop", "odd", "uid-odd"),
                        new ObjectRef("ReplicaSet", "shop", "bare-7d9f", "uid-bare"));
        assertThat(crashLoop.findings(graph).get(0).summary()).startsWith("container app of Pod shop/loose ");
    }
}
