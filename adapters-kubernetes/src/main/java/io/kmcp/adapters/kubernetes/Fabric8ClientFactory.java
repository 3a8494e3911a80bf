package io.kmcp.adapters.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientImpl;
import io.fabric8.kubernetes.client.utils.Utils;
import io.kmcp.application.BearerToken;
import io.kmcp.application.KmcpVersion;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * fabric8 clients that carry exactly one caller's token to exactly one configured API server, and
 * nothing of the machine they run on: no kubeconfig, no environment variables, no proxy settings, no
 * default namespace.
 *
 * <p>The callers' clients of one cluster send through one JDK HTTP client: one connection pool, one
 * selector thread and one executor per cluster, instead of a set of threads, TLS connections and
 * buffers per caller that each new token would add. The transport holds no credential (no client
 * certificate, no cookies, no authenticator): each request carries its caller's token in its own
 * {@code Authorization} header, and the API server authenticates every request alone.
 */
final class Fabric8ClientFactory implements KubernetesClientFactory {

    private final String userAgent;
    private final ApiRequestObserver observer;
    // Parsing a CA bundle and building trust managers once per cluster, not once per caller.
    private final Map<ClusterConnection, TrustManager[]> trustByCluster = new ConcurrentHashMap<>();
    private final Map<ClusterConnection, ClusterHttpClientFactory> transports = new ConcurrentHashMap<>();

    Fabric8ClientFactory() {
        this(ApiRequestObserver.NONE);
    }

    /** @param observer told of every request the clients send, and how it ended */
    Fabric8ClientFactory(ApiRequestObserver observer) {
        this(userAgent(), observer);
    }

    Fabric8ClientFactory(String userAgent, ApiRequestObserver observer) {
        this.userAgent = userAgent;
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /** {@code k-mcp/<version>}, so that the API server's audit log tells k-mcp's requests apart. */
    static String userAgent() {
        return "k-mcp/" + KmcpVersion.current();
    }

    @Override
    public KubernetesClient create(ClusterConnection connection, BearerToken token) {
        TrustManager[] trust = trustByCluster.computeIfAbsent(connection, ClusterTrust::trustManagers);
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(connection.masterUrl())
                .withOauthToken(token.reveal())
                .withUserAgent(userAgent)
                .withConnectionTimeout((int) connection.connectTimeout().toMillis())
                .withRequestTimeout((int) connection.requestTimeout().toMillis())
                // One answer per request: retries would multiply the time an agent waits and repeat writes.
                .withRequestRetryBackoffLimit(0)
                // kube-apiserver answers unauthenticated HTTP/2 clients with GOAWAY, which hides the 401.
                .withHttp2Disable(true)
                .withTrustCerts(false)
                .withDisableHostnameVerification(false)
                .build();
        return new KubernetesClientBuilder()
                .withConfig(config)
                .withHttpClientFactory(transports.computeIfAbsent(
                        connection,
                        cluster -> new ClusterHttpClientFactory(cluster.name(), cluster.tlsServerName(), observer)))
                .withHttpClientBuilderConsumer(builder -> builder.sslContext(null, trust)
                        .addOrReplaceInterceptor(NoDeleteInterceptor.NAME, new NoDeleteInterceptor()))
                .build();
    }

    /** How many clusters have a transport: one each, whatever the number of callers. */
    int transports() {
        return (int) transports.values().stream()
                .filter(ClusterHttpClientFactory::built)
                .count();
    }

    /** Stops the transports' threads once their requests are done; the pool closes its clients first. */
    @Override
    public void close() {
        transports.values().forEach(ClusterHttpClientFactory::shutdown);
        transports.clear();
    }

    /**
     * The cluster's one JDK HTTP client, sending the TLS server name as SNI when one is configured,
     * and telling the observer of every request. The first caller's client builds it with the
     * cluster's settings (the same for every caller: trust, timeouts, HTTP/1.1, no proxy); later ones
     * are handed the same. Closing a caller's client leaves it running for the others.
     */
    private static final class ClusterHttpClientFactory extends JdkHttpClientFactory {

        private final String cluster;
        private final Optional<String> tlsServerName;
        private final ApiRequestObserver observer;
        private final ExecutorService executor = Executors.newCachedThreadPool(Utils.daemonThreadFactory(this));
        private java.net.http.HttpClient transport;

        ClusterHttpClientFactory(String cluster, Optional<String> tlsServerName, ApiRequestObserver observer) {
            this.cluster = cluster;
            this.tlsServerName = tlsServerName;
            this.observer = observer;
        }

        @Override
        protected java.net.http.HttpClient.Builder createNewHttpClientBuilder() {
            return new ObservedHttpClient.Builder(
                    java.net.http.HttpClient.newBuilder().executor(executor), cluster, observer, this::shared);
        }

        private synchronized java.net.http.HttpClient shared(Supplier<java.net.http.HttpClient> build) {
            if (transport == null) {
                transport = build.get();
            }
            return transport;
        }

        synchronized boolean built() {
            return transport != null;
        }

        /** A caller's client is closed: the transport stays for the cluster's other callers. */
        @Override
        protected void closeHttpClient(JdkHttpClientImpl client) {}

        void shutdown() {
            executor.shutdown();
        }

        @Override
        protected void additionalConfig(java.net.http.HttpClient.Builder builder) {
            // The JDK uses these names only when the URL's host is an IP address; otherwise it sends the host.
            // The certificate is checked against the TLS server name either way (ClusterTrust).
            tlsServerName
                    .filter(name -> !ClusterTrust.ServerNames.isIpLiteral(name))
                    .ifPresent(name -> {
                        SSLParameters parameters = new SSLParameters();
                        parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                        parameters.setServerNames(List.of(new SNIHostName(name)));
                        builder.sslParameters(parameters);
                    });
        }
    }
}
