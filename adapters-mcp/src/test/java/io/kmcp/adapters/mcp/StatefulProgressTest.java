package io.kmcp.adapters.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.adapters.mcp.support.Diagnoses;
import io.kmcp.adapters.mcp.support.FakeKubernetes;
import io.kmcp.adapters.mcp.support.McpTestApplication;
import io.kmcp.adapters.mcp.support.TestTokens;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Progress in the 2025-11-25 lane: notifications on the session's stream for a call with a progress token. */
@SpringBootTest(classes = McpTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatefulProgressTest {

    @LocalServerPort
    int port;

    @Autowired
    FakeKubernetes kubernetes;

    @Test
    @DisplayName("workload_diagnose with a progress token sends each step of its progress once; without, none")
    void progress() {
        kubernetes.reset();
        kubernetes.onDiagnose((caller, query) -> Diagnoses.healthy());
        List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
        String token = TestTokens.valid("system:serviceaccount:team-a:agent");
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://localhost:" + port)
                        .endpoint("/mcp")
                        .httpRequestCustomizer((request, method, uri, body, context) ->
                                request.header("Authorization", "Bearer " + token))
                        .build())
                .requestTimeout(Duration.ofSeconds(30))
                .progressConsumer(progress::add)
                .build();
        try {
            client.initialize();
            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(
                    "workload_diagnose", Map.of("name", "web", "namespace", "shop"), Map.of("progressToken", "p-1")));
            client.callTool(
                    new McpSchema.CallToolRequest("workload_diagnose", Map.of("name", "web", "namespace", "shop")));

            assertThat(result.isError()).isFalse();
            // The order in which the SDK's client hands notifications to the consumer is not the order
            // they were sent in (2.0 has been seen before 1.0): each step must arrive, once.
            assertThat(progress)
                    .extracting(McpSchema.ProgressNotification::progressToken, McpSchema.ProgressNotification::progress)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("p-1", 1.0),
                            org.assertj.core.groups.Tuple.tuple("p-1", 2.0));
        } finally {
            client.closeGracefully();
        }
    }
}
