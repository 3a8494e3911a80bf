package io.kmcp.bootstrap.config;

import io.kmcp.adapters.mcp.McpEndpoint;
import io.kmcp.adapters.mcp.McpEndpointSettings;
import io.kmcp.adapters.mcp.http.HealthServlet;
import io.kmcp.adapters.mcp.tool.ClusterOverviewTool;
import io.kmcp.adapters.mcp.tool.EventsListTool;
import io.kmcp.adapters.mcp.tool.NamespaceOverviewTool;
import io.kmcp.adapters.mcp.tool.PodLogsTool;
import io.kmcp.adapters.mcp.tool.ResourceApplyTool;
import io.kmcp.adapters.mcp.tool.ResourceGetTool;
import io.kmcp.adapters.mcp.tool.ResourceListTool;
import io.kmcp.adapters.mcp.tool.ResourceTypesTool;
import io.kmcp.adapters.mcp.tool.Tools;
import io.kmcp.adapters.mcp.tool.WorkloadDiagnoseTool;
import io.kmcp.application.port.in.ApplyResources;
import io.kmcp.application.port.in.DescribeResourceTypes;
import io.kmcp.application.port.in.DiagnoseWorkload;
import io.kmcp.application.port.in.GetResource;
import io.kmcp.application.port.in.ListEvents;
import io.kmcp.application.port.in.ListResources;
import io.kmcp.application.port.in.ReadPodLogs;
import io.kmcp.application.port.in.SummarizeCluster;
import io.kmcp.application.port.in.SummarizeNamespace;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The inbound side: the MCP endpoint at /mcp and the unauthenticated /health. */
@Configuration(proxyBeanMethods = false)
class McpConfiguration {

    @Bean
    Tools tools(
            ListResources list,
            GetResource get,
            DescribeResourceTypes types,
            ApplyResources apply,
            DiagnoseWorkload diagnose,
            SummarizeNamespace namespaceOverview,
            SummarizeCluster clusterOverview,
            ListEvents events,
            ReadPodLogs logs) {
        Clock clock = Clock.systemUTC();
        return Tools.of(
                new ResourceListTool(list, clock).declaration(),
                new ResourceGetTool(get).declaration(),
                new ResourceTypesTool(types).declaration(),
                new WorkloadDiagnoseTool(diagnose).declaration(),
                new NamespaceOverviewTool(namespaceOverview, clock).declaration(),
                new ClusterOverviewTool(clusterOverview, clock).declaration(),
                new EventsListTool(events, clock).declaration(),
                new PodLogsTool(logs).declaration(),
                new ResourceApplyTool(apply).declaration());
    }

    @Bean
    McpEndpoint mcpEndpoint(Tools tools, KmcpProperties properties) {
        McpEndpointSettings settings = McpEndpointSettings.defaults()
                .withRequestTimeout(properties.timeouts().elicitation())
                .withMaxRequestBytes(properties.limits().requestBytes())
                .withMaxSessionsPerCaller(properties.limits().sessionsPerCaller());
        return new McpEndpoint(tools, settings);
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
