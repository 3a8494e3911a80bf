package io.kmcp.adapters.mcp.security;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Fetches a cluster's OIDC documents anonymously, over HTTPS with the cluster's trust, with bounded
 * time and size. HTTP/1.1, because kube-apiserver answers unauthenticated HTTP/2 clients with GOAWAY.
 */
final class HttpsResourceRetriever implements ResourceRetriever {

    static final int MAX_BYTES = 256 * 1024;

    private final HttpClient http;
    private final Duration timeout;

    HttpsResourceRetriever(TrustedCluster cluster) {
        this.timeout = cluster.timeout();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(cluster.tls())
                .connectTimeout(cluster.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(url.toURI())
                    .timeout(timeout)
                    .header("Accept", "application/json, application/jwk-set+json")
                    .GET()
                    .build();
        } catch (URISyntaxException e) {
            throw new IOException("not a URL: " + url, e);
        }
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (response.statusCode() != 200) {
                    throw new IOException(url + " answered HTTP " + response.statusCode()
                            + (response.statusCode() == 401 || response.statusCode() == 403
                                    ? " (allow anonymous issuer discovery on the cluster, or configure its jwks)"
                                    : ""));
                }
                if (bytes.length > MAX_BYTES) {
                    throw new IOException(url + " answered more than " + MAX_BYTES + " bytes");
                }
                return new Resource(
                        new String(bytes, StandardCharsets.UTF_8),
                        response.headers().firstValue("Content-Type").orElse("application/json"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url, e);
        }
    }
}
