package io.kmcp.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

@DisplayName("Start-up stops at once when no cluster is configured")
class ClustersConfiguredTest {

    private final ClustersConfigured check = new ClustersConfigured();

    @Test
    void without_any_cluster_it_names_the_settings_to_give() {
        assertThatThrownBy(() -> check.onApplicationEvent(prepared(new MockEnvironment())))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("no cluster is configured: pass --api-server https://HOST:PORT (and --certificate-authority"
                        + " FILE), or list kmcp.clusters in application.yaml");
    }

    @Test
    void the_api_server_flag_is_a_cluster() {
        MockEnvironment environment = new MockEnvironment().withProperty("kmcp.api-server", "https://10.0.0.1:6443");

        assertThatCode(() -> check.onApplicationEvent(prepared(environment))).doesNotThrowAnyException();
    }

    @Test
    void a_cluster_listed_in_the_environment_variables_of_a_container_is_a_cluster() {
        MockEnvironment environment = new MockEnvironment();
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "systemEnvironment",
                        Map.of(
                                "KMCP_CLUSTERS_0_NAME",
                                "east",
                                "KMCP_CLUSTERS_0_APISERVER",
                                "https://east.example:6443")));

        assertThatCode(() -> check.onApplicationEvent(prepared(environment))).doesNotThrowAnyException();
    }

    private static ApplicationEnvironmentPreparedEvent prepared(MockEnvironment environment) {
        return new ApplicationEnvironmentPreparedEvent(
                new DefaultBootstrapContext(), new SpringApplication(), new String[0], environment);
    }
}
