package io.kmcp.adapters.kubernetes.observability;

import io.kmcp.adapters.kubernetes.ApiRequest;
import io.kmcp.adapters.kubernetes.ApiRequestObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * API server requests as metrics and spans: a counter and a latency histogram per cluster, verb and
 * status code ({@code kmcp_api_requests_total}, {@code kmcp_api_request_seconds}; {@code code="none"}
 * when no answer came), and a client span per request, the child of the span current on the sending
 * thread (the tool call's). The span is created when the request is sent and ended on the HTTP
 * client's thread, so the parent is taken at the right moment whichever thread ends it.
 */
public final class ApiRequestMetrics implements ApiRequestObserver {

    static final String REQUESTS = "kmcp.api.requests";
    static final String DURATION = "kmcp.api.request";

    /** From a cached read on a near API server to a slow list across a large cluster. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30)
    };

    private final MeterRegistry registry;
    private final Tracer tracer;

    public ApiRequestMetrics(MeterRegistry registry, Tracer tracer) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.tracer = Objects.requireNonNull(tracer, "tracer");
    }

    @Override
    public Request started(String cluster, ApiRequest request) {
        Span span = tracer.spanBuilder()
                .name(request.verb() + (request.resource().isEmpty() ? "" : " " + request.resource()))
                .kind(Span.Kind.CLIENT)
                .tag("k8s.verb", request.verb())
                .tag("k8s.resource", request.resource())
                .tag("kmcp.cluster", cluster)
                .start();
        Timer.Sample sample = Timer.start(registry);
        AtomicBoolean ended = new AtomicBoolean();
        return new Request() {
            @Override
            public void answered(int status) {
                end(String.valueOf(status));
            }

            @Override
            public void failed(Throwable failure) {
                if (failure != null) {
                    span.error(failure);
                }
                end("none");
            }

            private void end(String code) {
                if (!ended.compareAndSet(false, true)) {
                    return;
                }
                span.tag("http.response.status_code", code).end();
                Tags tags = Tags.of("cluster", cluster, "verb", request.verb(), "code", code);
                sample.stop(Timer.builder(DURATION)
                        .description("How long API server requests take until the answer's headers arrive")
                        .tags(tags)
                        .serviceLevelObjectives(BUCKETS)
                        .register(registry));
                Counter.builder(REQUESTS)
                        .description("Requests to API servers by cluster, verb and status code")
                        .tags(tags)
                        .register(registry)
                        .increment();
            }
        };
    }
}
