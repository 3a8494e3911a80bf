package io.kmcp.adapters.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.kmcp.application.BearerToken;
import io.kmcp.application.KmcpVersion;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * fabric8 clients that carry exactly one caller's token to exactly one configured API server, and
 * nothing of the machine they run on: no kubeconfig, no environment variables, no proxy settings, no
 * default namespace.
 */
final class Fabric8ClientFactory implements KubernetesClientFactory {

    private final String userAgent;
    private final ApiRequestObserver observer;
    // Parsing a CA bundle and building trust managers once per cluster, not once per caller.
    private final Map<ClusterConnection, TrustManager[]> trustByCluster = new ConcurrentHashMap<>();

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
                .withHttpClientFactory(
                        new ClusterHttpClientFactory(connection.name(), connection.tlsServerName(), observer))
                .withHttpClientBuilderConsumer(builder -> builder.sslContext(null, trust)
                        .addOrReplaceInterceptor(NoDeleteInterceptor.NAME, new NoDeleteInterceptor()))
                .build();
    }

    /**
     * The JDK HTTP client, sending the TLS server name as SNI when one is configured, and telling the
     * observer of every request.
     */
    private static final class ClusterHttpClientFactory extends JdkHttpClientFactory {

        private final String cluster;
        private final Optional<String> tlsServerName;
        private final ApiRequestObserver observer;

        ClusterHttpClientFactory(String cluster, Optional<String> tlsServerName, ApiRequestObserver observer) {
            this.cluster = cluster;
            this.tlsServerName = tlsServerName;
            this.observer = observer;
        }

        @Override
        protected java.net.http.HttpClient.Builder createNewHttpClientBuilder() {
            return new ObservedHttpClient.Builder(super.createNewHttpClientBuilder(), cluster, observer);
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
