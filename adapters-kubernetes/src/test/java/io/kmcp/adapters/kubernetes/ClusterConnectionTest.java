package io.kmcp.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.adapters.kubernetes.testbed.ClusterPki;
import io.kmcp.application.Problem;
import io.kmcp.application.RequestFailedException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A cluster connection is checked when it is configured, not when it is first used")
class ClusterConnectionTest {

    private static final String CA = ClusterPki.generate("unit").caPem();

    @Test
    @DisplayName("an https URL with a readable CA bundle is accepted, with default timeouts")
    void httpsWithCa() {
        ClusterConnection connection = ClusterConnection.https("prod", URI.create("https://10.0.0.1:6443/"), CA);

        assertThat(connection.connectTimeout()).isEqualTo(ClusterConnection.DEFAULT_CONNECT_TIMEOUT);
        assertThat(connection.requestTimeout()).isEqualTo(ClusterConnection.DEFAULT_REQUEST_TIMEOUT);
        assertThat(connection.masterUrl()).isEqualTo("https://10.0.0.1:6443");
        assertThat(connection.tlsServerName()).isEmpty();
    }

    @Test
    @DisplayName("plain http is refused unless explicitly allowed, because the token would travel in clear text")
    void plainHttpRefused() {
        assertThatThrownBy(() -> ClusterConnection.https("prod", URI.create("http://10.0.0.1:8080"), CA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with https://")
                .hasMessageContaining("clear text");

        ClusterConnection allowed = new ClusterConnection(
                "mock",
                URI.create("http://localhost:8080"),
                Optional.empty(),
                Optional.empty(),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                true);
        assertThat(allowed.plainHttpAllowed()).isTrue();
    }

    @Test
    @DisplayName("other schemes, user info, queries and missing hosts are refused")
    void malformedUrls() {
        for (String url : List.of(
                "file:///etc/passwd", "ftp://host", "https://user:pw@host:6443", "https://host?x=1", "https:///path")) {
            assertThatThrownBy(() -> ClusterConnection.https("c", URI.create(url), CA))
                    .as(url)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cluster c");
        }
    }

    @Test
    @DisplayName("an unreadable or empty CA bundle stops configuration with a clear message")
    void badCaBundle() {
        assertThatThrownBy(() -> ClusterConnection.https("prod", URI.create("https://h"), "not a certificate"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CA bundle of cluster prod");
        assertThatThrownBy(() -> ClusterConnection.https("prod", URI.create("https://h"), ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CA bundle of cluster prod");
    }

    @Test
    @DisplayName("timeouts must be positive")
    void timeouts() {
        ClusterConnection connection = ClusterConnection.https("prod", URI.create("https://h"), CA);
        assertThatThrownBy(() -> connection.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connect timeout");
        assertThatThrownBy(() -> connection.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("request timeout");
    }

    @Test
    @DisplayName("its text names the cluster and URL but not the CA bundle")
    void toStringIsShort() {
        ClusterConnection connection = ClusterConnection.https("prod", URI.create("https://h:6443"), CA)
                .withTlsServerName("kubernetes.default.svc");
        assertThat(connection.toString())
                .contains("prod", "https://h:6443", "kubernetes.default.svc")
                .doesNotContain("BEGIN CERTIFICATE");
    }

    @Test
    @DisplayName("an unknown cluster name is refused as UNAVAILABLE, and duplicate names are a configuration error")
    void registry() {
        KubernetesClusters clusters =
                KubernetesClusters.of(ClusterConnection.https("prod", URI.create("https://h"), CA));

        assertThat(clusters.connection("prod").name()).isEqualTo("prod");
        assertThat(clusters.names()).containsExactly("prod");
        assertThatThrownBy(() -> clusters.connection("evil"))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Problem.Reason.UNAVAILABLE))
                .hasMessageContaining("No cluster named evil is configured");
        assertThatThrownBy(() -> KubernetesClusters.of(
                        ClusterConnection.https("prod", URI.create("https://a"), CA),
                        ClusterConnection.https("prod", URI.create("https://b"), CA)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Two clusters are named prod");
    }
}
