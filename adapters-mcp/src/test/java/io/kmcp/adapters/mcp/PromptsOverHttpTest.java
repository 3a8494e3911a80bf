package io.kmcp.adapters.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.adapters.mcp.support.FakeKubernetes;
import io.kmcp.adapters.mcp.support.Lane;
import io.kmcp.adapters.mcp.support.McpClients;
import io.kmcp.adapters.mcp.support.McpTestApplication;
import io.kmcp.adapters.mcp.support.TestTokens;
import io.kmcp.application.port.in.Completion;
import io.kmcp.application.port.in.CompletionQuery;
import io.kmcp.application.port.in.CompletionQuery.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The {@code inspect} prompt and the completion of its arguments through the SDK's clients of both
 * protocol revisions: the completion runs the use case as the caller, and what a client sends wrong is
 * refused with words that say what to send.
 */
@SpringBootTest(classes = McpTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayName("Prompts and completions over HTTP")
class PromptsOverHttpTest {

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

    @Test
    @DisplayName("the 2025-11-25 lane declares prompts and completions, with the tools")
    void declaresTheCapabilities() {
        var client = McpClients.connect(port, token);
        try {
            var capabilities = client.getServerCapabilities();
            assertThat(capabilities.tools()).isNotNull();
            assertThat(capabilities.prompts()).isNotNull();
            assertThat(capabilities.completions()).isNotNull();
        } finally {
            client.closeGracefully();
        }
    }

    @ParameterizedTest
    @EnumSource(Lane.class)
    @DisplayName("a type completes through the use case, as the caller, with the values, total and hasMore")
    void completesTypes(Lane lane) {
        kubernetes.onComplete((caller, query) -> new Completion(List.of("deployments.apps"), 140, true));

        Lane.Completed completed = lane.complete(port, token, "inspect", "type", "dep", Map.of());

        assertThat(completed).isEqualTo(new Lane.Completed(List.of("deployments.apps"), 140, true));
        assertThat(kubernetes.calls()).singleElement().satisfies(call -> {
            assertThat(call.caller().subject()).isEqualTo(SUBJECT);
            assertThat(call.caller().token().reveal()).isEqualTo(token);
            assertThat(call.query()).isEqualTo(CompletionQuery.of(Target.TYPE, "dep"));
        });
    }

    @ParameterizedTest
    @EnumSource(Lane.class)
    @DisplayName("a name completes within the type and namespace already typed")
    void completesNamesInContext(Lane lane) {
        kubernetes.onComplete((caller, query) -> new Completion(List.of("web-1", "web-2"), 2, false));

        Lane.Completed completed = lane.complete(
                port, token, "inspect", "name", "web", Map.of("type", "pods", "namespace", "shop", "other", "x"));

        assertThat(completed.values()).containsExactly("web-1", "web-2");
        assertThat(completed.hasMore()).isFalse();
        assertThat(kubernetes.calls())
                .singleElement()
                .satisfies(call -> assertThat(call.query())
                        .isEqualTo(new CompletionQuery(Target.NAME, "web", Optional.of("pods"), Optional.of("shop"))));
    }

    @ParameterizedTest
    @EnumSource(Lane.class)
    @DisplayName("an unknown prompt is a protocol error, and nothing is read")
    void unknownPrompt(Lane lane) {
        assertThatThrownBy(() -> lane.complete(port, token, "delete-everything", "type", "", Map.of()))
                .hasMessageContaining("delete-everything");
        assertThat(kubernetes.calls()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Lane.class)
    @DisplayName("an argument the prompt does not have offers nothing (2025-11-25) or is refused (2026-07-28)")
    void unknownArgument(Lane lane) {
        if (lane == Lane.STATEFUL) {
            // The 2025-11-25 SDK answers an empty completion itself, before k-mcp sees the request.
            assertThat(lane.complete(port, token, "inspect", "container", "a", Map.of())
                            .values())
                    .isEmpty();
        } else {
            assertThatThrownBy(() -> lane.complete(port, token, "inspect", "container", "a", Map.of()))
                    .hasMessageContaining("container");
        }
        assertThat(kubernetes.calls()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Lane.class)
    @DisplayName("a value longer than the argument takes is refused in words, and nothing is read")
    void valueTooLong(Lane lane) {
        assertThatThrownBy(() -> lane.complete(port, token, "inspect", "namespace", "n".repeat(64), Map.of()))
                .hasMessageContaining("`namespace` is 64 characters long; at most 63 are accepted");
        assertThat(kubernetes.calls()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Lane.class)
    @DisplayName("the prompt is listed, and its text names the calls with the arguments given")
    void rendersThePrompt(Lane lane) {
        Lane.Prompted prompted = lane.prompt(
                port, token, "inspect", Map.of("namespace", "shop", "type", "deployments.apps", "name", "web"));

        assertThat(prompted.listed()).containsExactly("inspect");
        assertThat(prompted.text())
                .contains("the deployments.apps web in namespace shop")
                .contains("call workload_diagnose with resource \"deployments.apps\", name \"web\", namespace \"shop\"")
                .contains("call resource_get with resource \"deployments.apps\"")
                .contains("events_list with involvedObject \"web\", namespace \"shop\"");
        assertThat(kubernetes.calls()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Lane.class)
    @DisplayName("the prompt refuses a missing name and a restricted type, saying what to send")
    void refusesBadArguments(Lane lane) {
        // The 2026-07-28 SDK checks required arguments itself, before the prompt, in its own words.
        assertThatThrownBy(() -> lane.prompt(port, token, "inspect", Map.of("type", "pods")))
                .hasMessageMatching("(?s).*(The prompt inspect needs `name`|Missing required argument: name).*");
        assertThatThrownBy(() -> lane.prompt(port, token, "inspect", Map.of("type", "pods", "name", " ")))
                .hasMessageContaining("The prompt inspect needs `name`");
        assertThatThrownBy(() -> lane.prompt(port, token, "inspect", Map.of("type", "secrets", "name", "db")))
                .hasMessageContaining("secrets is restricted by this server's policy");
        assertThatThrownBy(() ->
                        lane.prompt(port, token, "inspect", Map.of("type", "pods", "name", "web", "container", "app")))
                .hasMessageContaining(
                        "The prompt inspect has no argument `container`; its arguments are namespace," + " type, name");
    }
}
