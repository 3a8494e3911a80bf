package io.kmcp.bootstrap.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the OpenTelemetry SDK's standard variables into Spring Boot's tracing settings, so that an
 * operator configures k-mcp's traces as any other OpenTelemetry program: {@code
 * OTEL_EXPORTER_OTLP_ENDPOINT} (the collector's base URL; {@code /v1/traces} is added for OTLP/HTTP),
 * or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} (the full URL), and {@code
 * OTEL_EXPORTER_OTLP_PROTOCOL} ({@code http/protobuf}, the default, or {@code grpc}). With an endpoint
 * every trace is sampled unless {@code management.tracing.sampling.probability} says otherwise.
 *
 * <p>Without either variable, and without Spring's own endpoint setting, trace export is off: Spring
 * Boot creates no span exporter, nothing leaves the process, and log lines get no empty trace-id
 * column. Spring's own properties, when given, win over the variables.
 */
public final class OtlpEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE = "k-mcp OTLP environment";
    static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";
    static final String TRANSPORT = "management.opentelemetry.tracing.export.otlp.transport";
    static final String SAMPLING = "management.tracing.sampling.probability";
    static final String EXPORT = "management.tracing.export.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> properties = properties(environment::getProperty);
        if (!properties.isEmpty()) {
            // Last: every property source of Spring (flags, application.yaml, SPRING_ variables) comes first.
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, properties));
        }
    }

    /** The Spring Boot settings the variables stand for. */
    static Map<String, Object> properties(Lookup variables) {
        boolean grpc = variable(variables, "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL")
                .or(() -> variable(variables, "OTEL_EXPORTER_OTLP_PROTOCOL"))
                .map(protocol -> protocol.toLowerCase(Locale.ROOT).equals("grpc"))
                .orElse(false);
        Optional<String> endpoint = variable(variables, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
                .or(() -> variable(variables, "OTEL_EXPORTER_OTLP_ENDPOINT").map(base -> grpc ? base : traces(base)));
        Map<String, Object> properties = new LinkedHashMap<>();
        if (endpoint.isPresent()) {
            properties.put(ENDPOINT, endpoint.get());
            properties.put(TRANSPORT, grpc ? "grpc" : "http");
            properties.put(SAMPLING, "1.0");
        } else if (variable(variables, ENDPOINT).isEmpty()) {
            properties.put(EXPORT, "false");
        }
        return properties;
    }

    /** The signal's path under the base URL, as the OpenTelemetry SDKs add it. */
    private static String traces(String base) {
        return (base.endsWith("/") ? base : base + "/") + "v1/traces";
    }

    private static Optional<String> variable(Lookup variables, String name) {
        return Optional.ofNullable(variables.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** Reads a variable by name. */
    @FunctionalInterface
    interface Lookup {
        String get(String name);
    }
}
