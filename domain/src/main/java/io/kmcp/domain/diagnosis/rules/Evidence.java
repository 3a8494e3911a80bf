package io.kmcp.domain.diagnosis.rules;

import io.kmcp.domain.diagnosis.EventDigest;
import io.kmcp.domain.diagnosis.EventGroup;
import io.kmcp.domain.diagnosis.LogExcerpt;
import io.kmcp.domain.diagnosis.WorkloadGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The events and logs a finding quotes, limited to the objects it is about. */
public final class Evidence {

    static final int MAX_EVIDENCE_EVENTS = 2;

    private Evidence() {}

    public static Predicate<EventGroup> reason(String reason) {
        return group -> group.reason().equals(reason);
    }

    public static Predicate<EventGroup> reasons(Set<String> reasons) {
        return group -> reasons.contains(group.reason());
    }

    /** The digest's groups about objects of that kind and those names (any name when none are given). */
    public static List<EventGroup> eventGroups(
            WorkloadGraph graph, String kind, Set<String> names, Predicate<EventGroup> wanted) {
        return EventDigest.of(graph.events()).stream()
                .filter(group -> group.involved().kind().equals(kind))
                .filter(group ->
                        names.isEmpty() || names.contains(group.involved().name()))
                .filter(wanted)
                .toList();
    }

    /** "event BackOff ×12 on 2 pods: Back-off restarting failed container …": per reason, the newest message. */
    public static List<String> events(
            WorkloadGraph graph, String kind, Set<String> names, Predicate<EventGroup> wanted) {
        return lines(eventGroups(graph, kind, names, wanted));
    }

    /** The evidence lines of event groups, as {@link #events} words them. */
    public static List<String> lines(List<EventGroup> groups) {
        Map<String, List<EventGroup>> byReason = new LinkedHashMap<>();
        groups.forEach(group -> byReason.computeIfAbsent(group.reason(), reason -> new ArrayList<>())
                .add(group));
        return byReason.entrySet().stream()
                .limit(MAX_EVIDENCE_EVENTS)
                .map(entry -> {
                    List<EventGroup> same = entry.getValue();
                    long total = same.stream().mapToLong(EventGroup::count).sum();
                    long objects = same.stream()
                            .map(group -> group.involved().name())
                            .distinct()
                            .count();
                    return "event " + entry.getKey() + " ×" + total
                            + (objects > 1
                                    ? " on " + objects + " "
                                            + same.get(0).involved().kind().toLowerCase(Locale.ROOT) + "s"
                                    : "")
                            + ": " + Wording.brief(same.get(0).message());
                })
                .toList();
    }

    /**
     * "last log line: …" of the named pods' containers, the previous instance's log first since that is
     * the one that ended; or why no log could be read.
     */
    public static Optional<String> lastLogLine(WorkloadGraph graph, Set<String> pods, Predicate<String> container) {
        List<LogExcerpt> excerpts = graph.logs().stream()
                .filter(log -> pods.contains(log.pod().name()))
                .filter(log -> container.test(log.container()))
                .sorted(Comparator.comparing(log -> !log.previous()))
                .toList();
        return excerpts.stream()
                .flatMap(log -> log.lastLine().stream())
                .findFirst()
                .map(line -> "last log line: " + Wording.brief(line))
                .or(() -> excerpts.stream()
                        .flatMap(log -> log.unavailable().stream())
                        .findFirst()
                        .map(reason -> "log unavailable: " + Wording.brief(reason)));
    }
}
