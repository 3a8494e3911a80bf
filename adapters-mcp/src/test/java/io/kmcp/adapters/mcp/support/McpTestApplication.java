package io.kmcp.adapters.mcp.support;

import io.kmcp.adapters.mcp.McpEndpoint;
import io.kmcp.adapters.mcp.McpEndpointSettings;
import io.kmcp.adapters.mcp.McpHttpSecurity;
import io.kmcp.adapters.mcp.McpSecuritySettings;
import io.kmcp.adapters.mcp.RequestStateSettings;
import io.kmcp.adapters.mcp.http.HealthServlet;
import io.kmcp.adapters.mcp.observability.SessionMetrics;
import io.kmcp.adapters.mcp.observability.TokenRejectionMetrics;
import io.kmcp.adapters.mcp.observability.ToolCallMetrics;
import io.kmcp.adapters.mcp.security.ClusterSelector;
import io.kmcp.adapters.mcp.tool.AccessReviewTool;
import io.kmcp.adapters.mcp.tool.ClusterOverviewTool;
import io.kmcp.adapters.mcp.tool.EventsListTool;
import io.kmcp.adapters.mcp.tool.InspectPrompt;
import io.kmcp.adapters.mcp.tool.NamespaceOverviewTool;
import io.kmcp.adapters.mcp.tool.PodLogsTool;
import io.kmcp.adapters.mcp.tool.ResourceApplyTool;
import io.kmcp.adapters.mcp.tool.ResourceGetTool;
import io.kmcp.adapters.mcp.tool.ResourceListTool;
import io.kmcp.adapters.mcp.tool.ResourceTypesTool;
import io.kmcp.adapters.mcp.tool.ToolCallObserver;
import io.kmcp.adapters.mcp.tool.Tools;
import io.kmcp.adapters.mcp.tool.WorkloadDiagnoseTool;
import io.kmcp.domain.policy.AccessPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.http.HttpServlet;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The adapter wired the way the bootstrap module wires it, around in-memory use cases: the MCP
 * servlet at /mcp, the health servlet, and the security chain from {@link McpHttpSecurity}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@PropertySource("classpath:mcp-test-application.properties")
public class McpTestApplication {

    public static final String CLUSTER = "test-cluster";
    public static final String ALLOWED_ORIGIN = "http://allowed.example";
    public static final int MAX_REQUEST_BYTES = 64 * 1024;
    public static final String PROMETHEUS = "/actuator/prometheus";

    @Bean
    FakeKubernetes fakeKubernetes() {
        return new FakeKubernetes();
    }

    @Bean
    ToolCallMetrics toolCallMetrics(MeterRegistry registry) {
        return new ToolCallMetrics(registry, Tracer.NOOP);
    }

    @Bean
    TokenRejectionMetrics tokenRejectionMetrics(MeterRegistry registry) {
        return new TokenRejectionMetrics(registry);
    }

    @Bean
    McpEndpoint mcpEndpoint(FakeKubernetes kubernetes, ToolCallMetrics metrics) {
        McpEndpointSettings settings = McpEndpointSettings.defaults()
                .withRequestTimeout(Duration.ofSeconds(20))
                // The transport sends a listening stream's headers with its first event: ping soon.
                .withKeepAliveInterval(Duration.ofSeconds(1))
                .withMaxRequestBytes(MAX_REQUEST_BYTES);
        return new McpEndpoint(tools(kubernetes, metrics), settings, REQUEST_STATE, Clock.systemUTC(), metrics);
    }

    /** The key every replica of the tests shares; a test may sign with another to forge a state. */
    public static final byte[] REQUEST_STATE_KEY =
            "k-mcp test request-state key, 32+ bytes".getBytes(StandardCharsets.US_ASCII);

    public static final RequestStateSettings REQUEST_STATE =
            RequestStateSettings.shared(List.of(REQUEST_STATE_KEY), RequestStateSettings.DEFAULT_TTL);

    /** Every tool and prompt over the fake, as the bootstrap module declares them over the real use cases. */
    static Tools tools(FakeKubernetes kubernetes, ToolCallObserver observer) {
        return Tools.of(
                        new ResourceListTool(kubernetes, TestClock.CLOCK).declaration(),
                        new ResourceGetTool(kubernetes).declaration(),
                        new ResourceTypesTool(kubernetes).declaration(),
                        new WorkloadDiagnoseTool(kubernetes).declaration(),
                        new NamespaceOverviewTool(kubernetes, TestClock.CLOCK).declaration(),
                        new ClusterOverviewTool(kubernetes, TestClock.CLOCK).declaration(),
                        new EventsListTool(kubernetes, TestClock.CLOCK).declaration(),
                        new PodLogsTool(kubernetes).declaration(),
                        new ResourceApplyTool(kubernetes, kubernetes, AccessPolicy.builtIn(), observer).declaration(),
                        new AccessReviewTool(kubernetes).declaration())
                .withPrompts(List.of(new InspectPrompt(kubernetes, AccessPolicy.builtIn()).declaration()));
    }

    @Bean
    ServletRegistrationBean<HttpServlet> mcpServlet(McpEndpoint endpoint) {
        ServletRegistrationBean<HttpServlet> registration =
                new ServletRegistrationBean<>(endpoint.servlet(), endpoint.path());
        registration.setAsyncSupported(true);
        registration.setName("mcp");
        return registration;
    }

    @Bean
    ServletRegistrationBean<HttpServlet> healthServlet() {
        ServletRegistrationBean<HttpServlet> registration =
                new ServletRegistrationBean<>(new HealthServlet(TestClock.CLOCK), HealthServlet.PATH);
        registration.setName("health");
        return registration;
    }

    /** Verifies the signature only: every claim check under test is k-mcp's own. */
    @Bean
    JwtDecoder jwtDecoder() {
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withPublicKey(TestTokens.trustedPublicKey()).build();
        decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        return decoder;
    }

    @Bean
    McpHttpSecurity mcpHttpSecurity(McpEndpoint endpoint, JwtDecoder decoder, TokenRejectionMetrics rejections) {
        McpSecuritySettings settings = McpSecuritySettings.defaults()
                .withAllowedOrigins(List.of(ALLOWED_ORIGIN))
                .withAuthorizationServers(List.of(TestTokens.ISSUER));
        return new McpHttpSecurity(
                endpoint,
                decoder,
                ClusterSelector.single(CLUSTER),
                settings,
                TestClock.CLOCK,
                caller -> {},
                rejections);
    }

    @Bean
    SessionMetrics sessionMetrics(McpHttpSecurity security) {
        return new SessionMetrics(security.sessionOwners());
    }

    /** As the executable: the Prometheus scrape is open, every other actuator endpoint closed. */
    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, McpHttpSecurity mcp) throws Exception {
        mcp.applyTo(http);
        http.authorizeHttpRequests(requests ->
                requests.requestMatchers(PROMETHEUS).permitAll().anyRequest().denyAll());
        return http.build();
    }
}
