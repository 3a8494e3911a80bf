package io.kmcp.adapters.mcp.observability;

import io.kmcp.adapters.mcp.tool.ToolCallObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.Objects;

/**
 * Tool calls as metrics and spans: a counter and a latency histogram per tool, cluster and outcome
 * ({@code kmcp_tool_calls_total}, {@code kmcp_tool_call_seconds}), one span per call that the API
 * requests of the call are children of, and a counter of apply confirmations per outcome ({@code
 * kmcp_confirmations_total}). The subject is not told to this class, so it cannot become a label.
 */
public final class ToolCallMetrics implements ToolCallObserver {

    static final String CALLS = "kmcp.tool.calls";
    static final String DURATION = "kmcp.tool.call";
    static final String CONFIRMATIONS = "kmcp.confirmations";

    /**
     * Reads answer in milliseconds, a diagnosis in seconds, and an apply waits for a person for up to
     * the elicitation timeout (10 minutes by default).
     */
    private static final Duration[] BUCKETS = {
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
        Duration.ofSeconds(30),
        Duration.ofMinutes(1),
        Duration.ofMinutes(5),
        Duration.ofMinutes(10)
    };

    private final MeterRegistry registry;
    private final Tracer tracer;

    public ToolCallMetrics(MeterRegistry registry, Tracer tracer) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.tracer = Objects.requireNonNull(tracer, "tracer");
        for (Confirmation confirmation : Confirmation.values()) {
            confirmations(confirmation);
        }
    }

    @Override
    public Call started(String tool, String cluster) {
        Span span = tracer.nextSpan()
                .name("tools/call " + tool)
                .tag("mcp.method.name", "tools/call")
                .tag("gen_ai.tool.name", tool)
                .tag("kmcp.cluster", cluster)
                .start();
        // In scope on the calling thread, so that the API requests the call makes become its children.
        Tracer.SpanInScope scope = tracer.withSpan(span);
        Timer.Sample sample = Timer.start(registry);
        return outcome -> {
            scope.close();
            span.tag("kmcp.outcome", outcome).end();
            Tags tags = Tags.of("tool", tool, "cluster", cluster, "outcome", outcome);
            sample.stop(Timer.builder(DURATION)
                    .description("How long MCP tool calls take, from arguments to answer")
                    .tags(tags)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry));
            Counter.builder(CALLS)
                    .description("MCP tool calls by tool, cluster and outcome")
                    .tags(tags)
                    .register(registry)
                    .increment();
        };
    }

    @Override
    public void confirmation(Confirmation confirmation) {
        confirmations(confirmation).increment();
    }

    /** Registered at start, so that a rate of each outcome exists before the first apply. */
    private Counter confirmations(Confirmation confirmation) {
        return Counter.builder(CONFIRMATIONS)
                .description("Confirmations of resource_apply plans by outcome")
                .tag("outcome", confirmation.label())
                .register(registry);
    }
}
