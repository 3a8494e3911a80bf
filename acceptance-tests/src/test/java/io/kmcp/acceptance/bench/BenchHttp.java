package io.kmcp.acceptance.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Single requests of the throughput benchmark, outside wrk: checking that a call answers what it should
 * before it is measured, opening an MCP session for the lanes that need one, and the one call per token
 * of the token measure. HTTP/1.1, as wrk speaks it; the API server's certificate is checked against the
 * cluster's CA.
 */
final class BenchHttp {

    private static final Pattern PROTOCOL_VERSION = Pattern.compile("\"protocolVersion\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http;

    BenchHttp(Path caFile) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .sslContext(trusting(caFile))
                .build();
    }

    /** What came back. */
    record Answer(int status, Map<String, String> headers, String body) {

        /** Whether it is a success: 200, and neither a tool error nor a JSON-RPC error. */
        boolean succeeded() {
            return status == 200 && !body.contains("\"isError\":true") && !body.contains("\"error\":{");
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst();
        }

        String summary() {
            return status + " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
        }
    }

    Answer send(HttpCall call, long id) {
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri()).timeout(Duration.ofSeconds(60));
        call.headers().forEach(request::header);
        request.method(
                call.method(),
                call.body(id).map(HttpRequest.BodyPublishers::ofString).orElse(HttpRequest.BodyPublishers.noBody()));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name, String.join(", ", values)));
            return new Answer(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(call.method() + " " + call.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An MCP session opened as a 2025-11-25 client opens one. */
    record Session(String id, String protocolVersion) {}

    /**
     * Sends {@code initialize} (asking for {@code protocolVersion}) and {@code notifications/initialized}
     * with the given headers (Authorization, Accept, Content-Type).
     */
    Session initialize(URI mcp, Map<String, String> headers, String protocolVersion) {
        String initialize = ("{\"jsonrpc\":\"2.0\",\"id\":" + HttpCall.ID
                        + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"%s\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"k-mcp-throughput-bench\",\"version\":\"1\"}}}")
                .formatted(protocolVersion);
        Answer answer = send(HttpCall.post(mcp, headers, initialize), 0);
        String session = answer.header("Mcp-Session-Id")
                .orElseThrow(() ->
                        new IllegalStateException("initialize at " + mcp + " opened no session: " + answer.summary()));
        Matcher version = PROTOCOL_VERSION.matcher(answer.body());
        String negotiated = version.find() ? version.group(1) : protocolVersion;
        Map<String, String> inSession = new LinkedHashMap<>(headers);
        inSession.put("Mcp-Session-Id", session);
        inSession.put("MCP-Protocol-Version", negotiated);
        HttpRequest.Builder initialized = HttpRequest.newBuilder(mcp).timeout(Duration.ofSeconds(30));
        inSession.forEach(initialized::header);
        initialized.POST(
                HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
        try {
            HttpResponse<String> response = http.send(initialized.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("notifications/initialized at " + mcp + " answered "
                        + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("notifications/initialized at " + mcp + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Session(session, negotiated);
    }

    private static SSLContext trusting(Path caFile) {
        try (InputStream pem = Files.newInputStream(caFile)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry(
                    "cluster-ca", CertificateFactory.getInstance("X.509").generateCertificate(pem));
            TrustManagerFactory managers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            managers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, managers.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust the cluster CA " + caFile + ": " + e, e);
        }
    }
}
