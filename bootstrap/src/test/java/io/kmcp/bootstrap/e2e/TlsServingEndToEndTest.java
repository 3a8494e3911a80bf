package io.kmcp.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.adapters.kubernetes.testbed.ClusterPki;
import io.kmcp.bootstrap.KmcpApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Operators can serve HTTPS themselves, with PEM files, as --tls-cert and --tls-key set them. */
@SpringBootTest(classes = KmcpApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DisplayName("HTTPS serving")
class TlsServingEndToEndTest {

    private static final ClusterPki PKI = ClusterPki.generate("k-mcp-serving");
    private static final ClusterPki.PkiFiles FILES = written();

    @LocalServerPort
    int port;

    private static ClusterPki.PkiFiles written() {
        try {
            return PKI.written(Files.createTempDirectory("k-mcp-tls-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry registry) {
        ClusterUnderTest.configure(registry);
        registry.add("server.ssl.enabled", () -> "true");
        registry.add("server.ssl.certificate", () -> FILES.servingCertificate().toString());
        registry.add(
                "server.ssl.certificate-private-key", () -> FILES.servingKey().toString());
    }

    @Test
    @DisplayName("/health answers over HTTPS to a client trusting the certificate's CA")
    void servesHttps() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().sslContext(PKI.trustOnlySslContext()).build();

        HttpResponse<String> health = client.send(
                HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/health"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"healthy\"");
        assertThat(Path.of(FILES.servingCertificate().toString())).exists();
    }
}
