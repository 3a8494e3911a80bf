package io.kmcp.adapters.kubernetes;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How to reach one cluster's API server, as the operator configured it. Validated here so that a
 * bad URL, CA bundle or timeout stops start-up with one clear line instead of failing on the first
 * request.
 *
 * @param name the name callers' tokens are routed by
 * @param apiServer the API server's base URL; {@code https} unless {@code plainHttpAllowed}
 * @param caBundlePem the PEM certificates that sign the API server's serving certificate (the
 *     cluster CA); empty: the JVM's default trust store
 * @param tlsServerName the name to verify the serving certificate against (and to send as SNI when
 *     the URL names an IP address), like kubectl's {@code --tls-server-name}; empty: the URL's host
 * @param connectTimeout how long to wait for a TCP and TLS connection
 * @param requestTimeout how long to wait for the answer to one request
 * @param plainHttpAllowed whether an {@code http://} URL is accepted; only for tests against a local
 *     mock, since the bearer token would travel in clear text
 */
public record ClusterConnection(
        String name,
        URI apiServer,
        Optional<String> caBundlePem,
        Optional<String> tlsServerName,
        Duration connectTimeout,
        Duration requestTimeout,
        boolean plainHttpAllowed) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public ClusterConnection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(apiServer, "apiServer");
        Objects.requireNonNull(caBundlePem, "caBundlePem");
        Objects.requireNonNull(tlsServerName, "tlsServerName");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A cluster needs a name; callers' tokens are routed by it.");
        }
        requireUsableUrl(name, apiServer, plainHttpAllowed);
        requirePositive(name, "connect timeout", connectTimeout);
        requirePositive(name, "request timeout", requestTimeout);
        tlsServerName = tlsServerName.map(String::strip).filter(server -> !server.isEmpty());
        caBundlePem.ifPresent(pem -> ClusterTrust.parseCertificates(name, pem));
    }

    /** An HTTPS API server trusted through its cluster CA, with the default timeouts. */
    public static ClusterConnection https(String name, URI apiServer, String caBundlePem) {
        return new ClusterConnection(
                name,
                apiServer,
                Optional.of(caBundlePem),
                Optional.empty(),
                DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_REQUEST_TIMEOUT,
                false);
    }

    public ClusterConnection withTlsServerName(String serverName) {
        return new ClusterConnection(
                name,
                apiServer,
                caBundlePem,
                Optional.of(serverName),
                connectTimeout,
                requestTimeout,
                plainHttpAllowed);
    }

    /**
     * A TLS context that trusts this API server exactly as k-mcp's Kubernetes clients do (the cluster
     * CA, the TLS server name), for other HTTPS clients of the same server such as the token verifier
     * fetching the issuer's keys.
     */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, ClusterTrust.trustManagers(this), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context for cluster " + name, e);
        }
    }

    public ClusterConnection withTimeouts(Duration connect, Duration request) {
        return new ClusterConnection(name, apiServer, caBundlePem, tlsServerName, connect, request, plainHttpAllowed);
    }

    /** The base URL without a trailing slash, as fabric8 wants it. */
    String masterUrl() {
        String url = apiServer.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void requireUsableUrl(String name, URI url, boolean plainHttpAllowed) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        if (!https && !(plainHttpAllowed && scheme.equals("http"))) {
            throw new IllegalArgumentException("The API server URL of cluster " + name + " must start with https://"
                    + " (was " + url + "); plain HTTP would send callers' tokens in clear text.");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException(
                    "The API server URL of cluster " + name + " has no host (was " + url + ").");
        }
        if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("The API server URL of cluster " + name
                    + " must be scheme, host, port and path only, without user, query or fragment.");
        }
    }

    private static void requirePositive(String name, String what, Duration duration) {
        if (duration.isNegative() || duration.isZero() || duration.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("The " + what + " of cluster " + name + " must be positive and under"
                    + " 24 days (was " + duration + ").");
        }
    }

    @Override
    public String toString() {
        // The CA bundle is public but long; it would drown every log line that names a connection.
        return "ClusterConnection[" + name + " " + apiServer
                + tlsServerName.map(s -> " tls-server-name=" + s).orElse("") + "]";
    }
}
