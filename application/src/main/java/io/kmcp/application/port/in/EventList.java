package io.kmcp.application.port.in;

import io.kmcp.domain.diagnosis.EventGroup;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Events grouped and ordered.
 *
 * @param namespace the namespace listed, empty for all
 * @param groups the groups kept, warnings first, newest first
 * @param events how many events were read, before grouping
 * @param omittedGroups groups left out by the limit
 * @param truncatedAtServer true when the API server had more events than were read
 */
public record EventList(
        Optional<String> namespace, List<EventGroup> groups, int events, int omittedGroups, boolean truncatedAtServer) {

    public EventList {
        Objects.requireNonNull(namespace, "namespace");
        groups = List.copyOf(groups);
    }
}
