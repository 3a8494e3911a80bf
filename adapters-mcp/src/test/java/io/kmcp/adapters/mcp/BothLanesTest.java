package io.kmcp.adapters.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.adapters.mcp.support.Diagnoses;
import io.kmcp.adapters.mcp.support.FakeKubernetes;
import io.kmcp.adapters.mcp.support.Lane;
import io.kmcp.adapters.mcp.support.McpTestApplication;
import io.kmcp.adapters.mcp.support.TestTokens;
import io.kmcp.adapters.mcp.support.Types;
import io.kmcp.application.Problem;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.AccessReport;
import io.kmcp.application.port.in.AccessReviewQuery;
import io.kmcp.application.port.in.ListResourcesQuery;
import io.kmcp.application.port.in.ResourceDetail;
import io.kmcp.application.port.in.ResourceList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The same tool scenarios through both protocol lanes: the same use case is called as the same
 * caller, and the answer, its structured content, its errors and its budget are the same.
 */
@SpringBootTest(classes = McpTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayName("Both protocol lanes")
class BothLanesTest {

    private static final String SUBJECT = "system:serviceaccount:team-a:agent";

    @LocalServerPort
    int port;

    @Autowired
    FakeKubernetes kubernetes;

    private String token;

    @BeforeEach
    void reset() {
        kubernetes.reset();
        token = TestTokens.valid(SUBJECT);
    }

    @ParameterizedTest
    @EnumSource(Lane.class)
    @DisplayName("resource_list calls the use case with the caller and the arguments, and answers the page")
    void list(Lane lane) {
        kubernetes.onList((caller, query) -> new ResourceList(
                Types.PODS, Optional.empty(), List.of(pod("web-1")), Optional.of("next"), Optional.of(4L)));

        Lane.Answer answer =
                lane.call(port, token, "resource_list", Map.of("resource", "po", "labelSelector", "app=web"));

        assertThat(answer.isError()).isFalse();
        assertThat(answer.text())
                .startsWith("pods.v1 in all namespaces: 1 object on this page")
                .contains("continue=\"next\"");
        assertThat(answer.structured()).containsEntry("continue", "next").containsEntry("remainingItemCount", 4);
        assertThat(kubernetes.calls()).singleElement().satisfies(call -> {
            assertThat(call.caller().subject()).isEqualTo(SUBJECT);
            assertThat(call.caller().cluster()).isEqualTo(McpTestApplication.CLUSTER);
            assertThat(call.caller().token().reveal()).isEqualTo(token);
            assertThat(call.query())
                    .isEqualTo(new ListResourcesQuery(
                            "po",
                            Optional.empty(),
                            Optional.of("app=web"),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty()));
        });
    }

    @ParameterizedTest
    @EnumSource(Lane.class)
    @DisplayName("A restricted kind is refused with the policy's words and the RESTRICTED reason code")
    void restricted(Lane lane) {
        kubernetes.onGet((caller, query) -> {
            throw new RequestFailedException(
                    Problem.Reason.RESTRICTED, "secrets are restricted by this server's policy");
        });

        Lane.Answer answer =
                lane.call(port, token, "resource_get", Map.of("resource", "secrets", "name", "db", "namespace", "a"));

        assertThat(answer.isError()).isTrue();
        assertThat(answer.text()).isEqualTo("secrets are restricted by this server's policy");
        assertThat(answer.meta()).isEqualTo(Map.of("io.kmcp/reason", "RESTRICTED"));
    }

    @ParameterizedTest
    @EnumSource(Lane.class)
    @DisplayName("Unknown, mistyped, missing and oversize arguments are refused in the same words, and nothing runs")
    void badArguments(Lane lane) {
        assertThat(lane.call(port, token, "resource_list", Map.of("resource", "pods", "namespaces", "a"))
                        .text())
                .isEqualTo("Unknown argument 'namespaces'; resource_list accepts resource, namespace, labelSelector,"
                        + " fieldSelector, limit, continue, summary, maxChars.");
        assertThat(lane.call(port, token, "resource_list", Map.of("resource", "pods", "limit", "ten"))
                        .text())
                .isEqualTo("The argument 'limit' must be an integer, but a string was given.");
        assertThat(lane.call(port, token, "resource_get", Map.of("resource", "pods"))
                        .text())
                .isEqualTo("The argument 'name' is required and cannot be empty.");
        assertThat(lane.call(port, token, "pod_logs", Map.of("name", "p", "namespace", "x".repeat(64)))
                        .text())
                .isEqualTo("The argument 'namespace' is too long (64 characters); at most 63 are accepted.");
        assertThat(kubernetes.calls()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Lane.class)
    @DisplayName("maxChars bounds the text answer the same way, and structuredContent stays whole")
    void budget(Lane lane) {
        Map<String, Object> big = new LinkedHashMap<>(pod("big"));
        big.put("data", Map.of("blob", "x".repeat(5_000)));
        kubernetes.onGet((caller, query) -> new ResourceDetail(Types.PODS, big));

        Lane.Answer answer = lane.call(
                port,
                token,
                "resource_get",
                Map.of("resource", "pods", "name", "big", "namespace", "a", "maxChars", 600));

        assertThat(answer.text()).hasSizeLessThanOrEqualTo(600).contains("maxChars=");
        assertThat(answer.structured()).containsEntry("object", big);
    }

    @ParameterizedTest
    @EnumSource(Lane.class)
    @DisplayName("access_review calls the use case with the caller and the arguments, and answers the check")
    void accessReview(Lane lane) {
        kubernetes.onAccessReview((caller, query) -> new AccessReport(
                caller.subject(),
                List.of("system:authenticated"),
                query.namespace(),
                List.of(),
                false,
                Optional.of(new AccessReport.Check(
                        "delete", "pods", Optional.of(true), "RBAC: allowed", Optional.of("k-mcp never deletes")))));

        Lane.Answer answer = lane.call(
                port, token, "access_review", Map.of("namespace", "team-a", "verb", "DELETE", "resource", "po"));

        assertThat(answer.isError()).isFalse();
        assertThat(answer.text())
                .isEqualTo("You are " + SUBJECT + " (groups: system:authenticated).\n"
                        + "No: delete pods in namespace team-a is never done by k-mcp: k-mcp never deletes."
                        + " RBAC allows it (RBAC: allowed).");
        assertThat(answer.structured()).containsEntry("username", SUBJECT).containsKey("check");
        assertThat(kubernetes.calls()).singleElement().satisfies(call -> {
            assertThat(call.caller().subject()).isEqualTo(SUBJECT);
            assertThat(call.query())
                    .isEqualTo(new AccessReviewQuery(Optional.of("team-a"), Optional.of("delete"), Optional.of("po")));
        });
    }

    @ParameterizedTest
    @EnumSource(Lane.class)
    @DisplayName("workload_diagnose answers the same findings")
    void diagnosis(Lane lane) {
        kubernetes.onDiagnose((caller, query) -> Diagnoses.crashLooping());

        Lane.Answer answer = lane.call(port, token, "workload_diagnose", Map.of("name", "web", "namespace", "shop"));

        assertThat(answer.isError()).isFalse();
        assertThat(answer.text()).startsWith("Deployment shop/web").contains("CrashLoopBackOff");
        assertThat(answer.structured()).containsEntry("healthy", false);
    }

    @ParameterizedTest
    @EnumSource(Lane.class)
    @DisplayName("An unexpected failure is an error result with a log reference, never the failure's details")
    void unexpected(Lane lane) {
        kubernetes.onTypes((caller, query) -> {
            throw new IllegalStateException("connection pool exhausted at 10.0.0.7");
        });

        Lane.Answer answer = lane.call(port, token, "resource_types", Map.of());

        assertThat(answer.isError()).isTrue();
        assertThat(answer.text())
                .matches("internal error; the server log has details \\(reference [0-9a-f]{12}\\)")
                .doesNotContain("10.0.0.7");
    }

    private static Map<String, Object> pod(String name) {
        Map<String, Object> pod = new LinkedHashMap<>();
        pod.put("apiVersion", "v1");
        pod.put("kind", "Pod");
        pod.put("metadata", Map.of("name", name, "namespace", "a", "creationTimestamp", "2026-05-30T11:00:00Z"));
        return pod;
    }
}
