package io.kmcp.domain.diagnosis;

import io.kmcp.domain.resource.JsonTree;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A deletion that was asked for and has not happened: the object still exists with a
 * {@code metadata.deletionTimestamp}.
 *
 * <p>The API server sets the timestamp to the time of the request plus the grace period
 * ({@code metadata.deletionGracePeriodSeconds}: a pod's {@code terminationGracePeriodSeconds}, 30 s by
 * default, shortened to 0 by the kubelet once the containers stopped; 0 for every other kind). So the
 * timestamp is the deadline itself: past it, only the finalizers, or for a pod the kubelet's last word,
 * keep the object.
 *
 * @param deadline when the object was due to be gone: {@code metadata.deletionTimestamp}
 * @param gracePeriod {@code metadata.deletionGracePeriodSeconds}, zero when absent
 * @param finalizers what must let go before it is removed: {@code metadata.finalizers}, and for a
 *     namespace its {@code spec.finalizers} too (the namespace controller's {@code kubernetes})
 */
public record Deletion(Instant deadline, Duration gracePeriod, List<String> finalizers) {

    public Deletion {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        finalizers = List.copyOf(finalizers);
    }

    /** When the deletion was asked for. */
    public Instant requested() {
        return deadline.minus(gracePeriod);
    }

    /** Whether the deadline has passed and the object is still there. */
    public boolean overdue(Instant now) {
        return now.isAfter(deadline);
    }

    /** How long ago the deletion was asked for. */
    public Duration waited(Instant now) {
        return Duration.between(requested(), now);
    }

    /** How long past its deadline the object is; zero before the deadline. */
    public Duration pastDeadline(Instant now) {
        Duration past = Duration.between(deadline, now);
        return past.isNegative() ? Duration.ZERO : past;
    }

    /** The deletion of a JSON-decoded object, when one is pending. */
    static Optional<Deletion> of(JsonTree object) {
        return of(object, List.of());
    }

    /** The same, with more finalizers than the metadata's (a namespace's {@code spec.finalizers}). */
    static Optional<Deletion> of(JsonTree object, List<JsonTree> moreFinalizers) {
        return object.at("metadata.deletionTimestamp").instant().map(deadline -> {
            List<String> finalizers = new ArrayList<>();
            List<JsonTree> all =
                    new ArrayList<>(object.at("metadata.finalizers").list());
            all.addAll(moreFinalizers);
            for (JsonTree finalizer : all) {
                finalizer.string().filter(name -> !finalizers.contains(name)).ifPresent(finalizers::add);
            }
            long grace = Math.max(
                    0, object.at("metadata.deletionGracePeriodSeconds").number().orElse(0L));
            return new Deletion(deadline, Duration.ofSeconds(grace), finalizers);
        });
    }
}
