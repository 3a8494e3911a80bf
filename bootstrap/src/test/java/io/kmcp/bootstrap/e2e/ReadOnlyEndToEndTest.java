package io.kmcp.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.adapters.kubernetes.testbed.TestBedAccess.ServiceAccountRef;
import io.kmcp.bootstrap.KmcpApplication;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.client.McpClient;
import io.modelcontextprotocol.modern.client.transport.HttpClientMcpTransport;
import io.modelcontextprotocol.modern.client.transport.McpHttpRequestCustomizer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code --read-only}: no tool that changes a cluster, in either protocol lane. */
@SpringBootTest(
        classes = KmcpApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kmcp.read-only=true")
@DisplayName("A read-only server")
class ReadOnlyEndToEndTest {

    private static ServiceAccountRef reader;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void cluster(DynamicPropertyRegistry registry) {
        ClusterUnderTest.configure(registry);
    }

    @BeforeAll
    static void setUp() {
        reader = ClusterUnderTest.access().serviceAccount("default", "e2e-read-only");
    }

    @Test
    @DisplayName("offers no resource_apply in the 2025-11-25 lane nor in the 2026-07-28 lane")
    void noApplyInEitherLane() {
        String token = ClusterUnderTest.tokenFor(reader);
        try (McpOverHttp stateful = new McpOverHttp(port, token)) {
            assertThat(stateful.toolNames()).contains("resource_list").doesNotContain("resource_apply");
        }
        List<String> sessionless = McpClient.sync(HttpClientMcpTransport.builder("http://localhost:" + port + "/mcp")
                        .requestCustomizer(McpHttpRequestCustomizer.fromSync(
                                (request, headers, context) -> headers.set("Authorization", "Bearer " + token)))
                        .build())
                .build()
                .tools()
                .list()
                .tools()
                .stream()
                .map(McpSchema.Tool::name)
                .toList();
        assertThat(sessionless).contains("resource_list").doesNotContain("resource_apply");
    }
}
