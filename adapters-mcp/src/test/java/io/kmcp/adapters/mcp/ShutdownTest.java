package io.kmcp.adapters.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.adapters.mcp.support.McpTestApplication;
import io.kmcp.adapters.mcp.support.RawHttp;
import io.kmcp.adapters.mcp.support.TestTokens;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.SmartLifecycle;
import org.springframework.test.annotation.DirtiesContext;

@SpringBootTest(classes = McpTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ShutdownTest {

    @LocalServerPort
    int port;

    @Autowired
    McpEndpoint endpoint;

    @Test
    @DisplayName("Stopping the endpoint ends its sessions before the web server's graceful shutdown waits for them")
    void stopEndsSessions() {
        RawHttp http = new RawHttp(port);
        String token = TestTokens.valid("system:serviceaccount:team-a:agent");
        String session = http.initializeSession(token);

        assertThat(endpoint.isRunning()).isTrue();
        assertThat(endpoint.getPhase()).isEqualTo(SmartLifecycle.DEFAULT_PHASE);
        endpoint.stop();

        HttpResponse<String> after = http.post("/mcp", RawHttp.LIST_TOOLS, RawHttp.session(token, session));
        assertThat(endpoint.isRunning()).isFalse();
        assertThat(after.statusCode()).isEqualTo(503);
    }
}
