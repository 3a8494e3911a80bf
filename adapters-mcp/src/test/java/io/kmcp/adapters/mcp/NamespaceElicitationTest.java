package io.kmcp.adapters.mcp;

import static io.kmcp.adapters.mcp.support.McpClients.call;
import static io.kmcp.adapters.mcp.support.McpClients.structured;
import static io.kmcp.adapters.mcp.support.McpClients.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.adapters.mcp.support.FakeKubernetes;
import io.kmcp.adapters.mcp.support.McpClients;
import io.kmcp.adapters.mcp.support.McpTestApplication;
import io.kmcp.adapters.mcp.support.TestTokens;
import io.kmcp.adapters.mcp.support.Types;
import io.kmcp.application.Problem;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.GetResourceQuery;
import io.kmcp.application.port.in.ResourceDetail;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ElicitFormRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(classes = McpTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NamespaceElicitationTest {

    private static final String MISSING = "pods are namespaced; name the namespace of 'web-1'.";
    private static final Map<String, Object> POD = Map.of("kind", "Pod", "metadata", Map.of("name", "web-1"));

    @LocalServerPort
    int port;

    @Autowired
    FakeKubernetes kubernetes;

    private final List<ElicitFormRequest> questions = new CopyOnWriteArrayList<>();

    @BeforeEach
    void podNeedsANamespace() {
        kubernetes.reset();
        questions.clear();
        kubernetes.onGet((caller, query) -> {
            if (query.namespace().isEmpty()) {
                throw new RequestFailedException(Problem.Reason.NAMESPACE_REQUIRED, MISSING);
            }
            return new ResourceDetail(Types.PODS, POD);
        });
    }

    @Test
    @DisplayName("Without a namespace, the user is asked for one and the read is retried once with the answer")
    void acceptedAnswerIsUsed() {
        CallToolResult result = getWithoutNamespace(
                answering(new ElicitResult(ElicitResult.Action.ACCEPT, Map.of("namespace", "team-a"))));

        assertThat(result.isError()).isFalse();
        assertThat(text(result)).contains("name: web-1");
        assertThat(structured(result)).containsEntry("object", POD);
        assertThat(questions).singleElement().satisfies(question -> {
            assertThat(question.message()).contains(MISSING).contains("Which namespace is 'web-1' in?");
            assertThat(question.requestedSchema()).containsEntry("required", List.of("namespace"));
        });
        assertThat(kubernetes.calls())
                .extracting(FakeKubernetes.Call::query)
                .containsExactly(
                        new GetResourceQuery("pod", "web-1", Optional.empty()),
                        new GetResourceQuery("pod", "web-1", Optional.of("team-a")));
    }

    @Test
    @DisplayName("When the user declines, the answer is an isError result saying so, and nothing is read again")
    void declinedAnswerIsReported() {
        CallToolResult result = getWithoutNamespace(answering(new ElicitResult(ElicitResult.Action.DECLINE, null)));

        assertThat(result.isError()).isTrue();
        assertThat(text(result))
                .contains("The user declined to name a namespace, so nothing was read")
                .contains("'namespace' argument");
        assertThat(kubernetes.calls()).hasSize(1);
    }

    @Test
    @DisplayName("When the user cancels, the answer is an isError result saying so")
    void cancelledAnswerIsReported() {
        CallToolResult result = getWithoutNamespace(answering(new ElicitResult(ElicitResult.Action.CANCEL, null)));

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).contains("cancelled the question about the namespace");
        assertThat(kubernetes.calls()).hasSize(1);
    }

    @Test
    @DisplayName("A client without elicitation gets an isError result naming the missing 'namespace' argument")
    void clientWithoutElicitationIsToldTheArgument() {
        CallToolResult result = getWithoutNamespace(null);

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).startsWith("The argument 'namespace' is required here: " + MISSING);
        assertThat(result.meta()).containsEntry("io.kmcp/reason", "NAMESPACE_REQUIRED");
        assertThat(kubernetes.calls()).hasSize(1);
    }

    private Function<ElicitFormRequest, ElicitResult> answering(ElicitResult answer) {
        return question -> {
            questions.add(question);
            return answer;
        };
    }

    private CallToolResult getWithoutNamespace(Function<ElicitFormRequest, ElicitResult> elicitation) {
        McpSyncClient client =
                McpClients.connect(port, TestTokens.valid("system:serviceaccount:team-a:agent"), elicitation);
        try {
            return call(client, "resource_get", Map.of("resource", "pod", "name", "web-1"));
        } finally {
            client.closeGracefully();
        }
    }
}
