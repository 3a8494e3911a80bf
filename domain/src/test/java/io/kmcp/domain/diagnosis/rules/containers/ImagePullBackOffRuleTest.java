package io.kmcp.domain.diagnosis.rules.containers;

import static io.kmcp.domain.diagnosis.Fixtures.WEB;
import static io.kmcp.domain.diagnosis.Fixtures.container;
import static io.kmcp.domain.diagnosis.Fixtures.graph;
import static io.kmcp.domain.diagnosis.Fixtures.only;
import static io.kmcp.domain.diagnosis.Fixtures.pod;
import static io.kmcp.domain.diagnosis.Fixtures.waiting;
import static io.kmcp.domain.diagnosis.Fixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.Finding;
import io.kmcp.domain.diagnosis.Fixtures;
import io.kmcp.domain.diagnosis.Severity;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ImagePullBackOff")
class ImagePullBackOffRuleTest {

    private final ImagePullBackOffRule rule = new ImagePullBackOffRule();

    @Test
    @DisplayName("the image, the kubelet's message and the Failed event, with what to check")
    void backOff() {
        WorkloadGraph graph = graph().pods(
                        pod("web-7d9f-a").with(pulling("ImagePullBackOff")),
                        pod("web-7d9f-b").with(pulling("ErrImagePull")),
                        pod("web-7d9f-c"))
                .events(
                        warning(
                                "Failed",
                                "web-7d9f-a",
                                "Failed to pull image \"nginx:doesnotexist\": rpc error: code = NotFound desc ="
                                        + " failed to resolve reference \"docker.io/library/nginx:doesnotexist\"",
                                3),
                        warning("BackOff", "web-7d9f-a", "Back-off pulling image \"nginx:doesnotexist\"", 8))
                .build();

        Finding finding = only(rule.findings(graph));

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.cause()).isEqualTo("ImagePullBackOff");
        assertThat(finding.subject()).isEqualTo(WEB);
        assertThat(finding.summary())
                .isEqualTo("container app of 2/3 pods of Deployment shop/web cannot get image nginx:doesnotexist"
                        + " (ImagePullBackOff): the registry has no such image or tag: check the name and tag");
        assertThat(finding.evidence())
                .containsExactly(
                        "2 of 3 pods: web-7d9f-a, web-7d9f-b",
                        "image nginx:doesnotexist",
                        "kubelet: Back-off pulling image \"nginx:doesnotexist\"",
                        "event Failed ×3: Failed to pull image \"nginx:doesnotexist\": rpc error: code = NotFound"
                                + " desc = failed to resolve reference \"docker.io/library/nginx:doesnotexist\"");
    }

    @Test
    @DisplayName("an invalid image name, or an image never pulled, each with its own advice")
    void otherReasons() {
        Finding invalid = only(rule.findings(graph().pods(pod("web-7d9f-a").with(pulling("InvalidImageName")))
                .build()));
        Finding never = only(rule.findings(graph().pods(pod("web-7d9f-a").with(pulling("ErrImageNeverPull")))
                .build()));

        assertThat(invalid.cause()).isEqualTo("ImagePullBackOff");
        assertThat(invalid.summary()).endsWith("(InvalidImageName): fix the image reference");
        assertThat(never.summary())
                .endsWith("(ErrImageNeverPull): imagePullPolicy is Never and the image is not on the node");
    }

    @Test
    @DisplayName("what the registry answered decides the advice: refused, unknown tag, unreachable")
    void registryAnswers() {
        assertThat(ImagePullBackOffRule.advice(
                        "ErrImagePull", "failed to authorize: failed to fetch anonymous token: 401 Unauthorized"))
                .startsWith("the registry refused the pull: check the pod's imagePullSecrets");
        assertThat(ImagePullBackOffRule.advice(
                        "ErrImagePull",
                        "pull access denied for shop/web, repository does not exist or may require 'docker login'"))
                .startsWith("the registry refused the pull");
        assertThat(ImagePullBackOffRule.advice("ErrImagePull", "failed to fetch oauth token: authentication required"))
                .startsWith("the registry refused the pull");
        assertThat(ImagePullBackOffRule.advice("ErrImagePull", "unexpected status from HEAD request: 403 Forbidden"))
                .startsWith("the registry refused the pull");
        assertThat(ImagePullBackOffRule.advice("ErrImagePull", "registry.example.com/web:1.4.3: not found"))
                .isEqualTo("the registry has no such image or tag: check the name and tag");
        assertThat(ImagePullBackOffRule.advice("ErrImagePull", "dial tcp 10.0.0.5:443: i/o timeout"))
                .startsWith("the node cannot reach the registry");
        assertThat(ImagePullBackOffRule.advice("ErrImagePull", "dial tcp 10.0.0.5:443: connect: connection refused"))
                .startsWith("the node cannot reach the registry");
        assertThat(ImagePullBackOffRule.advice("ErrImagePull", "tls: failed to verify certificate: x509: unknown"))
                .startsWith("the node cannot reach the registry");
        assertThat(ImagePullBackOffRule.advice("ErrImagePull", "manifest unknown: manifest unknown"))
                .isEqualTo("the registry has no such image or tag: check the name and tag");
        assertThat(ImagePullBackOffRule.advice(
                        "ErrImagePull", "dial tcp: lookup registry.invalid on 10.96.0.10:53: no such host"))
                .startsWith("the node cannot reach the registry");
        assertThat(ImagePullBackOffRule.advice("RegistryUnavailable", ""))
                .startsWith("the node cannot reach the registry");
        assertThat(ImagePullBackOffRule.advice("ImagePullBackOff", "Back-off pulling image \"web:1\""))
                .isEqualTo("check the image name and tag, the registry, and the pull secrets");
    }

    @Test
    @DisplayName("another container of the same pods that cannot get its image is named too")
    void secondContainer() {
        WorkloadGraph graph = graph().pods(pod("web-7d9f-a")
                        .with(
                                pulling("ImagePullBackOff"),
                                container("proxy").image("envoy:nope").state(waiting("ErrImagePull", null))))
                .build();

        assertThat(only(rule.findings(graph)).evidence())
                .containsExactly(
                        "1 of 1 pods: web-7d9f-a",
                        "image nginx:doesnotexist",
                        "kubelet: Back-off pulling image \"nginx:doesnotexist\"",
                        "also container proxy (1 pod): image envoy:nope (ErrImagePull)");
    }

    @Test
    @DisplayName("containers still being created, or waiting for other reasons, are not pull failures")
    void notPulling() {
        WorkloadGraph graph = graph().pods(
                        pod("web-7d9f-a").with(container("app").state(waiting("ContainerCreating", null))),
                        pod("web-7d9f-b").with(container("app").crashLooping()))
                .build();

        assertThat(rule.findings(graph)).isEmpty();
    }

    private Fixtures.Container pulling(String reason) {
        return container("app")
                .image("nginx:doesnotexist")
                .state(waiting(reason, "Back-off pulling image \"nginx:doesnotexist\""));
    }
}
