package io.kmcp.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.StandardHttpRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The HTTP interceptor refuses every deletion before it is sent")
class NoDeleteInterceptorTest {

    private static final String CONFIGMAP = "https://cluster:6443/api/v1/namespaces/shop/configmaps/settings";

    private final NoDeleteInterceptor interceptor = new NoDeleteInterceptor();

    @Test
    @DisplayName("a DELETE request throws, naming the path and saying k-mcp never deletes")
    void deleteRefused() {
        HttpRequest delete = request("DELETE", CONFIGMAP);

        assertThatThrownBy(() -> interceptor.before(new StandardHttpRequest.Builder(), delete, null))
                .isInstanceOf(NoDeleteInterceptor.DeletionRefusedException.class)
                .hasMessageContaining("k-mcp never deletes")
                .hasMessageContaining("/api/v1/namespaces/shop/configmaps/settings");
    }

    @Test
    @DisplayName("a collection DELETE and a lower-case method are refused too")
    void everyDeleteRefused() {
        HttpRequest collection = request("DELETE", "https://cluster:6443/api/v1/namespaces/shop/pods");
        HttpRequest lowerCase = request("delete", CONFIGMAP);

        assertThatThrownBy(() -> interceptor.before(new StandardHttpRequest.Builder(), collection, null))
                .isInstanceOf(NoDeleteInterceptor.DeletionRefusedException.class);
        assertThatThrownBy(() -> interceptor.before(new StandardHttpRequest.Builder(), lowerCase, null))
                .isInstanceOf(NoDeleteInterceptor.DeletionRefusedException.class);
    }

    @Test
    @DisplayName("an eviction, a pod deletion sent as POST, is refused")
    void evictionRefused() {
        HttpRequest eviction = request("POST", "https://cluster:6443/api/v1/namespaces/shop/pods/web-0/eviction");

        assertThatThrownBy(() -> interceptor.before(new StandardHttpRequest.Builder(), eviction, null))
                .isInstanceOf(NoDeleteInterceptor.DeletionRefusedException.class)
                .hasMessageContaining("eviction");
    }

    @Test
    @DisplayName("reads and server-side apply pass untouched")
    void readsAndAppliesPass() {
        for (String method : new String[] {"GET", "PATCH"}) {
            HttpRequest request = request(method, CONFIGMAP);
            assertThatCode(() -> interceptor.before(new StandardHttpRequest.Builder(), request, null))
                    .as(method)
                    .doesNotThrowAnyException();
        }
    }

    private static HttpRequest request(String method, String uri) {
        return new StandardHttpRequest.Builder()
                .uri(uri)
                .method(
                        method,
                        method.equalsIgnoreCase("GET") ? null : "application/json",
                        method.equalsIgnoreCase("GET") ? null : "{}")
                .build();
    }
}
