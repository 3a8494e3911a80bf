package io.kmcp.domain.diagnosis;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Events as an agent wants them: the same message about the same object once, with its count;
 * warnings first, newest first. The order is total, so the same events always read the same.
 */
public final class EventDigest {

    private static final Comparator<EventGroup> ORDER = Comparator.comparing(
                    (EventGroup group) -> group.type().equals("Warning") ? 0 : 1)
            .thenComparing(group -> group.lastSeen().orElse(Instant.MIN), Comparator.reverseOrder())
            .thenComparing(EventGroup::reason)
            .thenComparing(group -> group.involved().name())
            .thenComparing(group -> group.involved().kind())
            .thenComparing(group -> group.involved().namespace())
            .thenComparing(EventGroup::message)
            .thenComparing(EventGroup::type);

    private EventDigest() {}

    /**
     * The events grouped by type, reason, involved object (kind, namespace, name) and message: counts
     * summed, the earliest first and the latest last sighting kept. Messages that differ only in a
     * number stay apart, since the number (a count of nodes, a port) is often the point. Ordered
     * warnings first, then newest first (never seen last), then by reason and object name.
     */
    public static List<EventGroup> of(Collection<EventSnapshot> events) {
        Map<List<String>, EventGroup> groups = new LinkedHashMap<>();
        for (EventSnapshot event : events) {
            ObjectRef involved = event.involved();
            List<String> key = List.of(
                    event.type(),
                    event.reason(),
                    involved.kind(),
                    involved.namespace(),
                    involved.name(),
                    event.message());
            EventGroup seen = groups.get(key);
            groups.put(
                    key,
                    seen == null
                            ? new EventGroup(
                                    event.type(),
                                    event.reason(),
                                    involved,
                                    event.message(),
                                    event.count(),
                                    event.firstSeen(),
                                    event.lastSeen())
                            : new EventGroup(
                                    seen.type(),
                                    seen.reason(),
                                    seen.involved(),
                                    seen.message(),
                                    (int) Math.min(Integer.MAX_VALUE, (long) seen.count() + event.count()),
                                    earliest(seen.firstSeen(), event.firstSeen()),
                                    latest(seen.lastSeen(), event.lastSeen())));
        }
        return groups.values().stream().sorted(ORDER).toList();
    }

    /** The groups of that type (Normal or Warning) seen at or after {@code since}; a group never seen is kept. */
    public static List<EventGroup> filter(List<EventGroup> groups, Optional<String> type, Optional<Instant> since) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(since, "since");
        return groups.stream()
                .filter(group -> type.map(wanted -> wanted.equalsIgnoreCase(group.type()))
                        .orElse(true))
                .filter(group -> since.isEmpty()
                        || group.lastSeen()
                                .map(seen -> !seen.isBefore(since.get()))
                                .orElse(true))
                .toList();
    }

    private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        return Stream.concat(a.stream(), b.stream()).min(Comparator.naturalOrder());
    }

    private static Optional<Instant> latest(Optional<Instant> a, Optional<Instant> b) {
        return Stream.concat(a.stream(), b.stream()).max(Comparator.naturalOrder());
    }
}
