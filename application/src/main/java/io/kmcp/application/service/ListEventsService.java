package io.kmcp.application.service;

import io.kmcp.application.Caller;
import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.EventList;
import io.kmcp.application.port.in.EventsQuery;
import io.kmcp.application.port.in.ListEvents;
import io.kmcp.application.port.out.ResourcePage;
import io.kmcp.application.port.out.ResourceReader;
import io.kmcp.domain.Texts;
import io.kmcp.domain.diagnosis.EventDigest;
import io.kmcp.domain.diagnosis.EventGroup;
import io.kmcp.domain.diagnosis.Snapshots;
import io.kmcp.domain.resource.FieldSelector;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.ObjectName;
import io.kmcp.domain.resource.PageLimit;
import io.kmcp.domain.resource.ResourceQuery;
import io.kmcp.domain.resource.SinceSeconds;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.Verb;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Lists events the way an agent wants them: the object and type filters go to the API server as
 * field selectors, so only the relevant events travel; grouping, ordering and the time filter happen
 * here, since the API server can do none of them.
 */
public final class ListEventsService implements ListEvents {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    /** Events read from the API server at most; a busier scope is reported as truncated. */
    static final int MAX_READ = 2000;

    private static final Pattern KIND = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,62}");

    private final TypeLookup types;
    private final ResourceReader reader;
    private final Clock clock;

    public ListEventsService(TypeLookup types, ResourceReader reader, Clock clock) {
        this.types = Objects.requireNonNull(types, "types");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public EventList list(Caller caller, EventsQuery query) {
        Optional<NamespaceName> namespace = Inputs.valid(() -> query.namespace().flatMap(NamespaceName::ofNullable));
        List<String> fields = new ArrayList<>();
        query.involvedObject().filter(text -> !text.isBlank()).ifPresent(text -> fields.addAll(involved(text)));
        Optional<String> type = query.type().filter(text -> !text.isBlank()).map(ListEventsService::type);
        type.ifPresent(value -> fields.add("type=" + value));
        int limit = query.limit().orElse(DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new RequestFailedException(
                    Reason.INVALID_ARGUMENT, "limit must be between 1 and " + MAX_LIMIT + ", was " + limit + ".");
        }
        Optional<Instant> since = Inputs.valid(() -> query.sinceSeconds().map(SinceSeconds::new))
                .map(seconds -> clock.instant().minus(Duration.ofSeconds(seconds.value())));
        Optional<FieldSelector> fieldSelector = Inputs.valid(() -> FieldSelector.ofNullable(String.join(",", fields)));
        ResourceType events = types.resolve(caller, "events.v1", Verb.LIST);
        ResourcePage page = reader.list(
                caller,
                new ResourceQuery(
                        events, namespace, Optional.empty(), fieldSelector, new PageLimit(MAX_READ), Optional.empty()));
        List<EventGroup> groups = EventDigest.filter(
                EventDigest.of(page.items().stream().map(Snapshots::event).toList()), type, since);
        List<EventGroup> kept = groups.subList(0, Math.min(limit, groups.size()));
        return new EventList(
                namespace.map(NamespaceName::value),
                kept,
                page.items().size(),
                groups.size() - kept.size(),
                page.continueToken().isPresent());
    }

    /** {@code name} or {@code Kind/name}, as field selectors on the involved object. */
    static List<String> involved(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String name = slash < 0 ? trimmed : trimmed.substring(slash + 1);
        Inputs.valid(() -> new ObjectName(name));
        List<String> fields = new ArrayList<>();
        if (slash >= 0) {
            String kind = trimmed.substring(0, slash);
            if (!KIND.matcher(kind).matches()) {
                throw new RequestFailedException(
                        Reason.INVALID_ARGUMENT,
                        "involvedObject " + Texts.quote(text)
                                + " is not a name or Kind/name such as Pod/web-1 or Deployment/web.");
            }
            fields.add("involvedObject.kind=" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1));
        }
        fields.add("involvedObject.name=" + name);
        return fields;
    }

    static String type(String text) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "warning":
                return "Warning";
            case "normal":
                return "Normal";
            default:
                throw new RequestFailedException(
                        Reason.INVALID_ARGUMENT, "type must be Normal or Warning, was " + Texts.quote(text) + ".");
        }
    }
}
