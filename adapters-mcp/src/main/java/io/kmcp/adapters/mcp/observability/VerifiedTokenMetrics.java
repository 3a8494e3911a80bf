package io.kmcp.adapters.mcp.observability;

import io.kmcp.adapters.mcp.security.VerifiedTokens;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;

/**
 * The tokens remembered as verified: how many are kept ({@code kmcp_verified_tokens}) and how calls
 * found theirs ({@code kmcp_verified_token_lookups_total{result="hit|miss"}}; a miss checks the
 * signature against the cluster's keys). No label names a token or a subject.
 */
public final class VerifiedTokenMetrics implements MeterBinder {

    private static final String LOOKUPS = "kmcp.verified.token.lookups";
    private static final String LOOKUPS_DESCRIPTION =
            "Calls whose token needed its signature verified, by whether it was verified a moment ago";

    private final VerifiedTokens tokens;

    public VerifiedTokenMetrics(VerifiedTokens tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("kmcp.verified.tokens", tokens, VerifiedTokens::size)
                .description("Tokens whose verified signature is remembered, per cluster and token")
                .strongReference(true)
                .register(registry);
        FunctionCounter.builder(LOOKUPS, tokens, VerifiedTokens::hits)
                .description(LOOKUPS_DESCRIPTION)
                .tag("result", "hit")
                .register(registry);
        FunctionCounter.builder(LOOKUPS, tokens, VerifiedTokens::misses)
                .description(LOOKUPS_DESCRIPTION)
                .tag("result", "miss")
                .register(registry);
    }
}
