package io.kmcp.bootstrap.config;

import io.kmcp.adapters.mcp.McpEndpoint;
import io.kmcp.adapters.mcp.McpHttpSecurity;
import io.kmcp.adapters.mcp.McpSecuritySettings;
import io.kmcp.adapters.mcp.security.ClusterSelector;
import io.kmcp.adapters.mcp.security.UnverifiedJwtDecoder;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Bearer authentication in front of /mcp; actuator probes open, everything else closed. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, McpEndpoint endpoint, KmcpProperties properties)
            throws Exception {
        List<KmcpProperties.Cluster> clusters = properties.allClusters();
        McpSecuritySettings settings = McpSecuritySettings.defaults()
                .withAudience(properties.audience())
                .withAllowedOrigins(properties.allowedOrigins());
        new McpHttpSecurity(
                        endpoint,
                        new UnverifiedJwtDecoder(),
                        ClusterSelector.single(clusters.get(0).name()),
                        settings,
                        Clock.systemUTC())
                .applyTo(http);
        http.authorizeHttpRequests(
                requests -> requests.requestMatchers("/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        .anyRequest()
                        .denyAll());
        return http.build();
    }
}
