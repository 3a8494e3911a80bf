package io.kmcp.bootstrap.config;

import io.kmcp.adapters.mcp.McpEndpoint;
import io.kmcp.adapters.mcp.McpEndpointSettings;
import io.kmcp.adapters.mcp.UseCases;
import io.kmcp.adapters.mcp.http.HealthServlet;
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
    McpEndpoint mcpEndpoint(
            ListResources list,
            GetResource get,
            DescribeResourceTypes types,
            ApplyResources apply,
            DiagnoseWorkload diagnose,
            SummarizeNamespace namespaceOverview,
            SummarizeCluster clusterOverview,
            ListEvents events,
            ReadPodLogs logs,
            KmcpProperties properties) {
        McpEndpointSettings settings = McpEndpointSettings.defaults()
                .withRequestTimeout(properties.timeouts().elicitation())
                .withMaxRequestBytes(properties.limits().requestBytes())
                .withMaxSessionsPerCaller(properties.limits().sessionsPerCaller());
        UseCases.Diagnosis diagnosis =
                new UseCases.Diagnosis(diagnose, namespaceOverview, clusterOverview, events, logs);
        return new McpEndpoint(new UseCases(list, get, types, diagnosis, apply), settings, Clock.systemUTC());
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
