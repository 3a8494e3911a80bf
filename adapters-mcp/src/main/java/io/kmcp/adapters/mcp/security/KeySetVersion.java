package io.kmcp.adapters.mcp.security;

import java.time.Instant;
import java.util.Objects;

/**
 * Which of a cluster's key sets is in use: its generation counts the fetches that brought different
 * keys, and it is trusted until the verifier would fetch the keys again anyway. A verification is
 * remembered only with the generation that was in use before it began.
 *
 * @param generation 0 before any key set was fetched
 * @param trustedUntil when the verifier's copy of this key set expires and would be fetched again
 */
record KeySetVersion(long generation, Instant trustedUntil) {

    static final KeySetVersion NONE = new KeySetVersion(0, Instant.MIN);

    KeySetVersion {
        Objects.requireNonNull(trustedUntil, "trustedUntil");
    }

    boolean fetched() {
        return generation > 0;
    }
}
