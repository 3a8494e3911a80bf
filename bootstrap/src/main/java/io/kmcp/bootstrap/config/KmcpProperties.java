package io.kmcp.bootstrap.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything an operator configures, from flags, {@code application.yaml} or environment variables
 * ({@code KMCP_AUDIENCE}, {@code KMCP_CLUSTERS_0_APISERVER}, …).
 *
 * <p>One cluster can be given by the top-level {@code api-server}, {@code certificate-authority} and
 * {@code tls-server-name} (the flags); several by the {@code clusters} list. Both may be combined.
 *
 * @param audience the token audience that names this server
 * @param serviceAccountsOnly accept only subjects of the form system:serviceaccount:NAMESPACE:NAME
 * @param allowedNamespaces accept only service accounts of these namespaces; empty: any namespace
 * @param verifyWithApiserver confirm each verified token with a SelfSubjectReview (cached), so a
 *     revoked bound token stops working before it expires
 * @param allowedOrigins browser origins allowed to call /mcp; requests from any other Origin get 403
 * @param readOnly serve no tool that changes a cluster ({@code resource_apply}), in any protocol lane
 * @param tools serve only these tools; empty: all
 * @param disabledTools never serve these tools
 * @param restrictedTypes types restricted on top of the built-in ones
 * @param requestState how the sessionless protocol's confirmations are signed
 * @param redact which credentials outside Secrets are hidden from what tools return
 */
@ConfigurationProperties("kmcp")
public record KmcpProperties(
        @DefaultValue("k-mcp") String audience,
        @DefaultValue("false") boolean verifyWithApiserver,
        @DefaultValue("true") boolean serviceAccountsOnly,
        @DefaultValue("false") boolean readOnly,
        @DefaultValue List<String> tools,
        @DefaultValue List<String> disabledTools,
        @DefaultValue List<String> allowedNamespaces,
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue List<String> restrictedTypes,
        @Nullable URI apiServer,
        @Nullable Path certificateAuthority,
        @Nullable String tlsServerName,
        @Nullable String issuer,
        @DefaultValue List<Cluster> clusters,
        @DefaultValue Timeouts timeouts,
        @DefaultValue Limits limits,
        @DefaultValue RequestState requestState,
        @DefaultValue Redact redact) {

    /** Name of the cluster given by the top-level flags. */
    public static final String FLAG_CLUSTER_NAME = "default";

    /**
     * @param name how logs and audiences refer to it; unique
     * @param apiServer {@code https://host:port}, exactly as callers' tokens name it in their audience
     * @param certificateAuthority PEM file of the cluster CA; absent: the JVM's trust store
     * @param tlsServerName the name the API server's certificate is verified against, if not the URL's host
     * @param issuer the service-account issuer of the cluster; absent: discovered from the cluster
     * @param jwksUri where the issuer's signing keys are; absent: the API server's /openid/v1/jwks
     */
    public record Cluster(
            String name,
            URI apiServer,
            @Nullable Path certificateAuthority,
            @Nullable String tlsServerName,
            @Nullable String issuer,
            @Nullable String jwksUri) {}

    /**
     * @param connect TCP and TLS connection to an API server
     * @param request one request to an API server
     * @param elicitation how long a human has to answer a confirmation
     * @param discoveryCache how long a cluster's API discovery is reused
     * @param identityRecheck with verify-with-apiserver, how long a token's review is trusted
     */
    public record Timeouts(
            @DefaultValue("10s") Duration connect,
            @DefaultValue("30s") Duration request,
            @DefaultValue("10m") Duration elicitation,
            @DefaultValue("5m") Duration discoveryCache,
            @DefaultValue("1m") Duration identityRecheck) {}

    /**
     * @param clients Kubernetes clients kept (one per cluster and token)
     * @param requestBytes largest MCP request body accepted
     * @param sessionsPerCaller MCP sessions one caller may hold at once
     * @param verifiedTokens tokens whose verified signature is remembered (0: verify at every call)
     */
    public record Limits(
            @DefaultValue("64") int clients,
            @DefaultValue("1048576") int requestBytes,
            @DefaultValue("32") int sessionsPerCaller,
            @DefaultValue("1024") int verifiedTokens) {}

    /**
     * @param keyFile files of at least 32 bytes each, the same on every replica: the first signs, every
     *     one verifies (list the new key first to rotate); none: a random key of this process, so that a
     *     confirmation asked by one replica cannot be answered by another
     * @param ttl how long a confirmation waits for its answer
     */
    public record RequestState(
            @DefaultValue List<Path> keyFile,
            @DefaultValue("10m") Duration ttl) {}

    /**
     * @param mode {@code credentials} (the default), {@code strict} or {@code off}; see ADR 0011
     * @param namePatterns regular expressions (Java syntax, searched anywhere in the name; {@code (?i)} for
     *     any case): a value under a matching env name, config map key, annotation key or field is hidden
     * @param valuePatterns regular expressions searched in every value, log line and event: the match, or
     *     its first group if it has one, is hidden
     */
    public record Redact(
            @DefaultValue("credentials") String mode,
            @DefaultValue List<String> namePatterns,
            @DefaultValue List<String> valuePatterns) {}

    /** The clusters of the {@code clusters} list plus the one given by the top-level flags. */
    public List<Cluster> allClusters() {
        List<Cluster> all = new ArrayList<>(clusters);
        if (apiServer != null) {
            all.add(0, new Cluster(FLAG_CLUSTER_NAME, apiServer, certificateAuthority, tlsServerName, issuer, null));
        }
        return all;
    }
}
