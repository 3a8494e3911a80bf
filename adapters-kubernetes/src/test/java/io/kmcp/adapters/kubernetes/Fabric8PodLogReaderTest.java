package io.kmcp.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.application.port.out.LogRequest;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.ObjectName;
import io.kmcp.domain.resource.SinceSeconds;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class Fabric8PodLogReaderTest {

    private static final NamespaceName SHOP = new NamespaceName("shop");
    private static final ObjectName WEB_1 = new ObjectName("web-1");

    @Test
    @DisplayName("Every bound travels in the one log request, previous and limitBytes together")
    void everyBound() {
        LogRequest request = new LogRequest(
                SHOP, WEB_1, "app", true, Optional.of(20), Optional.of(new SinceSeconds(600)), Optional.of(4096));

        assertThat(Fabric8PodLogReader.url("https://10.0.0.1:6443/", request))
                .isEqualTo("https://10.0.0.1:6443/api/v1/namespaces/shop/pods/web-1/log"
                        + "?container=app&previous=true&tailLines=20&sinceSeconds=600&limitBytes=4096");
    }

    @Test
    @DisplayName("Without bounds only the container is named")
    void noBounds() {
        LogRequest request =
                new LogRequest(SHOP, WEB_1, "app", false, Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(Fabric8PodLogReader.url("https://10.0.0.1:6443", request))
                .isEqualTo("https://10.0.0.1:6443/api/v1/namespaces/shop/pods/web-1/log?container=app");
    }
}
