package io.kmcp.adapters.mcp.observability;

import io.kmcp.adapters.mcp.security.TokenRejection;
import io.kmcp.adapters.mcp.security.TokenRejectionObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/** Requests refused for their bearer token, by reason ({@code kmcp_token_rejections_total}). */
public final class TokenRejectionMetrics implements TokenRejectionObserver {

    static final String REJECTIONS = "kmcp.token.rejections";

    private final Map<TokenRejection, Counter> counters = new EnumMap<>(TokenRejection.class);

    /** Every reason is registered at start, at zero, so that an alert on a rate has a series to watch. */
    public TokenRejectionMetrics(MeterRegistry registry) {
        for (TokenRejection rejection : TokenRejection.values()) {
            counters.put(
                    rejection,
                    Counter.builder(REJECTIONS)
                            .description("Requests refused for their bearer token, by reason")
                            .tag("reason", rejection.label())
                            .register(registry));
        }
    }

    @Override
    public void rejected(TokenRejection rejection) {
        counters.get(rejection).increment();
    }
}
