package io.kmcp.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

@DisplayName("The OpenTelemetry variables configure Spring Boot's trace export")
class OtlpEnvironmentTest {

    @Test
    @DisplayName("Without an endpoint trace export is off: no exporter, nothing leaves the process")
    void exportOffWithoutAnEndpoint() {
        assertThat(OtlpEnvironment.properties(Map.<String, String>of()::get))
                .containsExactly(Map.entry(OtlpEnvironment.EXPORT, "false"));
        assertThat(OtlpEnvironment.properties(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " ")::get))
                .containsExactly(Map.entry(OtlpEnvironment.EXPORT, "false"));
    }

    @Test
    @DisplayName("An endpoint given as Spring's own setting keeps export on, without the variables")
    void springEndpointKeepsExportOn() {
        assertThat(OtlpEnvironment.properties(Map.of(OtlpEnvironment.ENDPOINT, "http://collector:4318/v1/traces")::get))
                .isEmpty();
    }

    @Test
    @DisplayName("OTEL_EXPORTER_OTLP_ENDPOINT is the collector's base URL: traces go to its /v1/traces, all sampled")
    void baseEndpoint() {
        assertThat(OtlpEnvironment.properties(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")::get))
                .containsExactly(
                        Map.entry(OtlpEnvironment.ENDPOINT, "http://collector:4318/v1/traces"),
                        Map.entry(OtlpEnvironment.TRANSPORT, "http"),
                        Map.entry(OtlpEnvironment.SAMPLING, "1.0"));
        assertThat(OtlpEnvironment.properties(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/")::get)
                        .get(OtlpEnvironment.ENDPOINT))
                .isEqualTo("http://collector:4318/v1/traces");
    }

    @Test
    @DisplayName("The traces endpoint is taken as it is, and wins; grpc keeps the base URL as it is")
    void tracesEndpointAndGrpc() {
        assertThat(OtlpEnvironment.properties(Map.of(
                                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://traces:4318/custom")::get)
                        .get(OtlpEnvironment.ENDPOINT))
                .isEqualTo("http://traces:4318/custom");
        assertThat(
                        OtlpEnvironment.properties(Map.of(
                                "OTEL_EXPORTER_OTLP_ENDPOINT",
                                "http://collector:4317",
                                "OTEL_EXPORTER_OTLP_PROTOCOL",
                                "grpc")::get))
                .containsEntry(OtlpEnvironment.ENDPOINT, "http://collector:4317")
                .containsEntry(OtlpEnvironment.TRANSPORT, "grpc");
    }

    @Test
    @DisplayName("Spring's own settings win over the variables")
    void springPropertiesWin() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")
                .withProperty(OtlpEnvironment.SAMPLING, "0.25");

        new OtlpEnvironment().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(OtlpEnvironment.SAMPLING)).isEqualTo("0.25");
        assertThat(environment.getProperty(OtlpEnvironment.ENDPOINT)).isEqualTo("http://collector:4318/v1/traces");
    }
}
