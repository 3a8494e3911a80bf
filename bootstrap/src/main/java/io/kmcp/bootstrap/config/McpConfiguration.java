package io.kmcp.bootstrap.config;

import io.kmcp.adapters.mcp.McpEndpoint;
import io.kmcp.adapters.mcp.McpEndpointSettings;
import io.kmcp.adapters.mcp.RequestStateSettings;
import io.kmcp.adapters.mcp.http.HealthServlet;
import io.kmcp.adapters.mcp.observability.ToolCallMetrics;
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
import io.kmcp.adapters.mcp.tool.Tools;
import io.kmcp.adapters.mcp.tool.WorkloadDiagnoseTool;
import io.kmcp.application.port.in.ApplyResources;
import io.kmcp.application.port.in.AwaitReadiness;
import io.kmcp.application.port.in.CompleteNames;
import io.kmcp.application.port.in.DescribeResourceTypes;
import io.kmcp.application.port.in.DiagnoseWorkload;
import io.kmcp.application.port.in.GetResource;
import io.kmcp.application.port.in.ListEvents;
import io.kmcp.application.port.in.ListResources;
import io.kmcp.application.port.in.ReadPodLogs;
import io.kmcp.application.port.in.ReviewAccess;
import io.kmcp.application.port.in.SummarizeCluster;
import io.kmcp.application.port.in.SummarizeNamespace;
import io.kmcp.domain.policy.AccessPolicy;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The inbound side: the MCP endpoint at /mcp and the unauthenticated /health. */
@Configuration(proxyBeanMethods = false)
class McpConfiguration {

    private static final Logger log = LoggerFactory.getLogger(McpConfiguration.class);

    @Bean
    Tools tools(
            ListResources list,
            GetResource get,
            DescribeResourceTypes types,
            ApplyResources apply,
            AwaitReadiness awaitReadiness,
            DiagnoseWorkload diagnose,
            SummarizeNamespace namespaceOverview,
            SummarizeCluster clusterOverview,
            ListEvents events,
            ReadPodLogs logs,
            ReviewAccess access,
            CompleteNames completeNames,
            AccessPolicy policy,
            KmcpProperties properties,
            ToolCallMetrics metrics) {
        Clock clock = Clock.systemUTC();
        Tools all = Tools.of(
                        policy,
                        List.of(
                                new ResourceListTool(list, clock, policy).declaration(),
                                new ResourceGetTool(get, policy).declaration(),
                                new ResourceTypesTool(types, policy).declaration(),
                                new WorkloadDiagnoseTool(diagnose).declaration(),
                                new NamespaceOverviewTool(namespaceOverview, clock).declaration(),
                                new ClusterOverviewTool(clusterOverview, clock).declaration(),
                                new EventsListTool(events, clock).declaration(),
                                new PodLogsTool(logs).declaration(),
                                new ResourceApplyTool(apply, awaitReadiness, policy, metrics).declaration(),
                                new AccessReviewTool(access).declaration()))
                .withPrompts(List.of(new InspectPrompt(completeNames, policy).declaration()));
        try {
            return all.selected(
                    Set.copyOf(properties.tools()), Set.copyOf(properties.disabledTools()), properties.readOnly());
        } catch (IllegalArgumentException unknown) {
            throw new InvalidConfigurationException("kmcp.tools / kmcp.disabled-tools: " + unknown.getMessage());
        }
    }

    @Bean
    McpEndpoint mcpEndpoint(Tools tools, KmcpProperties properties, ToolCallMetrics metrics) {
        McpEndpointSettings settings = McpEndpointSettings.defaults()
                .withRequestTimeout(properties.timeouts().elicitation())
                .withMaxRequestBytes(properties.limits().requestBytes())
                .withMaxSessionsPerCaller(properties.limits().sessionsPerCaller());
        return new McpEndpoint(tools, settings, requestState(properties.requestState()), Clock.systemUTC(), metrics);
    }

    /**
     * The keys of the sessionless lane's confirmations, read once at start-up; without any, a key of
     * this process alone, which the log says once.
     */
    static RequestStateSettings requestState(KmcpProperties.RequestState configured) {
        if (configured.ttl().isNegative() || configured.ttl().isZero()) {
            throw new InvalidConfigurationException(
                    "kmcp.request-state.ttl must be positive, e.g. 10m; got " + configured.ttl());
        }
        if (configured.keyFile().isEmpty()) {
            log.warn("No request-state key is configured (--request-state-key-file): confirmations of the 2026-07-28"
                    + " protocol work only on the replica that asked. Give every replica the same key file to run"
                    + " more than one.");
            return RequestStateSettings.ofThisProcess(configured.ttl());
        }
        List<byte[]> keys = new ArrayList<>();
        for (Path file : configured.keyFile()) {
            byte[] key;
            try {
                key = Files.readAllBytes(file);
            } catch (IOException | RuntimeException unreadable) {
                throw new InvalidConfigurationException(
                        "cannot read the request-state key file " + file + ": " + unreadable.getMessage());
            }
            key = stripTrailingNewline(key);
            if (key.length < RequestStateSettings.MIN_KEY_BYTES) {
                throw new InvalidConfigurationException("the request-state key file " + file + " holds " + key.length
                        + " bytes; at least " + RequestStateSettings.MIN_KEY_BYTES
                        + " are needed (e.g. head -c 32 /dev/urandom | base64 > " + file + ")");
            }
            keys.add(key);
        }
        return RequestStateSettings.shared(keys, configured.ttl());
    }

    /** A key written with echo or a Secret's editor ends with a newline that is not part of it. */
    private static byte[] stripTrailingNewline(byte[] key) {
        int end = key.length;
        while (end > 0 && (key[end - 1] == '\n' || key[end - 1] == '\r')) {
            end--;
        }
        return Arrays.copyOf(key, end);
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
                new ServletRegistrationBean<>(new HealthServlet(Clock.systemUTC()), HealthServlet.PATH);
        registration.setName("health");
        return registration;
    }
}
