package io.kmcp.adapters.mcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A token's audiences name exactly one configured cluster")
class ClusterAudiencesTest {

    private static final ClusterAudiences AUDIENCES = new ClusterAudiences(
            List.of(cluster("prod", "https://prod.example.com:6443"), cluster("edge", "https://10.0.0.7")));

    private static TrustedCluster cluster(String name, String url) {
        try {
            return TrustedCluster.atApiServer(name, URI.create(url), SSLContext.getDefault(), Duration.ofSeconds(5));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "https://prod.example.com:6443",
                "HTTPS://PROD.example.com:6443/",
                "https://prod.example.com:6443//"
            })
    @DisplayName("the same URL in another spelling names the same cluster")
    void normalForms(String audience) {
        assertThat(AUDIENCES.clusterFor(List.of("k-mcp", audience)).name()).isEqualTo("prod");
    }

    @Test
    @DisplayName("the default https port is the same as no port")
    void defaultPort() {
        assertThat(AUDIENCES.clusterFor(List.of("https://10.0.0.7:443")).name()).isEqualTo("edge");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "http://prod.example.com:6443",
                "https://prod.example.com:6444",
                "https://prod.example.com.evil.example:6443",
                "https://user@prod.example.com:6443",
                "https://prod.example.com:6443/api",
                "k-mcp",
                ""
            })
    @DisplayName("anything else names no cluster")
    void otherUrls(String audience) {
        assertThatThrownBy(() -> AUDIENCES.clusterFor(List.of("k-mcp", audience)))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("names no cluster");
    }

    @Test
    @DisplayName("naming two configured clusters is refused, naming both")
    void twoClusters() {
        assertThatThrownBy(() -> AUDIENCES.clusterFor(List.of("https://10.0.0.7", "https://prod.example.com:6443")))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("edge, prod");
    }

    @Test
    @DisplayName("two clusters configured with one URL are a configuration error")
    void duplicateConfiguration() {
        assertThatThrownBy(() -> new ClusterAudiences(
                        List.of(cluster("a", "https://x.example"), cluster("b", "https://X.example:443/"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same API server URL");
    }
}
