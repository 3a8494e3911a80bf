package io.kmcp.bootstrap.config;

import ch.qos.logback.classic.LoggerContext;
import io.kmcp.adapters.kubernetes.KubernetesClientPool;
import io.kmcp.adapters.kubernetes.observability.ApiRequestMetrics;
import io.kmcp.adapters.kubernetes.observability.ClientPoolMetrics;
import io.kmcp.adapters.mcp.McpHttpSecurity;
import io.kmcp.adapters.mcp.observability.SessionMetrics;
import io.kmcp.adapters.mcp.observability.TokenRejectionMetrics;
import io.kmcp.adapters.mcp.observability.ToolCallMetrics;
import io.kmcp.adapters.mcp.observability.VerifiedTokenMetrics;
import io.kmcp.adapters.mcp.security.VerifiedTokens;
import io.kmcp.application.port.out.RedactionObserver;
import io.kmcp.bootstrap.logging.RedactingLogFilter;
import io.kmcp.domain.redaction.Redaction;
import io.kmcp.domain.redaction.RedactionMode;
import io.kmcp.domain.redaction.Redactor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;
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
     * Hidden credentials counted by kind of rule ({@code kmcp_redactions_total{rule="key_name"}}): never a
     * value, a name or an object, which would put in the metrics what redaction keeps from the agent.
     */
    @Bean
    RedactionObserver redactionMetrics(MeterRegistry registry) {
        Map<Redaction.Rule, Counter> counters = new EnumMap<>(Redaction.Rule.class);
        for (Redaction.Rule rule : Redaction.Rule.values()) {
            counters.put(
                    rule,
                    Counter.builder("kmcp.redactions")
                            .description("Values hidden from tool results because they look like credentials")
                            .tag("rule", rule.name().toLowerCase(Locale.ROOT))
                            .register(registry));
        }
        return redactions ->
                redactions.forEach(redaction -> counters.get(redaction.rule()).increment());
    }

    /**
     * k-mcp's own logs, whatever their format, with credentials of a recognisable format replaced; with
     * {@code --redact=off}, which is about what agents see, the built-in rules still apply here.
     */
    @Bean(destroyMethod = "close")
    RedactingLogFilter redactingLogFilter(Redactor redactor) {
        return RedactingLogFilter.installIn(
                (LoggerContext) LoggerFactory.getILoggerFactory(),
                redactor.mode() == RedactionMode.OFF ? Redactor.of(RedactionMode.CREDENTIALS) : redactor);
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
