package io.kmcp.bootstrap.config;

import io.kmcp.adapters.kubernetes.KubernetesClientPool;
import io.kmcp.adapters.kubernetes.observability.ApiRequestMetrics;
import io.kmcp.adapters.kubernetes.observability.ClientPoolMetrics;
import io.kmcp.adapters.mcp.McpHttpSecurity;
import io.kmcp.adapters.mcp.observability.SessionMetrics;
import io.kmcp.adapters.mcp.observability.TokenRejectionMetrics;
import io.kmcp.adapters.mcp.observability.ToolCallMetrics;
import io.kmcp.adapters.mcp.observability.VerifiedTokenMetrics;
import io.kmcp.adapters.mcp.security.VerifiedTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Metrics (scraped at {@code /actuator/prometheus}) and traces (exported over OTLP when an endpoint is
 * configured, see {@link OtlpEnvironment}) of tool calls, token refusals, sessions, API requests and
 * the client pool. The adapters report to observers that know no metrics library; these are their
 * Micrometer implementations.
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    @Bean
    ToolCallMetrics toolCallMetrics(MeterRegistry registry, ObjectProvider<Tracer> tracer) {
        return new ToolCallMetrics(registry, tracer.getIfAvailable(() -> Tracer.NOOP));
    }

    @Bean
    TokenRejectionMetrics tokenRejectionMetrics(MeterRegistry registry) {
        return new TokenRejectionMetrics(registry);
    }

    @Bean
    ApiRequestMetrics apiRequestMetrics(MeterRegistry registry, ObjectProvider<Tracer> tracer) {
        return new ApiRequestMetrics(registry, tracer.getIfAvailable(() -> Tracer.NOOP));
    }

    @Bean
    ClientPoolMetrics clientPoolMetrics(KubernetesClientPool pool) {
        return new ClientPoolMetrics(pool);
    }

    @Bean
    VerifiedTokenMetrics verifiedTokenMetrics(VerifiedTokens verifiedTokens) {
        return new VerifiedTokenMetrics(verifiedTokens);
    }

    @Bean
    SessionMetrics sessionMetrics(McpHttpSecurity security) {
        return new SessionMetrics(security.sessionOwners());
    }

    /**
     * Spring Security's observations are off ({@code management.observations.enable.spring.security}:
     * a span per security filter says nothing an operator needs). Saying so here too keeps Spring
     * Security from wrapping every filter of every request in an observation that would do nothing. The
     * HTTP requests' and the tool calls' observations are not Spring Security's and stay.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Probes and scrapes come every few seconds and would bury the tool calls among their traces; they
     * are neither traced nor timed.
     */
    @Bean
    ObservationPredicate noActuatorObservations() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier() != null
                && request.getCarrier().getRequestURI().startsWith("/actuator/"));
    }
}
