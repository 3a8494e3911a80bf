package io.kmcp.adapters.mcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ProtectedResourceTest {

    @Test
    @DisplayName("With a configured public base URL, the metadata URL ignores the request's Host")
    void configuredBaseUrlWins() {
        ProtectedResource resource =
                new ProtectedResource(Optional.of(URI.create("https://k-mcp.example.com/")), List.of());
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/mcp");
        request.setServerName("evil.example");

        assertThat(resource.metadataUrl(request))
                .isEqualTo("https://k-mcp.example.com/.well-known/oauth-protected-resource");
    }

    @Test
    @DisplayName("Without one, the metadata URL is built from the request's scheme, host and non-default port")
    void requestBaseUrl() {
        ProtectedResource resource = new ProtectedResource(Optional.empty(), List.of());
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/mcp");
        request.setScheme("https");
        request.setServerName("mcp.internal");
        request.setServerPort(443);

        assertThat(resource.metadataUrl(request))
                .isEqualTo("https://mcp.internal/.well-known/oauth-protected-resource");
        request.setServerPort(8443);
        assertThat(resource.metadataUrl(request))
                .isEqualTo("https://mcp.internal:8443/.well-known/oauth-protected-resource");
    }

    @Test
    @DisplayName("A public base URL with a query, or not http(s), is refused at start-up")
    void malformedBaseUrlIsRefused() {
        assertThatThrownBy(() -> new ProtectedResource(Optional.of(URI.create("https://a.example/?x=1")), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProtectedResource(Optional.of(URI.create("ftp://a.example")), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
