package io.kmcp.adapters.mcp.tool;

import static io.kmcp.adapters.mcp.support.McpTestApplication.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.adapters.mcp.support.FakeKubernetes;
import io.kmcp.application.BearerToken;
import io.kmcp.application.Caller;
import io.kmcp.application.port.in.Completion;
import io.kmcp.application.port.in.CompletionQuery;
import io.kmcp.application.port.in.CompletionQuery.Target;
import io.kmcp.domain.policy.AccessPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The inspect prompt")
class InspectPromptTest {

    private static final Caller CALLER = new Caller(
            CLUSTER,
            "system:serviceaccount:team:agent",
            new BearerToken("a.b.c", Instant.now().plusSeconds(600)));

    private final FakeKubernetes kubernetes = new FakeKubernetes();
    private final PromptDeclaration prompt =
            new InspectPrompt(kubernetes, AccessPolicy.withExtraRestrictions(List.of("configmaps"))).declaration();

    @BeforeEach
    void answerEveryCompletion() {
        kubernetes.onComplete((caller, query) -> new Completion(List.of("x"), 1, false));
    }

    @Test
    @DisplayName("each argument completes its own kind of value; a name takes the type and namespace typed")
    void argumentsMapToTargets() {
        prompt.complete(Optional.of(CALLER), "namespace", "sh", Map.of());
        prompt.complete(Optional.of(CALLER), "type", "dep", Map.of("namespace", "shop"));
        prompt.complete(Optional.of(CALLER), "name", "we", Map.of("type", "pods", "namespace", "shop", "x", "y"));

        assertThat(kubernetes.calls())
                .extracting(FakeKubernetes.Call::query)
                .containsExactly(
                        CompletionQuery.of(Target.NAMESPACE, "sh"),
                        CompletionQuery.of(Target.TYPE, "dep"),
                        new CompletionQuery(Target.NAME, "we", Optional.of("pods"), Optional.of("shop")));
        assertThat(kubernetes.calls())
                .allSatisfy(call -> assertThat(call.caller()).isEqualTo(CALLER));
    }

    @Test
    @DisplayName("a request without a caller is offered nothing and reads nothing")
    void noCaller() {
        assertThat(prompt.complete(Optional.empty(), "type", "", Map.of())).isEqualTo(Completion.none());
        assertThat(kubernetes.calls()).isEmpty();
    }

    @Test
    @DisplayName("an unknown argument or a value too long is refused before anything is read")
    void refusals() {
        assertThatThrownBy(() -> prompt.complete(Optional.of(CALLER), "kind", "", Map.of()))
                .isInstanceOf(PromptRefused.class)
                .hasMessage("The prompt inspect has no argument `kind`; its arguments are namespace, type, name.");
        assertThatThrownBy(() -> prompt.complete(Optional.of(CALLER), "name", "w".repeat(254), Map.of()))
                .isInstanceOf(PromptRefused.class)
                .hasMessage("`name` is 254 characters long; at most 253 are accepted.");
        assertThat(kubernetes.calls()).isEmpty();
    }

    @Test
    @DisplayName("a cluster-scoped object is named without a namespace")
    void clusterScoped() {
        String text = prompt.render(Map.of("type", "nodes", "name", "node-1", "namespace", ""));

        assertThat(text)
                .startsWith("Find out the state of the nodes node-1 on the Kubernetes cluster")
                .contains("call resource_get with resource \"nodes\", name \"node-1\", then events_list")
                .doesNotContain("namespace");
    }

    @Test
    @DisplayName("a type the operator restricted, or one that does not parse, is refused with the policy's words")
    void restrictedOrInvalidType() {
        assertThatThrownBy(() -> prompt.render(Map.of("type", "configmaps", "name", "settings")))
                .isInstanceOf(PromptRefused.class)
                .hasMessageContaining("is restricted by this server's policy");
        assertThatThrownBy(() -> prompt.render(Map.of("type", "roles.rbac.authorization.k8s.io", "name", "admin")))
                .isInstanceOf(PromptRefused.class)
                .hasMessageContaining("is restricted by this server's policy");
        assertThatThrownBy(() -> prompt.render(Map.of("type", "no such/type!", "name", "x")))
                .isInstanceOf(PromptRefused.class)
                .hasMessageStartingWith("`type`: ");
    }
}
