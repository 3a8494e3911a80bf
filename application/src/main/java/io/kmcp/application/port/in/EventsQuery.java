package io.kmcp.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * Which events, as the caller typed it.
 *
 * @param namespace absent for all namespaces
 * @param involvedObject the object the events are about: a name, or kind/name (Pod/web-1)
 * @param type Normal or Warning
 * @param sinceSeconds only events seen in the last so many seconds
 * @param limit at most so many groups
 */
public record EventsQuery(
        Optional<String> namespace,
        Optional<String> involvedObject,
        Optional<String> type,
        Optional<Integer> sinceSeconds,
        Optional<Integer> limit) {

    public EventsQuery {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(involvedObject, "involvedObject");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sinceSeconds, "sinceSeconds");
        Objects.requireNonNull(limit, "limit");
    }
}
