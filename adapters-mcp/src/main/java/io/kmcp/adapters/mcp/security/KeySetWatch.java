package io.kmcp.adapters.mcp.security;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Sees every fetch of one cluster's signing keys: each fetch renews how long the keys are trusted, and
 * a fetch that brings different keys starts a new generation and tells {@code onChange}, so that what
 * was verified with the keys of before is not trusted any longer.
 */
final class KeySetWatch implements ResourceRetriever {

    private final ResourceRetriever delegate;
    private final Clock clock;
    private final Duration lifetime;
    private final Runnable onChange;
    private volatile KeySetVersion current = KeySetVersion.NONE;
    private String lastKeys;

    /**
     * @param lifetime how long the verifier keeps a fetched key set before fetching it again
     * @param onChange runs when a fetch brings keys other than the last ones
     */
    KeySetWatch(ResourceRetriever delegate, Clock clock, Duration lifetime, Runnable onChange) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
    }

    KeySetVersion current() {
        return current;
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        Resource fetched = delegate.retrieveResource(url);
        synchronized (this) {
            boolean changed = !fetched.getContent().equals(lastKeys);
            lastKeys = fetched.getContent();
            long generation = current.generation() + (changed ? 1 : 0);
            // The generation moves before anyone is told, so that a verification begun with the old
            // keys and finished after this line is never remembered as current.
            current = new KeySetVersion(generation, clock.instant().plus(lifetime));
            if (changed) {
                onChange.run();
            }
        }
        return fetched;
    }
}
