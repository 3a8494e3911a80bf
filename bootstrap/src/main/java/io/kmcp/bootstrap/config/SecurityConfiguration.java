package io.kmcp.bootstrap.config;

import io.kmcp.adapters.kubernetes.ClusterConnection;
import io.kmcp.adapters.kubernetes.Fabric8IdentityReview;
import io.kmcp.adapters.kubernetes.KubernetesClientPool;
import io.kmcp.adapters.kubernetes.KubernetesClusters;
import io.kmcp.adapters.mcp.McpEndpoint;
import io.kmcp.adapters.mcp.McpHttpSecurity;
import io.kmcp.adapters.mcp.McpSecuritySettings;
import io.kmcp.adapters.mcp.observability.TokenRejectionMetrics;
import io.kmcp.adapters.mcp.security.MultiClusterTokenVerifier;
import io.kmcp.adapters.mcp.security.SubjectPolicy;
import io.kmcp.adapters.mcp.security.TrustedCluster;
import io.kmcp.adapters.mcp.security.VerifiedTokens;
import io.kmcp.application.port.in.ConfirmCaller;
import io.kmcp.application.service.ConfirmCallerService;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Bearer authentication in front of /mcp: tokens verified against the signing keys of the cluster
 * their audience names, among the configured ones. Actuator probes and the Prometheus scrape are open,
 * and the SBOM on a management port of its own; everything else is closed.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String PROMETHEUS = "/actuator/prometheus";
    static final String SBOM = "/actuator/sbom";

    @Bean
    VerifiedTokens verifiedTokens(KmcpProperties properties) {
        try {
            return new VerifiedTokens(
                    properties.limits().verifiedTokens(), McpSecuritySettings.DEFAULT_CLOCK_SKEW, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(
                    "kmcp.limits.verified-tokens must be 0 or more: " + e.getMessage(), e);
        }
    }

    @Bean
    MultiClusterTokenVerifier tokenVerifier(
            KubernetesClusters clusters, KmcpProperties properties, VerifiedTokens verifiedTokens) {
        List<TrustedCluster> trusted = properties.allClusters().stream()
                .map(cluster -> trusted(cluster, clusters.connection(cluster.name()), properties))
                .toList();
        SubjectPolicy subjects;
        try {
            subjects = new SubjectPolicy(properties.serviceAccountsOnly(), Set.copyOf(properties.allowedNamespaces()));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(
                    "kmcp.allowed-namespaces needs kmcp.service-accounts-only=true: " + e.getMessage(), e);
        }
        return new MultiClusterTokenVerifier(
                trusted,
                properties.audience(),
                McpSecuritySettings.DEFAULT_CLOCK_SKEW,
                subjects,
                verifiedTokens,
                Clock.systemUTC());
    }

    @Bean
    ConfirmCaller confirmCaller(KubernetesClientPool pool, KmcpProperties properties) {
        if (!properties.verifyWithApiserver()) {
            return caller -> {};
        }
        return new ConfirmCallerService(
                new Fabric8IdentityReview(pool),
                properties.timeouts().identityRecheck(),
                properties.limits().clients() * 16,
                Clock.systemUTC());
    }

    @Bean
    McpHttpSecurity mcpHttpSecurity(
            McpEndpoint endpoint,
            MultiClusterTokenVerifier verifier,
            ConfirmCaller confirmCaller,
            KmcpProperties properties,
            TokenRejectionMetrics rejections) {
        McpSecuritySettings settings = McpSecuritySettings.defaults()
                .withAudience(properties.audience())
                .withAllowedOrigins(properties.allowedOrigins());
        return new McpHttpSecurity(
                endpoint, verifier, verifier, settings, Clock.systemUTC(), confirmCaller, rejections);
    }

    /**
     * The probes and the Prometheus scrape need no token (a scraper has none; the metrics carry no
     * subject or token). The SBOM is open only on a management port of its own, which the operator's
     * tooling reaches and agents do not: it lists every library and version, which is no secret of an
     * open-source build but no business of whoever can reach /mcp. Every other actuator endpoint stays
     * closed, even if exposed by a setting.
     */
    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, McpHttpSecurity mcp, Environment environment)
            throws Exception {
        mcp.applyTo(http);
        boolean ownManagementPort = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers("/actuator/health/liveness", "/actuator/health/readiness", PROMETHEUS)
                    .permitAll();
            if (ownManagementPort) {
                requests.requestMatchers(SBOM, SBOM + "/*").permitAll();
            }
            requests.anyRequest().denyAll();
        });
        return http.build();
    }

    private static TrustedCluster trusted(
            KmcpProperties.Cluster cluster, ClusterConnection connection, KmcpProperties properties) {
        TrustedCluster trusted = TrustedCluster.atApiServer(
                cluster.name(),
                cluster.apiServer(),
                connection.sslContext(),
                properties.timeouts().connect());
        if (cluster.issuer() != null) {
            trusted = trusted.withIssuer(cluster.issuer());
        }
        if (cluster.jwksUri() != null) {
            trusted = trusted.withJwksUri(URI.create(cluster.jwksUri()));
        }
        return trusted;
    }
}
