package io.kmcp.application.port.out;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of objects as the API server returned them (JSON-like maps, frozen as {@link ResourceReader}
 * says), with what is needed to fetch the next page.
 *
 * @param remainingItemCount the API server's estimate of the items after this page, when it gives one
 */
public record ResourcePage(
        List<Map<String, Object>> items, Optional<String> continueToken, Optional<Long> remainingItemCount) {

    public ResourcePage {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        Objects.requireNonNull(continueToken, "continueToken");
        Objects.requireNonNull(remainingItemCount, "remainingItemCount");
    }
}
